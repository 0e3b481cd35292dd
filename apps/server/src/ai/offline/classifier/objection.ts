/**
 * Objection subcategories. Cue phrases first (ordered: the more specific reason wins, e.g. "under
 * contract" before "already have a provider"); the trained model answers when no cue fits.
 */

/** Someone already does the job: "we go to Dr. Patel", "we use Bluewave", "our pool guy". */
export const PROVIDER_BY_NAME =
  /\b(?:we|i|my family|our family) (?:already )?(?:go to|use|see|have been (?:going to|using|seeing|with)|are with|am with|went with|switched to|signed with|stick with|are sticking with|am sticking with|bank with|insure with|get (?:it|ours|mine|them|our \w+|my \w+) (?:done|serviced|cleaned|treated|sprayed|mowed|fixed|serviced) (?:by|at|through|with))\b|\bour (?:guy|gal|dentist|doctor|agent|pest guy|pool guy|lawn guy|mechanic|plumber|electrician|roofer|dermatologist|groomer|vet|trainer|cleaner|cleaners|provider|installer|landscaper|exterminator|broker|hvac guy|ac guy)\b|\b(?:have|got) (?:a|my|our) (?:guy|gal|person|dentist|agent|mechanic|plumber|pool guy|lawn guy|pest guy|landscaper|cleaning lady|cleaner|broker|exterminator|roofer|electrician)\b|\b(?:my|our) (?:brother|cousin|uncle|friend|neighbor|buddy|sister|brother-in-law|son-in-law)(?: is| works as| owns| runs) (?:a|an|the) /;

