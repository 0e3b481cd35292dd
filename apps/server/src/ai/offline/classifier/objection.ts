/**
 * Objection subcategories. Cue phrases first (ordered: the more specific reason wins, e.g. "under
 * contract" before "already have a provider"); the trained model answers when no cue fits.
 */

const CUES: [string, RegExp][] = [
  [
    "competitor/under_contract",
    /\b(?:under (?:a )?contract|in (?:a )?contract|locked (?:in|into)|(?:signed|sign) (?:a |an )?(?:\d+|one|two|three|multi)[- ]?(?:year|yr|month)|(?:contract|lease|agreement|term) (?:does not |will not |is not up |that does not )?(?:end|ends|expire|expires|runs|is up|goes)|early termination|cancellation (?:fee|penalty) (?:if|to)|(?:\d+|one|two|three|a few|a couple) (?:more )?(?:years?|yrs?|months?) left|left on (?:my|our|the) [a-z ]*(?:contract|lease|agreement)|still (?:have|got) (?:\d+|a|one|two) (?:years?|months?) (?:left|on)|till (?:the )?contract|until (?:the|my|our) contract)\b/,
  ],
  [
    "price/hidden_fees",
    /\b(?:hidden|surprise|extra|sneaky|junk|add(?:ed)?[- ]on|activation|equipment|installation|processing|admin(?:istrative)?|enrollment|setup|set up|doc(?:ument)?|dealer|cancellation) (?:fees?|charges?|costs?)\b|\bnickel and dim|\bfine print\b|\bfees? (?:you|they) (?:did not|never) (?:mention|tell)|\bwhat (?:is|are) the catch\b|\bcatch\b.*\bfee/,
  ],
  [
    "price/found_cheaper",
    /\bcheaper\b|\b(?:better|lower|cheaper|best) (?:price|quote|deal|rate|offer)\b|\bquoted (?:me|us)\b|\b(?:half|less than|fraction of) (?:that|the price|what you)|\b\$?\d+ (?:less|cheaper)\b|\bgot a (?:quote|bid|estimate) (?:for|from)\b|\bother (?:company|companies|guy|place|quote|bid)s? (?:is|are|was|were|offer|quoted|charge)|\b(?:does|do|did|charges?|charged|offers?|gets?) (?:it |them |mine )?(?:for )?\$\d+|\$\d+ less\b|\bless (?:a|per) month\b|\bbeat (?:that|their|it|the price)\b|\bprice match\b.*\b(?:other|found)/,
  ],
  [
    "authority/spouse_partner",
    /\b(?:wife|husband|spouse|partner|hubby|boyfriend|girlfriend|fiance|fiancee|significant other|better half|the mrs|the missus|my man|my lady|wifey)\b/,
  ],
  [
    "price/budget",
    /\b(?:can not|could not|can never|not able to|unable to) (?:afford|swing|justify|spend|pay)\b|\bbudget\b|\bmoney(?:'s| is)? (?:is )?(?:tight|short)\b|\btight on (?:money|cash|funds)\b|\bfixed income\b|\b(?:lost|losing) (?:my|his|her|our) job\b|\bbroke\b(?! down)|\bno (?:money|cash|funds)\b|\bfunds are\b|\bcan not go (?:over|above|higher|more than)\b|\bmax(?:imum)? (?:i|we) can\b|\bmost (?:i|we) can (?:do|spend|pay)\b|\bmy (?:limit|max)\b|\bstretched thin\b|\bpaycheck\b|\bafford\b/,
  ],
  [
    "price/too_expensive",
    /\btoo (?:much|expensive|high|pricey|steep|rich)\b|\bexpensive\b|\boverpriced\b|\bpricey\b|\bway more than\b|\bthat is a lot\b|\ba lot of money\b|\brip ?off\b|\b(?:crazy|insane|ridiculous|outrageous|nuts)\b.*(?:\bprice|\$|\bmonth|\bcost|\bmuch)|(?:\$\d+|\d+ a month|\bprice|\bcost)\b.*\b(?:crazy|insane|ridiculous|steep|high|no way|nuts|outrageous)\b|\bnot (?:paying|worth) (?:that|\$)|(?:\$?\d+|\bprice|\bcost|\bmonth)\b.*\bnot worth\b|\bnot worth the (?:money|price|cost)\b/,
  ],
  [
    "authority/landlord_owner",
    /\b(?:landlord|landlady|property manager|property management|(?:i|we) (?:rent|lease)\b|renting|renters?|tenant|do not own|not the (?:home ?owner|owner)|owner would|(?:my|the) (?:parents|mom|dad|mother|father) own|(?:house|home|place|property|condo) is (?:my|our) (?:mom|dad|parents|mother|father|grandma|grandpa|grandmother|grandfather|aunt|uncle|in-laws)(?:'s)?|(?:she|he|they) (?:makes?|make) (?:those|the|that|all the) (?:calls|decisions)|apartment complex|management company)\b/,
  ],
  [
    "authority/boss_committee",
    /\b(?:boss|manager|supervisor|board|committee|corporate|headquarters|hq|owner of the (?:business|company)|my (?:employer|company)|the partners|our (?:cfo|ceo|director)|procurement|purchasing|approval from)\b/,
  ],
  [
    // Moving or selling has no subcategory of its own in the taxonomy.
    "other",
    /\b(?:moving|selling (?:the|our|my) (?:house|home|place|car)|sell(?:ing)? the house|(?:about to|going to|plan to|planning to) (?:move|sell)|relocating|house is (?:on the market|for sale|under contract))\b/,
  ],
  [
    "timing/seasonal",
    /\b(?:season|seasonal|off[- ]season|winter|summer|spring|fall|autumn|snow|cold|warm|weather|freezing|rainy|dormant|until it (?:gets|warms|cools)|when it (?:gets|warms|cools))\b/,
  ],
  [
    "timing/call_back_later",
    /\b(?:call|text|reach out|contact|check|follow up|get back|circle back|try|ping|hit) (?:me |us |with me |back )?(?:back |again |up )?(?:in|next|after|later|around|closer|at the end|a (?:few|couple))|\b(?:check|circle|get) back (?:with|in)\b|\bat work\b.*\blater\b|\b(?:later|next) (?:this|in the) (?:week|month|year)\b.*\b(?:call|text|talk|reach)|\bfollow up (?:in|next|after)\b/,
  ],
  [
    "timing/not_now",
    /\b(?:not (?:right )?now|not at the moment|not at this time|not yet|bad time|not a good time|busy|maybe later|maybe next|down the road|later this year|next year|in a few months|too soon|not ready|moving|renovating|remodel|swamped|slammed|just had a baby|hold off|on hold|wait (?:a|until|till))\b/,
  ],
  [
    "competitor/current_provider",
    /\b(?:already (?:have|use|got|with|signed)|(?:have|use|got) (?:a|another|our own|my own) (?:company|guy|provider|service|system|agent|company that)|current (?:provider|company|agent|insurance|carrier|plan)|(?:happy|satisfied|good) with (?:my|our|the) (?:current|guy|company|provider|agent|insurer)|with (?:state farm|geico|allstate|progressive|adt|vivint|ring|simplisafe|terminix|orkin|trugreen|sunrun|tesla|brinks|liberty mutual|farmers|usaa|nationwide)|(?:adt|vivint|simplisafe|terminix|orkin|trugreen|sunrun|brinks|state farm|geico|allstate|progressive|usaa) (?:already|does|has|is)|we use)\b/,
  ],
  [
    "trust/scam_concern",
    /\b(?:scam|scams|scammer|scammers|scammy|fraud|legit|legitimate|phishing|spam|sketchy|fishy|suspicious|how did you get (?:my|this) (?:number|info)|who gave you|prove|is this real|real company|bbb rating|reviews)\b/,
  ],
  [
    "trust/privacy",
    /\b(?:privacy|private|personal (?:info|information|data)|my (?:data|info|information|address|income|ssn|social)|social security|ssn|credit check|tracking|track (?:me|my|where)|spy|spying|recording|record (?:me|my|us|inside)|cameras? (?:in|inside|watching)|sold (?:to|my)|sell my|share my|sharing my|data|cloud|upload\w*|why do you need (?:my|that|to know)|not (?:sending|giving|sharing) (?:that|this|my|you)|random number)\b/,
  ],
  [
    "trust/bad_past_experience",
    /\b(?:last (?:time|company|guy|contractor|one|installer|provider)|the last [a-z]+ (?:we|i) (?:had|used|hired|tried)|the last [a-z]+ (?:took|left|never|did|ripped|screwed|messed|was|charged|broke|ruined|disappeared|scammed|lied)|not going through that again|lied to|(?:reps?|salesm[ae]n|company|they) lied|bad experience|got burned|burned (?:before|by|once)|(?:before|previously|once) (?:and|but) (?:they|it)|never showed|ripped (?:us|me) off|left a mess|messed up|screwed (?:us|me)|never again|not again|tried (?:that|it|one|a|them) before|had (?:a|one) (?:before|last)|previous (?:company|contractor|provider))\b/,
  ],
  [
    "trust/skeptical_results",
    /\b(?:does (?:it|that|this) (?:actually|really) work|actually work|really work|(?:does not|did not|never|will not|would not) (?:work|help|save|make a difference|do anything|do much)|too good to be true|not convinced|doubt|skeptical|sceptical|not sure (?:it|that|this) (?:works|will)|(?:really|actually) (?:save|help)|waste of money|gimmick|snake oil|(?:do|does) (?:anything|much)|all (?:marketing|hype)|believe (?:it|that|the [\w% ]+) when i see it|see it to believe|hype)\b/,
  ],
  [
    "need/diy",
    /\b(?:myself|ourselves|my own|our own|diy|do it (?:my|our)self|handy|my (?:son|husband|brother|dad|neighbor|kid|nephew) (?:does|do|mows|handles|takes care|fixes|sprays)|home depot|lowes|lowe's|amazon|store bought|from the store)\b/,
  ],
  [
    "need/no_problem_now",
    /\b(?:(?:do not|never|have not) (?:have|had|seen|noticed|got) (?:any |a |an )?(?:bugs|pests|ants|roaches|mice|problems?|issues?|leaks?|break[- ]?ins?|termites|spiders|trouble)|(?:is|are|runs|running|works|working) (?:fine|great|good|perfectly|well|ok|okay)|no (?:bugs|pests|issues|problems|leaks)|(?:roof|ac|furnace|system|car|lawn|yard|house|unit|skin) is (?:fine|good|great|new|in good shape)|(?:brand )?new (?:roof|ac|furnace|unit|system|car)|(?:do not|does not) (?:need|see the need)|no need)\b/,
  ],
  [
    "need/not_interested",
    /\b(?:not interested|no interest|not for (?:me|us)|not (?:really )?a [a-z]+ person|not (?:really )?into (?:that|it|this|gyms?|\w+ stuff)|not (?:really )?(?:my|our) thing|do not (?:really )?(?:want|need) (?:it|that|this|one|solar|security|a)|not worth it for)\b/,
  ],
];

/** The subcategory a cue phrase names, or null when none does. */
export function objectionCue(normalized: string): string | null {
  for (const [label, pattern] of CUES) if (pattern.test(normalized)) return label;
  return null;
}

/** Messages that are objections by their wording, whatever the model says. */
export const STRONG_OBJECTION =
  /\bbelieve (?:it|that|the [\w% ]+) when i see it\b|\b(?:actually|really) (?:do|does) anything\b|\ball (?:marketing|hype)\b|\bnot (?:sending|giving|sharing) (?:that|this|my|you)\b|\breach out (?:again )?in (?:the )?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|fall|winter|a few|a couple)\b|^not (?:right )?now\b|^not at (?:this|the) (?:time|moment)\b|\b(?:hidden|junk|surprise|sneaky) (?:fees?|charges?)|\bquoted (?:me|us)\b[^?]*\b(?:less|cheaper|lower)\b|\bcan not go (?:over|above|higher)\b|(?:\$\d+|\d+ a month)\b[^.]*\b(?:insane|crazy|ridiculous|nuts|outrageous|not worth)\b|\b(?:busy|swamped|slammed|at work|in a meeting|driving)\b[^?]*\b(?:call|text|reach out to|hit) (?:me|us) (?:back )?(?:later|tomorrow|next|in (?:a|\d))|\b(?:text|call|reach out to|contact|check back with|follow up with) (?:me|us) (?:back |again )?(?:next (?:week|month|year|spring|summer|fall|winter)|in (?:a few|a couple|\d+|a) (?:weeks?|months?)|in (?:january|february|march|april|may|june|july|august|september|october|november|december|the spring|the fall|the summer|the winter))|\b(?:too (?:expensive|pricey|much money)|can not afford|(?:talk|check|ask|run it by|discuss (?:it )?with) (?:to |with )?(?:my|the) (?:wife|husband|spouse|partner|boss|landlord|hubby)|under (?:a )?contract|locked (?:in|into)|(?:is|sounds like) (?:a )?scam|landlord|found (?:it |someone |somebody )?cheaper|legit|phishing|scam\w*|sketchy|fishy|who gave you (?:my|this) (?:number|info))\b/;