/** "had you guys years ago", "last time I was with you": a customer once, not now. */
export const FORMER_CUSTOMER =
  /\b(?:had|used|tried|was with|were with|went with|dealt with|switched from|left|dropped|cancell?ed) (?:you|y'all|your company|your service|you guys|you all|you people|you folks)\b(?: guys| all| folks)?[^.?!]{0,20}\b(?:years? ago|before|back in|back when|last (?:year|time)|a (?:while|few years) (?:back|ago)|once|previously|in 20\d\d)\b|\blast time (?:i|we) (?:was|were|had|used|went with|tried|dealt with) (?:you|your|y'all)\b|\b(?:i|we) used to (?:be with|have|use) (?:you|your|y'all)\b/;

/** A health reason has no subcategory of its own: allergies, asthma, a pregnancy. */
const HEALTH_REASON =
  /\b(?:allerg(?:y|ies|ic)|asthma\w*|pregnan\w*|health (?:issues?|reasons?|problems?|conditions?|stuff)|medical (?:reasons?|conditions?|issues?)|chemical sensitivit\w*|sensitive to (?:the )?(?:chemicals|smells?|fumes|sprays?|scents?)|immune\w*|respiratory|chemo|(?:just had|recovering from) (?:a )?surgery|migraines?|(?:doctor|dr) (?:said|says|told))\b/;

/** Providers leads name in lower case as often as not. */
const BRANDS =
  "state farm|geico|allstate|progressive|liberty mutual|farmers|usaa|nationwide|adt|vivint|ring|simplisafe|brinks|terminix|orkin|trugreen|sunrun|tesla|xfinity|comcast|spectrum|verizon|at&t|att|t-mobile|cox|frontier|google fiber|planet fitness|la fitness|aspen dental|roto-rooter|servpro|lennox|carrier|trane|molly maid|merry maids";
/** "we have Orkin and they're great", "we use state farm": a provider by its name. */
const NAMED_BRAND = new RegExp(
  `\\b(?:have|use|using|got|with|switched to|go with|went with|stick with|sticking with) (?:${BRANDS})\\b|\\b(?:${BRANDS}) (?:already|does|has|is|are|takes care|handles|covers|comes)\\b`,
);
/** A capitalised provider name after "we have / we use" in the original text. */
const CAPITALISED_PROVIDER =
  /\b(?:[Ww]e|I|[Mm]y family)(?: already| currently| just)? (?:have|use|got|are with|am with|went with|switched to|go with|stick with|bank with|insure with) ((?:[A-Z][\w&'’.-]*|[A-Z]{2,})(?:\s+[A-Z][\w&'’.-]*)*)/;
const NOT_A_NAME =
  /^(?:I|A|An|The|It|My|Our|No|Not|Kids?|Dogs?|Cats?|Ants|Bugs|Mice|Roaches|Termites|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Someone|Somebody|Everything|Solar|Security|Insurance|Pest|Lawn|Pool)\b/;

/** The lead names the company they already use, in capitals or from the known brands. */
export function namesProvider(original: string, normalized: string): boolean {
  if (NAMED_BRAND.test(normalized)) return true;
  const name = CAPITALISED_PROVIDER.exec(original)?.[1];
  return name !== undefined && !NOT_A_NAME.test(name);
}

const CUES: [string, RegExp][] = [
  [
    "competitor/under_contract",
    /\b(?:under (?:a )?contract|in (?:a )?contract|locked (?:in|into)|(?:signed|sign) (?:a |an )?(?:\d+|one|two|three|multi)[- ]?(?:year|yr|month)|(?:contract|lease|agreement|term) (?:does not |will not |is not up |that does not )?(?:end|ends|expire|expires|runs|is up|goes)|early termination|cancellation (?:fee|penalty) (?:if|to)|(?:\d+|one|two|three|a few|a couple) (?:more )?(?:years?|yrs?|months?) left|left on (?:my|our|the) [a-z ]*(?:contract|lease|agreement)|still (?:have|got) (?:\d+|a|one|two) (?:years?|months?) (?:left|on)|till (?:the )?contract|until (?:the|my|our) contract)\b|\b(?:\d+|a few|several|many|two|three|four|five|ten) (?:more )?(?:years?|yrs?|months?|mos?) (?:left )?(?:on|in|into|remaining on) (?:my|our|the|a|this|that) (?:lease|contract|agreement|term|plan|loan|ppa)\b|\b(?:lease|contract|agreement|plan|ppa|term) (?:runs|goes|is good|lasts|is locked|through|till|until|thru)\b|\b(?:locked|stuck|tied|committed|signed)\b[^.?!]{0,40}\b(?:till|until|through|thru) (?:20\d\d|\d{4}|next (?:year|spring|summer|fall|winter))\b|\b(?:\d+|one|two|three|five|ten|twenty)[- ](?:year|yr|month)s? (?:lease|contract|agreement|term|commitment|ppa)\b|\bprepaid\b|\bpaid (?:up |in full )?(?:through|for the (?:whole )?year)\b/,
  ],
  [
    "price/hidden_fees",
    /\b(?:hidden|surprise|extra|annual|yearly|sign ?up|signup|joining|initiation|membership|hook ?up|connection|sneaky|junk|add(?:ed)?[- ]on|activation|equipment|installation|processing|admin(?:istrative)?|enrollment|setup|set up|doc(?:ument)?|dealer|cancellation|trip|disposal|dispatch|diagnostic|fuel|convenience|booking|hauling|haul[- ]away|dump|travel|shady|bogus|mystery|random|nonsense|weird|fake|service|truck|environmental|materials?) (?:fees?|charges?|costs?|surcharges?)\b|\bsurcharges?\b|\btack(?:ed|s|ing)? (?:on|it on)\b|\b(?:fees?|charges?) (?:on top|tacked|added on|buried|piled)|\bfees? (?:after|on top of) fees?\b|\bnickel and dim|\bfine print\b|\bfees? (?:you|they) (?:did not|never) (?:mention|tell)|\bwhat (?:is|are) the catch\b|\bcatch\b.*\bfee/,
  ],
  [
    // An intro price that does not last: "the $79 turns into $400", "the promo rate doubles after a year".
    "price/hidden_fees",
    /\b(?:turns? into|ends? up (?:being|at|costing)|jumps? to|balloons? to|bait and switch|upsell\w*)\b|\b(?:intro|introductory|promo|promotional|teaser|starting|first[- ]year) (?:price|rate|offer|deal|pricing)s?\b[^.?!]{0,40}\b(?:doubles?|doubling|triples?|goes up|go up|jumps?|expires?|ends?|only lasts)\b|\b(?:price|rate|monthly|bill|payment) (?:doubles|triples|goes up|jumps|increases)\b[^.?!]{0,20}\b(?:after|once|when)\b/,
  ],
  ["trust/bad_past_experience", FORMER_CUSTOMER],
  ["other", HEALTH_REASON],
  [
    // A story about a company that let them down outranks "scam" or "cheaper" words in it.
    "trust/bad_past_experience",
    /\btook (?:a|my|our|the|their|half|\$\d+)[^.?!]{0,25}\b(?:deposit|down payment|money|check|payment|cash)\b[^.?!]{0,30}\b(?:disappeared|vanished|ran|never|ghosted|bailed|skipped|took off|left)|\b(?:got|were|was|been) (?:scammed|ripped off|burned|screwed|taken|conned)\b[^.?!]{0,30}\b(?:by|before|last|once|years|previously)\b|\b(?:last|previous|old|other|prior) (?:[a-z]+ ){0,2}(?:company|guy|guys|contractor|crew|outfit|installer|provider|place|one|tech|roofer|plumber|landscaper|exterminator|dealer|agent) (?:ruined|destroyed|wrecked|botched|butchered|messed|left|never|took|ghosted|overcharged|lied|damaged|broke|killed|flooded|stained|disappeared|vanished|walked|bailed|scammed|screwed)|\bghosted (?:us|me)\b|\b(?:disappeared|vanished|skipped town|took off with|ran off with|never came back to finish)\b|\bwalked off the job\b|\bnever finished the job\b|\bbotched\b|\b(?:terrible|horrible|awful|bad|nightmare|rough) (?:experience|time|luck|go of it) (?:with|last|before)\b|\b(?:we|i) (?:tried|did|had|used) (?:this|that|it|one|them|solar|a service|a company|someone|something like this) (?:before|once|years ago|last)\b[^.?!]{0,40}\b(?:never|not|did not|waste|worse|bad|terrible|mess|ruined|nothing)/,
  ],
  [
    "price/found_cheaper",
    /\bcheaper\b|\b(?:better|lower|cheaper|best) (?:price|quote|deal|rate|offer)\b|\bquoted (?:me|us)\b|\b(?:half|less than|fraction of) (?:that|the price|what you)|\b\$?\d+ (?:less|cheaper)\b|\bgot a (?:quote|bid|estimate) (?:for|from)\b|\bother (?:company|companies|guy|place|quote|bid)s? (?:is|are|was|were|offer|quoted|charge)|\b(?:does|do|did|charges?|charged|offers?|gets?) (?:it |them |mine )?(?:for )?\$\d+|\$\d+ less\b|\bless (?:a|per) month\b|\bbeat (?:that|their|it|the price)\b|\bprice match\b.*\b(?:other|found)/,
  ],
  [
    // "my husband does it himself": the household does the work, the spouse is not the decider.
    "need/diy",
    /\b(?:himself|herself|themselves)\b|\b(?:husband|wife|son|daughter|dad|father|brother|neighbor|kid|kids|nephew|uncle|boyfriend|partner|grandson|granddaughter|grandkids|teenager|teen|stepson|roommate|cousin|buddy|friend|father-in-law|brother-in-law) (?:does|do|mows|sprays|cleans|fixes|services|treats|installs|paints|cuts|trims|handles all|takes care of all|is handy|is a (?:plumber|electrician|contractor|roofer|mechanic|landscaper))\b(?! (?:not|the (?:deciding|decisions|finances|paperwork|bills)))/,
  ],
  [
    "authority/spouse_partner",
    /\b(?:wife|husband|spouse|partner|hubby|boyfriend|girlfriend|fiance|fiancee|significant other|better half|the mrs|the missus|my man|my lady|wifey)\b/,
  ],
  [
    "price/budget",
    /\b(?:can not|could not|can never|not able to|unable to) (?:afford|swing|justify|spend|pay)\b|\b(?:do not|does not|did not|not|never) (?:have|got|had) (?:the |any |that kind of |that much |enough )?(?:money|cash|funds|budget)\b|\bnot in the (?:cards|budget) (?:financially|money[- ]wise|this year|right now)\b|\bfinancially\b|\bmoney[- ]wise\b|\bbudget\b|\bmoney(?:'s| is)? (?:is )?(?:tight|short)\b|\btight on (?:money|cash|funds)\b|\bfixed income\b|\b(?:lost|losing) (?:my|his|her|our) job\b|\bbroke\b(?! down)|\bno (?:money|cash|funds)\b|\bfunds are\b|\bcan not go (?:over|above|higher|more than)\b|\bmax(?:imum)? (?:i|we) can\b|\bmost (?:i|we) can (?:do|spend|pay)\b|\bmy (?:limit|max)\b|\bstretched thin\b|\bpaycheck\b|\bafford\b/,
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
    /\b(?:call|text|reach out|contact|check|follow up|get back|circle back|try|ping|hit) (?:me |us |with me |back )?(?:back |again |up )?(?:in|next|after|later|around|closer|at the end|a (?:few|couple))|\b(?:check|checking|circle|circling|get|getting) back (?:with|in|after|closer|around|next)\b|\b(?:following|reaching|texting|calling) (?:up|out|back|me back)? ?(?:in|after|next|closer to)\b|\bat work\b.*\blater\b|\b(?:later|next) (?:this|in the) (?:week|month|year)\b.*\b(?:call|text|talk|reach)|\bfollow up (?:in|next|after)\b|\b(?:reach out|text|call|contact|hit me up|check back|try me|circle back|follow up|get back to me|ping me|message me|ask me)(?: with me| to me| again)? (?:then|at that point|after that|around then|at that time|after (?:the|my|our|tax|that)|once (?:the|we|i|it|things))\b|\b(?:end|start|beginning|middle|first|last week) of (?:the|next|this) (?:month|week|year|quarter)\b[^?]{0,40}\b(?:reach|text|call|contact|hit|check|try|ping|message|follow)\b|\b(?:reach|text|call|contact|hit|check|try|ping|message|follow)\b[^?]{0,40}\b(?:end|start|beginning|middle|first) of (?:the|next|this) (?:month|week|year|quarter)\b/,
  ],
  [
    "timing/not_now",
    /\b(?:not (?:right )?now|not at the moment|not at this time|not yet|bad time|not a good time|busy|maybe later|maybe next|down the road|later this year|next year|in a few months|too soon|not ready|moving|renovating|remodel|swamped|slammed|just had a baby|hold off|on hold|wait (?:a|until|till)|(?:end|start|beginning|middle) of (?:the|next|this) (?:month|year|quarter)|after (?:the holidays|tax season|the new year|school starts|we move in)|(?:is|would be) (?:a )?better (?:time)?$)\b/,
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
    /\b(?:constant|nonstop|endless|always|so many|kept having|non-stop) (?:outages|dropouts|breakdowns|delays|no-shows|billing (?:issues|problems|errors)|problems|issues)\b|\b(?:last (?:time|company|guy|contractor|one|installer|provider)|the last [a-z]+ (?:we|i) (?:had|used|hired|tried)|the last [a-z]+ (?:took|left|never|did|ripped|screwed|messed|was|charged|broke|ruined|disappeared|scammed|lied)|not going through that again|lied to|(?:reps?|salesm[ae]n|company|they) lied|bad experience|got burned|burned (?:before|by|once)|(?:before|previously|once) (?:and|but) (?:they|it)|never showed|ripped (?:us|me) off|left a mess|messed up|screwed (?:us|me)|never again|not again|tried (?:that|it|one|a|them) before|had (?:a|one) (?:before|last)|previous (?:company|contractor|provider))\b/,
  ],
  [
    "trust/skeptical_results",
    /\b(?:does (?:it|that|this) (?:actually|really) work|actually work|really work|(?:does not|did not|never|will not|would not) (?:work|help|save|make a difference|do anything|do much)|too good to be true|not convinced|doubt|skeptical|sceptical|not sure (?:it|that|this) (?:works|will)|(?:really|actually) (?:save|help)|waste of money|gimmick|snake oil|(?:do|does) (?:anything|much)|all (?:marketing|hype)|believe (?:it|that|the [\w% ]+) when i see it|see it to believe|hype)\b/,
  ],
  [
    "need/diy",
    /\b(?:(?<!(?:repeat|explain|express|remind|told|tell|ask|asking|repeating) )myself|ourselves|my own|our own|diy|do it (?:my|our)self|handy|my (?:son|husband|brother|dad|neighbor|kid|nephew) (?:does|do|mows|handles|takes care|fixes|sprays)|home depot|lowes|lowe's|amazon|store bought|from the store)\b/,
  ],
  [
    "need/no_problem_now",
    /\b(?:(?:do not|never|have not) (?:have|had|seen|noticed|got) (?:any |a |an )?(?:bugs|pests|ants|roaches|mice|problems?|issues?|leaks?|break[- ]?ins?|termites|spiders|trouble)|(?:is|are|runs|running|works|working) (?:fine|great|good|perfectly|well|ok|okay)|no (?:bugs|pests|issues|problems|leaks)|(?:roof|ac|furnace|system|car|lawn|yard|house|unit|skin) is (?:fine|good|great|new|in good shape)|(?:brand )?new (?:roof|ac|furnace|unit|system|car)|(?:do not|does not) (?:need|see the need)|no need)\b|\b(?:have not|did not|do not|never|not) (?:seen|had|noticed|got|have|see|notice|found|spotted) (?:a single|one|any|a|an|even one|even a) ?(?:bug|bugs|ant|ants|roach|roaches|mouse|mice|spider|spiders|pest|pests|termite|termites|problem|problems|issue|issues|leak|leaks|trouble|mosquito|mosquitoes|weeds?|cavity|cavities|drip|clog|clogs|outage|outages|rat|rats)\b|\bno (?:issues|problems|trouble|bugs|pests|leaks|complaints|complaint|sign of (?:any|them)) (?:lately|so far|right now|this year|at the moment|in years|yet|at all|here|with it)\b|\b(?:everything|all|it|house|roof|system|it all|our \w+|my \w+) (?:is |has been |seems |is still |is running |is working )(?:fine|good|great|working|running|ok|okay|holding up|solid|in good shape)(?: so far| for now| right now| thanks)?\b|\b(?:has|have) been (?:fine|great|good|quiet|solid|holding up|bug free|pest free)\b|\bnothing wrong with\b|\bnot (?:a problem|an issue) (?:for us|here|right now|at the moment)\b|\b(?:pest|bug|ant|mouse|rodent|leak|weed)[- ]free\b/,
  ],
  [
    "need/not_interested",
    /\b(?:not interested|no interest|not for (?:me|us)|not (?:really )?a [a-z]+ person|not (?:really )?into (?:that|it|this|gyms?|\w+ stuff)|not (?:really )?(?:my|our) thing|do not (?:really )?(?:want|need) (?:it|that|this|one|solar|security|a)|not worth it for)\b/,
  ],
  [
    // The lead's provider by a name only: "we go to Dr. Patel", "we use Bluewave", "our pool guy".
    "competitor/current_provider",
    PROVIDER_BY_NAME,
  ],
];

/** The subcategory a cue phrase names, or null when none does. */
export function objectionCue(normalized: string): string | null {
  for (const [label, pattern] of CUES) if (pattern.test(normalized)) return label;
  return null;
}

/** Cues that a named provider outranks: "we have Orkin and they're great" is about Orkin. */
const WEAKER_THAN_A_PROVIDER = new Set([
  "need/no_problem_now",
  "need/not_interested",
  "timing/not_now",
  "other",
]);

/** `objectionCue`, with a provider named in the original text taking over from the vaguer cues. */
export function objectionCueOf(original: string, normalized: string): string | null {
  const cue = objectionCue(normalized);
  if (
    (cue === null || WEAKER_THAN_A_PROVIDER.has(cue)) &&
    !HEALTH_REASON.test(normalized) &&
    namesProvider(original, normalized)
  )
    return "competitor/current_provider";
  return cue;
}

/** Messages that are objections by their wording, whatever the model says. */
export const STRONG_OBJECTION =
  /\bbelieve (?:it|that|the [\w% ]+) when i see it\b|\b(?:actually|really) (?:do|does) anything\b|\ball (?:marketing|hype)\b|\bnot (?:sending|giving|sharing) (?:that|this|my|you)\b|\breach out (?:again )?in (?:the )?(?:january|february|march|april|may|june|july|august|september|october|november|december|spring|summer|fall|winter|a few|a couple)\b|^not (?:right )?now\b|^not at (?:this|the) (?:time|moment)\b|\b(?:hidden|junk|surprise|sneaky) (?:fees?|charges?)|\bquoted (?:me|us)\b[^?]*\b(?:less|cheaper|lower)\b|\bcan not go (?:over|above|higher)\b|(?:\$\d+|\d+ a month)\b[^.]*\b(?:insane|crazy|ridiculous|nuts|outrageous|not worth)\b|\b(?:busy|swamped|slammed|at work|in a meeting|driving)\b[^?]*\b(?:call|text|reach out to|hit) (?:me|us) (?:back )?(?:later|tomorrow|next|in (?:a|\d))|\b(?:text|call|reach out to|contact|check back with|follow up with) (?:me|us) (?:back |again )?(?:next (?:week|month|year|spring|summer|fall|winter)|in (?:a few|a couple|\d+|a) (?:weeks?|months?)|in (?:january|february|march|april|may|june|july|august|september|october|november|december|the spring|the fall|the summer|the winter))|\b(?:too (?:expensive|pricey|much money)|can not afford|(?:talk|check|ask|run it by|discuss (?:it )?with) (?:to |with )?(?:my|the) (?:wife|husband|spouse|partner|boss|landlord|hubby)|under (?:a )?contract|locked (?:in|into)|(?:is|sounds like) (?:a )?scam|landlord|found (?:it |someone |somebody )?cheaper|legit|phishing|scam\w*|sketchy|fishy|who gave you (?:my|this) (?:number|info))\b/;
