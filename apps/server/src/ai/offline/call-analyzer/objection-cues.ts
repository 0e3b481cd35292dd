/**
 * Cue phrases for objections said on a call, read on cleaned text (lower case, contractions
 * expanded, fillers gone). Two strengths: a `strong` cue is an objection by its wording ("that's too
 * steep", "I'd have to run it by my wife"); a `topic` cue only names what an objection would be about
 * (a fee, the wife, the winter) and counts only when the customer pushes back or the rep treats it as
 * an objection. Written for this project from how sales calls go, not taken from any eval data.
 */

const any = (parts: string[]) => new RegExp(parts.join("|"));

const NUMBER = String.raw`(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|eighteen|twenty|thirty|a few|a couple(?: of)?|several)`;
export const SPOUSE =
  "(?:wife|husband|spouse|partner|hubby|fiance|fiancee|girlfriend|boyfriend|the mrs|the missus|better half|other half|significant other)";
const SEASON =
  "(?:spring|summer|fall|autumn|winter|the season|season|off-?season|warmer weather|cooler weather|it warms up|it gets warm|it cools (?:down|off)|it gets cold|the weather (?:warms|cools|turns|breaks|gets)|snow melts|the thaw|pool season|mowing season|growing season|heating season|cooling season|storm season)";
const MONTH = "january|february|march|april|june|july|august|september|october|november|december";
const DECIDE =
  "(?:decide|decides|decision|decisions|approve|approval|say so|sign off|sign-off|signs off|on board|okay with|ok with|agree|final say|final word|last word|weigh in|opinion|input|vote|handles (?:all )?(?:the|that|our)|does (?:all )?(?:the|our) (?:money|finances|bills|paperwork)|in charge|the one who|the one that|kill me|look at it|look at this|see it|see this|see the|go over|talk|discuss|has not (?:seen|heard)|needs to|has to|would have to|will have to|wants to (?:be|see|look|hear|talk)|want to (?:be there|see|look|hear|talk)|would want|will want|going to want|going to have)";
const BRANDS =
  "(?:state farm|geico|allstate|progressive|liberty mutual|farmers|usaa|nationwide|travelers|adt|vivint|ring|simplisafe|brinks|terminix|orkin|trugreen|sunrun|sunpower|tesla|comcast|xfinity|spectrum|planet fitness|la fitness|anytime fitness|gold's|lennox|carrier|trane|rheem)";

export type TCueList = [label: string, pattern: RegExp][];

/** Wording that is an objection whatever came before. The more specific reason is listed first. */
export const STRONG_CUES: TCueList = [
  [
    "competitor/under_contract",
    any([
      String.raw`\b(?:i am|we are|still|currently|already|stuck|been|i have been|we have been) (?:\w+ ){0,3}(?:under|in|locked into|tied into|signed (?:up )?(?:for|to)?) (?:a |an |the |our |my |this )?(?:\w+ )?(?:contract|agreement|lease)\b`,
      String.raw`(?<!not )\blocked in(?:to)?\b(?! (?:the|that|your) (?:rate|price))`,
      String.raw`\b${NUMBER} (?:more )?(?:months?|years?) (?:left|remaining|to go)\b`,
      String.raw`\b(?:left|remaining) on (?:my|our|the|a|that) (?:contract|agreement|lease|term|plan|policy)\b|\b(?:years?|months?) (?:left |remaining )?on (?:that|the|our|my|this) (?:lease|contract|agreement|loan|ppa)\b`,
      String.raw`\bjust (?:renewed|re-?signed|re-?upped|extended)\b|\bearly termination\b`,
      String.raw`\b(?:still )?(?:have|got|has) (?:${NUMBER}|\w+teen) (?:more )?(?:months?|years?) (?:left )?(?:on|in) (?:it|that|the|my|our)\b|\b(?:it is|it's|they are|we are) (?:leased|on a lease|financed)\b[^.?!]{0,60}\b(?:months?|years?)\b`,
      String.raw`\b(?:contract|agreement|lease|term|policy) (?:is not up|does not (?:end|expire|run out)|runs|ends|expires|is up|goes) (?:until|till|through|in|next)\b|\b(?:contract|agreement|lease|bond|plan|membership|policy|service plan|warranty)\b[^.?!]{0,60}\b(?:runs|goes|lasts|is good|is valid|is active) (?:until|till|through|thru)\b`,
      String.raw`\b(?:get out of|break|buy out of) (?:my|our|the|a|this|that) (?:contract|lease|agreement)\b`,
      String.raw`\bsigned (?:a |up for a |on for )?(?:\d+|one|two|three|five)[- ](?:year|month)\b`,
    ]),
  ],
  [
    "price/hidden_fees",
    any([
      String.raw`\b(?:hidden|surprise|sneaky|junk|bogus|mystery|random|mandatory|unexpected) (?:fees?|charges?|costs?|surcharges?|packages?|add-ons?|bills?)\b`,
      String.raw`\bfees? (?:on top|tacked|buried|piled|nobody|you (?:did not|never))|\b(?:tack|tacked|tacking|piled|pile) (?:\w+ )?on\b`,
      String.raw`\bfine print\b|\bnickel(?:-| and )dim|\bupcharges?\b|\bupsell|\bchange orders?\b|\bbait and switch\b`,
      String.raw`\b(?:stuff|things|extras|add-ons|options|packages?) (?:that )?(?:i|we) (?:did not|never|do not) (?:ask for|want|need|order)\b`,
      String.raw`\b(?:did not|never|nobody|no one) (?:\w+ ){0,2}(?:mention|tell|told|say|said)\b[^.?!]{0,30}\b(?:fees?|charges?|add-ons?|package|extras?)\b`,
      String.raw`\b(?:ended up|came out|wound up|turned out|went) (?:\w+ ){0,4}(?:over|above|higher than|more than) (?:the |what |their |your )?(?:quote|quoted|estimate|bid|budget|price|they said)\b|\b\w+ percent over\b`,
      String.raw`\b(?:after|once) the (?:promo|promotion|intro|introductory|first year|trial|teaser)\b[^.?!]{0,30}\b(?:goes up|go up|jumps|doubles|increases|ends|expires)|\b(?:goes up|jumps|doubles) after the\b`,
      String.raw`\b(?:fees?|charges?|costs?) (?:that )?(?:they|you|he|she|nobody|no one) (?:did not|never|do not|would not) (?:mention|tell|disclose|say|bring up)\b`,
      String.raw`\b(?:ended up|came out|wound up|turned out) (?:being |costing )?(?:way |a lot |much |so much |almost |nearly )?(?:more|higher|double|twice)\b|\bfees?\b[^.?!]{0,50}\b(?:nobody|no one|never|did not|they did not) (?:\w+ )?(?:mentioned|mention|told|tell|disclosed|said)\b|\b(?:charged|billed) (?:me|us) (?:for|a|an) [^.?!]{0,40}\b(?:fees?|extras?|consult\w*|charges?)\b`,
      String.raw`\b(?:buried|hidden|snuck|tucked) (?:in|at|into|on) (?:the )?(?:bottom|fine print|back|end|contract|paperwork|quote)\b|\badded (?:like |about |almost |another |an extra )?(?:\$\d|\d|\w+ (?:hundred|thousand|grand))`,
      String.raw`\b(?:market adjustment|dealer markup|markup)\b|\b(?:did not|never|could not) (?:see|find) (?:it |that |this |them )?(?:on|in) (?:the|your) (?:website|site|ad|listing|quote|flyer)\b`,
      String.raw`\bwhat is the catch\b|\balways a catch\b|\bwhere is the catch\b`,
      String.raw`\b(?:what|why) (?:is|are) (?:this|these|that|those) (?:\w+ ){0,5}(?:fees?|charges?)\b|\b(?:fees?|charges?|add-ons?)\b.*\b(?:nobody|no one|you never|they never|never|did not|without) (?:\w+ )?(?:mentioned|mentioning|told (?:me|us)|telling (?:me|us)|warned|said anything|brought up|disclosed)\b`,
    ]),
  ],
  [
    "trust/bad_past_experience",
    any([
      String.raw`\b(?:got|were|was|been|get|getting) (?:totally |completely |really )?(?:burned|burnt|ripped off|scammed|screwed(?: over)?|taken advantage of|taken for a ride|hosed)\b`,
      String.raw`\b(?:last|previous|old|other|prior) (?:\w+ ){0,2}(?:company|guy|guys|roofer|contractor|installer|provider|place|gym|dealer|dealership|tech|crew|outfit|one|time|agent|clinic|person|rep|salesman|outfit)\b[^.?!]{0,160}\b(?:took|left|never|ripped|screwed|ghosted|disappeared|vanished|lied|messed|damaged|ruined|overcharged|botched|broke|flooded|walked off|skipped|stopped showing|did half|bailed|went out of business|locked|trapped|kept (?:billing|charging)|billed|charged|would not let|made it (?:impossible|hard)|was (?:terrible|awful|horrible|a nightmare|a joke|useless))`,
      String.raw`\b(?:bad|terrible|horrible|awful|rough|nightmare|negative|horrendous) (?:experience|experiences|luck|history)\b`,
      String.raw`\b(?:it was|was|that was) (?:honestly |just |a total |an absolute |such a |a complete )?(?:a )?(?:disaster|nightmare|mess|fiasco|joke)\b|\b(?:would not|refused to|did not|never) (?:fix|refund|redo|correct|make it right|stand behind|give (?:me|us) (?:my|our|the) money back)\b|\bbrushed (?:me|us) off\b`,
      String.raw`\bnever again\b|\bnot going through (?:that|this|all that) again\b|\bonce bitten\b|\bfool me once\b|\bbeen burned\b`,
      String.raw`\b(?:they|he|she|the \w+) (?:never|did not) (?:show(?:ed)? up|come back|came back|finish(?:ed)?|call(?:ed)? (?:us |me )?back|return(?:ed)? (?:my |our )?calls?|honor(?:ed)?|fix(?:ed)? it)\b`,
      String.raw`\bkept (?:charging|billing) (?:me|us)\b|\bdisputed? (?:it|the charges?) with (?:my|our|the) (?:bank|card)\b|\b(?:number|phone|company|business)(?:'s| is| was| got| had been)? (?:disconnected|out of business|shut down)\b|\bwent (?:out of business|under|belly up)\b`,
    ]),
  ],
  [
    "trust/privacy",
    any([
      String.raw`\bprivacy\b|\b(?<!on )social security\b(?! (?:check|income|benefits))|\bssn\b|\bmy social\b(?! security (?:check|income))|\bidentity theft\b|\bbig brother\b`,
      String.raw`\b(?:data|security) breach(?:es)?\b|\bhack(?:ed|ers|ing)?\b|\bspy(?:ing)? on\b`,
      String.raw`\b(?:watching|recording|listening to|tracking) (?:me|us|my|our|where)\b|\bcameras? (?:inside|in (?:my|our|the) (?:house|home|bedroom|living room|kitchen))`,
      String.raw`\b(?:not comfortable|uncomfortable|do not (?:want|like)|would rather not|rather not|not (?:going to )?(?:give|giving|share|sharing|hand(?:ing)? over)|worried about|concerned about|nervous about|creeped out|creepy|who (?:else )?(?:sees|can see|has access|gets|looks at|is watching|watches)|(?:share|sharing|sell|selling|sold) (?:my|our|it|that|the|this))\b[^.?!]{0,50}\b(?:information|data|social|ssn|footage|video|recordings?|cameras?|details|credit|location|bank|account)\b`,
      String.raw`\b(?:run|pull|check) (?:my|our) credit\b|\bcredit (?:check|pull)\b[^.?!]{0,30}\b(?:not|do not|rather|hit|ding|hurt)`,
    ]),
  ],
  [
    "trust/scam_concern",
    any([
      String.raw`\bscam\w*\b|\bfraud\w*\b|\bcon (?:artists?|job|game)\b|\bstorm chasers?\b|\bfly[- ]by[- ]night\b|\blegit\b|\blegitimate\b|\bsketchy\b|\bshady (?:company|business|people|guys?|outfit|sales\w*|practices?|deal|stuff)\b|\bfishy\b|\bsuspicious\b|\b(?:really|actually) (?:from|with) (?:this|that|your|the) (?:company|bank|business)\b`,
      String.raw`\bhow (?:do|would|can|am) i (?:supposed to )?(?:know|be sure|trust|tell) (?:you|this|that|that you|this is|you are|it is|if you|whether)\b|\bwhy should i (?:trust|believe)\b|\bprove (?:it|that|you)\b`,
      String.raw`\bthat is what they all say\b|\b(?:everybody|everyone|they all) (?:says?|said) that\b|\b(?:i do not|do not) (?:know|trust) (?:you|who you are|your company|you people)\b`,
      String.raw`\b(?:never|have not|not) (?:even )?heard of (?:you|your company|y'all|you guys)\b|\b(?:do not|never) give (?:out )?(?:money|payment|card|cards) (?:over the phone|to strangers)\b`,
    ]),
  ],
  [
    "trust/skeptical_results",
    any([
      String.raw`\b(?:does|do|will|would|did|can) (?:it|that|this|they|these|those|the \w+) (?:actually|really|even|honestly) (?:work|help|do|save|make|last|pay|fix|get rid|kill|stop|keep|produce|fade)\b`,
      String.raw`\bnot (?:even |really |totally |fully )?(?:sure|convinced) (?:it|that|this|they|those|these|the \w+) (?:\w+ )?(?:works?|worked|helps?|helped|did (?:much|anything)|does (?:much|anything)|do (?:much|anything)|makes? a difference|made a difference|lasts?|lasted|pays? off|saves?)\b`,
      String.raw`\b(?:skeptic|skeptical|sceptical|dubious|doubtful)\b|\bi doubt (?:it|that|the|those|this)\b|\btoo good to be true\b|\bgimmick\w*\b|\bsnake oil\b|\bsales pitch\b|\bhype\b`,
      String.raw`\b(?:it|that|they|those|these) (?:did not|never|does not|do not) (?:really )?(?:work|help|do much|do anything|make (?:a|any|much) difference|last|see (?:a|any) difference)\b`,
      String.raw`\b(?:believe|see) it when i see it\b|\bsee (?:some )?(?:proof|results) (?:first|before)\b|\b(?:numbers|savings|estimates?|projections?|promises|claims|results) (?:always |usually |often |all )?(?:sound|seem|look|are|end up) (?:always |usually |often |too |a little |kind of |pretty |really |way )*(?:high|good|optimistic|inflated|unrealistic|made up|fake|exaggerated|off)\b|\b(?:make|makes|made|produce|produces|saved|save|saves) (?:way |a lot |much )?less than (?:they|it|you|the \w+) (?:said|promised|claimed|told)\b`,
      String.raw`\b(?:find|found|look for|looking for) (?:a|some|any) (?:reason|excuse|way|loophole) (?:not to|to not|to deny|to avoid) (?:pay|cover|honor)|\balways (?:some|an?) (?:exclusion|loophole|excuse|fine print reason)\b|\bnever (?:actually )?pay(?:s)? out\b|\b(?:barely|hardly|never) (?:went|go|goes|came) down\b`,
      String.raw`\b(?:did|tried|got|had|used) (?:\w+ ){0,5}(?:and|but) (?:\w+ ){0,4}(?:looks?|looked|is|was|stayed|stays|seems?) (?:exactly |just |pretty much |basically )?the same\b`,
      String.raw`\b(?:actually|really) (?:hold|holds|hold up|last|lasts|work|works|help|helps|fix|fixes)\?|\b(?:leaked|broke|failed|came back|peeled|faded) (?:again|right back)\b`,
      String.raw`\b(?:waste|throw(?:ing)? away) (?:of )?(?:my |our )?money\b|\bwhat if (?:it|that|they) (?:does not|do not|will not) work\b|\bwears off\b`,
    ]),
  ],
  [
    "price/found_cheaper",
    any([
      String.raw`\b(?:got|get|found|find|seen|saw|have|had|can get) (?:it |one |them |a quote |something |someone |somebody |a guy |a company |a place |the same thing )?(?:\w+ ){0,3}(?:cheaper|for less|for half)\b|\bcheaper (?:from|at|with|elsewhere|somewhere|down the street|online|quote|place|guy|company)\b|\bcheaper than (?:you|yours|your|what you)`,
      String.raw`\b(?:got|have|received|had|getting|get) (?:a |another |an |other |two |three |a couple |a few |some )?(?:other |better |lower |cheaper |competing )?(?:quotes?|bids?|estimates?)(?! from you)\b`,
      String.raw`\bcame in (?:\w+ ){0,4}(?:under|below|lower|less|cheaper)\b|\b(?:under|below|less than|cheaper than) (?:you|yours|your (?:price|quote|number|bid))\b|\bquoted (?:me|us)\b|\bprice match\b|\b(?:can|could|will|would) you (?:match|beat)\b|\bbeat (?:that|their|his|her) (?:price|quote|offer|deal)\b`,
      String.raw`\b(?:hundred|thousand|grand|bucks|dollars|\d+) (?:less|cheaper|lower)\b(?! than (?:what i|what we|my|our|i|we))`,
      String.raw`\b(?:other|another|the other|a different|competing) (?:\w+ ){0,2}(?:company|companies|guy|guys|place|places|dealer|dealership|shop|gym|agency|provider|contractor|installer|outfit|clinic|spa|studio|crew|service)s? (?:\w+ ){0,3}(?:is|are|was|were|charges?|charged|quoted|offers?|offered|does|did|wants?|will do|would do|gave|had|said|says|told me)\b[^.?!]{0,40}(?:\$|\d|hundred|thousand|less|cheaper|lower|half|only|free|price|deal|special|discount|for (?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b)`,
    ]),
  ],
  [
    "authority/landlord_owner",
    any([
      String.raw`\blandlord\b|\blandlady\b|\bproperty (?:manager|management|owner)\b|\bmanagement company\b|\b(?:i am|we are) (?:just |only )?(?:renting|renters|tenants?|a tenant)\b|\b(?:house|place|home|apartment|condo|it) is (?:a )?rental\b`,
      String.raw`\b(?:i|we) (?:just |only )?(?:rent|lease)\b(?! (?:it |them )?out)|\b(?:do not|does not|not) own (?:the|this|it|my|our|a|the place|the house|the home)\b|\bnot (?:the )?(?:home ?owner|owner|homeowner)\b|\b(?:is not|not) (?:actually )?in my name\b|\b(?:house|home|place|property|condo|building) (?:belongs|belonged) to\b|\b(?:his|her|their) name (?:is )?on the (?:deed|title|mortgage|lease)\b`,
      String.raw`\b(?:it is|house is|place is|home is|property is|condo is) (?:my|our) (?:parents|mom|dad|mother|father|in-laws|grandma|grandmother|grandpa|aunt|uncle)(?:'s)?\b|\b(?:my|our) (?:parents|mom|dad|mother|father|in-laws) own\b`,
      String.raw`\bhoa (?:has to|needs to|would have to|will not|would not|does not|approval|approve|rules|board)\b|\b(?:association|hoa|landlord|building|management|complex|city|owner) (?:owns|controls) (?:the )?(?:roof|building|property|exterior|outside|yard|walls)\b|\b(?:association|hoa|landlord|building|management) (?:will not|would not|does not|won't) (?:let|allow)\b`,
    ]),
  ],
  [
    "authority/boss_committee",
    any([
      String.raw`\b(?:my|the|our) (?:boss|bosses|manager|supervisor|board|committee|director|directors|cfo|ceo|coo|business partners?|corporate|head office|home office|finance (?:committee|team|department|people)|budget committee|purchasing|procurement|district office|regional manager|superintendent|principal|pastor|elders|trustees|council|higher-?ups?|leadership|management team|owner)\b[^.?!]{0,60}\b(?:approve|approval|sign off|sign-off|decide|decision|say|call|look at|review|vote|meet|meeting|okay|ok|agree|see|go over|weigh in|final say|goes to|has to|needs to|have to|would have to|will have to|make)\b`,
      String.raw`\b(?:not allowed to|not authorized to|do not have (?:the )?authority to|no authority to) (?:sign|approve|commit|decide|make|authorize|spend)\b|\babove my pay ?grade\b`,
      String.raw`\b(?:goes|go|has to go|needs to go|have to take (?:it|this)|take (?:it|this)) (?:to|before|through) (?:the|our|my) (?:board|committee|boss|owner|finance \w+|council|corporate|director|manager)\b|(?<!on )\b(?:the|our) board\b`,
    ]),
  ],
  [
    "authority/spouse_partner",
    any([
      String.raw`\b${SPOUSE}\b[^.?!]{0,60}\b${DECIDE}\b`,
      String.raw`\b(?:talk|talking|check|checking|run (?:it|this|that) by|ask|asking|discuss|consult|speak|go over (?:it|this)|show (?:it|this)|sit down|without|clear it with|loop in|bring) (?:\w+ ){0,3}(?:my|the|our) ${SPOUSE}\b`,
    ]),
  ],
  [
    "price/budget",
    any([
      String.raw`\b(?:can not|could not|can never|not able to|unable to|no way (?:i|we) can|do not think (?:i|we) can) (?:really |quite )?(?:afford|swing|manage that|justify)\b|\bafford\w*\b`,
      String.raw`\b(?:fixed|tight|limited|small|strict|set) (?:income|budget)\b|\bon a budget\b|\bbudget\w*\b`,
      String.raw`\bmoney(?: is|'s)? (?:really |kind of |pretty |super |just )?(?:tight|short|an issue|a problem|a thing)\b|\btight (?:on money|right now|this month|this year|financially)\b|\bfinancially\b`,
      String.raw`\b(?:do not|does not|not|never) (?:really |even )?(?:have|got) (?:the |that kind of |that much |enough |any |extra |the extra )?(?:money|cash|funds)\b|\b(?:i|we) do not (?:really )?have that(?=[.,!?]| right now| kind of| much| lying| sitting| just|$)`,
      String.raw`\b(?:student|grad|graduate|college) (?:loans?|student)\b|\b(?:lost|losing) (?:my|his|her|our) job\b|\b(?:laid off|between jobs|unemployed|one income|single income|on social security|on disability|paycheck to paycheck|medical bills|retired)\b|\bbroke\b(?! (?:down|into|in))|\bstretched (?:thin|tight)\b`,
      String.raw`\bmore than (?:i|we) (?:can|could) (?:spend|pay|do|afford|put)\b|\bmost (?:i|we) (?:can|could) (?:do|spend|pay)\b|\b(?:i am|we are) paying for (?:a |the |this |my |our )`,
    ]),
  ],
  [
    "price/too_expensive",
    any([
      String.raw`\btoo (?:expensive|high|pricey|steep|rich|costly)\b|\btoo much(?! (?:going on|work|hassle|time|effort|trouble|stuff|on my plate|for me to|noise|sun|shade|water|damage))\b`,
      String.raw`\b(?:that is|that|it is|seems|sounds|still|is|looks) (?:kind of |pretty |really |a little |a bit |awfully |quite |still |just |way |super )*(?:steep|pricey|expensive|high|a lot of money|a lot|hefty|spendy|a chunk|a big chunk)\b(?! of (?:\w+ )?(?:ants|bugs|people|work|time|questions|information|options|room|space|pests|damage|sun|shade))`,
      String.raw`\bmore than (?:i|we) (?:figured|expected|thought|wanted|were expecting|was expecting|hoped|were hoping|was hoping|budgeted|planned|usually pay|pay now|were thinking|was thinking)\b|\b(?:lot|bit|way) more than\b|\b(?:steeper|higher|pricier|more expensive|more) than (?:i|we) (?:wanted|hoped|expected|thought|planned|was hoping|were hoping|would like)\b|\b(?:hoping|trying|want|wanted|need|needed) to (?:stay|keep it|be) (?:under|below)\b`,
      String.raw`\boverpriced\b|\bout of (?:my|our|the) (?:price range|range|league)\b|\bpay that much\b|\b(?:not|is not) worth (?:it|that|the money|the price|the cost|that much)\b|\bsticker shock\b|\bhard to swallow\b|\bhigher than (?:i|we)\b`,
      String.raw`\b(?:crazy|insane|ridiculous|outrageous|nuts|highway robbery|rip ?off)\b(?=[^.?!]{0,30}(?:price|money|\$|dollars|month|much|pay|cost|for that|for this))|\b(?:whoa|wow|yikes|oof|geez|jeez)\b[^.?!]{0,15}\b(?:expensive|pricey|a lot|steep)\b`,
      String.raw`\b(?:thought|hoped|expected|assumed) (?:it|this|that) (?:would|was going to|is|was) (?:be )?(?:cheaper|less|lower)\b|\bthe whole point (?:was|is) (?:it is |that it is |to be |to save|saving)`,
    ]),
  ],
  [
    "need/diy",
    any([
      String.raw`\b(?:do|does|did|doing|handle|handles|fix|fixes|mow|mows|spray|sprays|treat|treats|take care of|work out|train|clean|paint|install|manage|cut) (?:\w+ ){0,4}(?:myself|ourselves|himself|herself|on my own|on our own)\b|\bdiy\b|\bdo-it-yourself\b|\bdo it yourself\b`,
      String.raw`\b(?:my|our) (?:son|husband|dad|father|brother|neighbor|nephew|kid|kids|boy|boys|son-in-law|brother-in-law|uncle|cousin|buddy|friend) (?:does|do|mows|handles|takes care of|fixes|sprays|is handy|is a (?:plumber|electrician|contractor|roofer|mechanic|landscaper|handyman))\b`,
      String.raw`\b(?:home|garage|basement) gym\b|\bgym in (?:my|the|our) (?:garage|basement|house|home)\b|\b(?:work out|train|lift|exercise|do (?:my|our) (?:\w+ ){0,2}(?:stuff|workouts?|training|lifting|routine))(?: \w+){0,2} at home\b|\bwork(?:ing)? out (?:at home|in (?:the|my|our) (?:garage|basement|house))\b|\b(?:i am|i'm) (?:pretty |really )?handy\b`,
      String.raw`\b(?:buy|bought|get|got|try|use|grab|pick up) (?:the |my own |some |our own |a )?(?:\w+ )?(?:stuff|spray|sprays|bait|traps|poison|fertilizer|product|kit|filters?|chemicals?|granules|treatment) (?:at|from|myself|off)\b|\b(?:hardware store|home depot|lowe's|lowes|walmart|tractor supply)\b`,
    ]),
  ],
  [
    "competitor/current_provider",
    any([
      String.raw`\b(?:happy|satisfied|content|fine|good|loyal|comfortable|pleased) with (?:my|our) (?:current |existing )?\w+|\b(?:happy|satisfied|content|loyal|comfortable|pleased) with (?:them|him|her|who (?:we|i) have|what (?:we|i) have)\b|\b(?:happy|satisfied|fine|good|loyal) with ${BRANDS}\b`,
      String.raw`\b(?:it|that|this|ours|what we have|the one we have|our \w+|the \w+ we have|the doorbell|the system) (?:does|covers|has|gives us|is) (?:everything|all|plenty|enough) (?:that )?(?:we|i) (?:need|want)\b`,
      String.raw`\b(?:already )?(?:in|a member of|part of|with) (?:a|an) (?:\w+ ){0,2}(?:club|gym|studio|program|group|league)\b[^.?!]{0,60}\b(?:great|love|happy|good|awesome)\b|\b(?:they are|he is|she is) (?:great|awesome|fantastic)\b[^.?!]{0,30}\b(?:i am|we are) (?:pretty |all |already )?set\b`,
      String.raw`\bnot (?:really |even )?looking to (?:replace|switch|change|leave|drop)\b|\b(?:he|she|they) (?:has|have) been (?:\w+ing) (?:\w+ ){0,3}for (?:about |like |over |almost |nearly )?(?:years|ages|decades|\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty)\b|\b(?:he|she|they) (?:does|do|did) (?:a )?(?:good|great|fine|decent|solid) (?:job|work)\b|\bstep on (?:his|her|their) toes\b|\bgo(?:ing)? behind (?:\w+) back\b|\b(?:he|she|they) (?:is|are) like family\b|\b(?:been|stayed|stuck) (?:coming (?:out|by|over) (?:\w+ ){0,4}|with (?:\w+ ){0,2}|using (?:\w+ ){0,2}|going to (?:\w+ ){0,2}|seeing (?:\w+ ){0,2})(?:for|since) (?:years|ever|forever|ages|decades|a long time|a while|\d+|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty|like|about|over)\b`,
      String.raw`\b(?:do not|does not|not|no reason to|why would (?:i|we)|not looking to|would rather not|rather not|not planning to|no plans to) (?:want to |really |to )?(?:switch|switching|change (?:providers|companies|carriers|insurers|gyms|dealers|guys)|leave (?:them|him|her|my|our)|drop (?:them|him|her))\b`,
      String.raw`\b(?:stick|sticking|stay|staying) with (?:them|him|her|my|our|what|who)\b|\b(?:already|currently) (?:have|use|got|with|signed (?:up )?with|work with|go to|see|using|working with|has) (?:a|an|our|my|someone|somebody|one|them|him|her|${BRANDS})\b`,
      String.raw`\b(?:our|my) (?:guy|gal|company|provider|agent|insurer|carrier|dealer|trainer|pest guy|lawn guy|pool guy|hvac guy|ac guy|roofer|contractor|installer|exterminator|landscaper|mechanic|injector|dermatologist|esthetician|broker|person)\b[^.?!]{0,50}\b(?:takes care|handles|always|is great|is wonderful|is good|is fine|has been|does a (?:good|great|fine) job|is reliable|comes (?:out|by|every))\b`,
    ]),
  ],
  [
    "need/no_problem_now",
    any([
      String.raw`\b(?:do not|does not|would not) (?:really |even |think (?:i|we) )?need (?:it|one|that|this|them|any|anything|a new|an|another|to|the|more|help|service)\b|\bno need\b|\bnothing (?:is )?(?:wrong|broken)\b|\bif it (?:is not|ain't) broke\b`,
      String.raw`\b(?:everything|things|it all|all of it)(?: is| has been| are| seems| seem)(?: still)?(?: running| working| going| holding up)? (?:fine|great|good|okay|ok|well|perfectly)\b|\bit (?:is|has been) (?:still )?(?:running|working|holding up) (?:fine|great|good|okay|ok|well|perfectly|just fine)\b`,
      String.raw`\b(?:it|that|this) is not (?:broken|an issue|a problem) (?:for us|for me|here|right now|yet)\b|\b(?:pest|bug|weed|leak|mold)-?free\b`,
      String.raw`\b(?:do not|never|have not|has not|did not) (?:really |even |ever )?(?:have|had|seen|noticed|got|gotten) (?:a single|one single|a|any|an|much of an?) (?:\w+ )?(?:problems?|issues?|trouble|claims?)\b(?! with (?:the|your) (?:price|cost))|\bnever (?:had|filed|made) (?:a|one|any) (?:claim|problem|issue)\b`,
    ]),
  ],
  [
    "timing/call_back_later",
    any([
      String.raw`\b(?:call|try|ring|reach|text|hit) (?:me|us) (?:back |again )?(?:later|tomorrow|tonight|next|in (?:a|an|the|\w+ (?:minutes|hours|days|weeks))|after|around|at|this (?:afternoon|evening|weekend)|on|when|once|another time|some other time|closer)\b`,
      String.raw`\b(?:can|could|would) you (?:call|try|reach|text) (?:me |us )?(?:back|again|later)\b|\bcall back (?:later|tomorrow|after|around|at|in)\b`,
      String.raw`\b(?:i am|we are) (?:\w+ )?(?:at work|driving|in the car|in a meeting|with (?:a )?(?:customer|client|patient)s?|at the doctor|walking (?:in|into|out)|heading (?:in|into|out)|about to (?:jump|hop|get) on|on (?:the other line|my way|a call|another call|the clock|my lunch|lunch)|in the middle of (?:something|work|dinner)|cooking|busy)\b[^?]{0,60}\b(?:call|try|reach|ring) (?:me|us|back)\b|\b(?:not a good time to talk|can not talk)\b`,
      String.raw`\bcan not talk (?:right )?now\b|\b(?:not a good|bad) time (?:to talk|right now)\b|\b(?:get|circle|check|come) back (?:to|with) (?:me|us) (?:in|next|after|later|around|closer)\b|\b(?:follow up|reach (?:back )?out|try (?:me|us)) (?:again )?(?:in|next|after|later|closer|around)\b`,
    ]),
  ],
  [
    "timing/seasonal",
    any([
      String.raw`\b(?:wait|waiting|hold off|holding off|until|till|til|not until|no point|no sense|no reason|makes more sense|better off|rather|do not (?:even )?(?:need|use|run|turn on|open|mow|water|go out))\b[^.?!]{0,40}\b${SEASON}\b`,
      String.raw`\b(?:do not|does not|will not|never) (?:even )?(?:turn|use|run|need|open|water|mow|go|start|think about)\b[^.?!]{0,30}\b(?:till|until|before|in) (?:${MONTH})\b|\b(?:it is|it is only|it is still|we are in) (?:${MONTH}|winter|summer|the off-?season)\b[^.?!]{0,5}[.,]? (?:we|i|nobody|no one) (?:do not|does not|will not|never)\b`,
      String.raw`\b(?:do|start|revisit|look at|try) (?:it|this|that|them)? ?(?:in|next|until|till|come) (?:the )?${SEASON}\b|\btoo late (?:now|this year|for this year|in the (?:year|season))\b|\bmissed the (?:window|season)\b`,
      String.raw`\b(?:off|slow) ?season\b|\bout of season\b|\bseason is (?:over|done|ending|almost over)\b|\btoo (?:late|early) in the (?:year|season)\b`,
      String.raw`\b${SEASON}\b[^.?!]{0,30}\b(?:is (?:over|done|coming|almost here|around the corner)|makes more sense|would be better|is better)\b`,
    ]),
  ],
  [
    "timing/not_now",
    any([
      String.raw`\bnot (?:right )?now\b|\bnot at (?:the|this) (?:moment|time)\b|\bnot (?:just )?yet\b|\bnot ready\b|\b(?:hold|holding) off\b|\b(?:wait|waiting) (?:until|till|til|a (?:few|couple)|a bit|a little|on (?:it|this|that))\b`,
      String.raw`\bmaybe (?:later|next year|in a (?:few|couple)|down the road|after)\b|\bdown the road\b|\bin the middle of (?:a |an |the |our |my )?(?:remodel|renovation|move|moving|divorce|kitchen|bathroom|project|wedding|construction)\b`,
      String.raw`\b(?:too much|a lot|lot) (?:going on|on (?:my|our) plate)\b|\bnot (?:a|the|our|my) (?:top )?priority\b|\b(?:put|putting) (?:it|this|that) off\b|\brevisit\b|\bsomeday\b`,
      String.raw`\b(?:right now|now|this) (?:is not|is just not|just is not|is not really) (?:a |the )?(?:good|great|best|right|ideal) time\b|\btiming (?:is not|is just not|is bad|is off)\b|\bnot the right time\b`,
      String.raw`\b(?:is|it is|it is just|it is really) (?:really |just |honestly )?not (?:a |the )?(?:good|great|right|best) time\b(?! to talk)|\b(?:just )?(?:started|starting) a new job\b`,
      String.raw`\b(?:after|once) (?:the|we|i|my|our) (?:baby|wedding|move|holidays|remodel|renovation|surgery|new year|kids go back|school starts|tax refund|bonus|vacation|trip)\b`,
    ]),
  ],
  [
    "other",
    any([
      String.raw`\b(?:i am|we are|probably|might be|maybe|will be|going to be|planning on|thinking about|about to be|be) (?:(?!not|never)\w+ )?(?:moving|relocating)\b(?! forward)|\b(?:putting|put|listing|list) (?:the|our|my) (?:house|home|place) (?:on the market|up for sale)\b|\b(?:if|since|because) (?:we are|i am) (?:leaving|selling|moving)\b`,
      String.raw`\b(?:going to|planning to|about to|might|plan to) (?:move|sell|relocate)\b`,
      String.raw`\bselling (?:the|our|my) (?:house|home|place|car)\b|\b(?:house|home) is (?:on the market|for sale)\b`,
      String.raw`\b(?:allerg(?:y|ies|ic)|asthma|pregnan\w*|breastfeeding|health (?:issues?|reasons?|problems?|stuff)|medical (?:reasons?|conditions?|issues?)|chemo|(?:my )?doctor (?:said|says|told))\b`,
    ]),
  ],
  [
    "need/not_interested",
    any([
      String.raw`\bnot (?:really |very |that |too |super |even )?interested\b|\bno interest\b|\bnot for (?:me|us)\b|\bnot (?:really )?(?:my|our) (?:thing|cup of tea|style)\b|\bnot (?:really |that |very |super |even )?into (?:it|this|that|the whole)\b`,
      String.raw`\bnot (?:really )?(?:looking|shopping|in the market)(?: for| right now|\.|,|$)`,
      String.raw`\b(?:do not|does not) (?:really )?want (?:it|one|any|that|this|them)(?=[.,!]| right now| thanks|$)|\b(?:do not|does not) want (?:\w+ ){0,2}(?:on|in) (?:my|our) (?:house|home|roof|yard|property)\b`,
    ]),
  ],
];

/** What an objection would be about; it counts only with push-back or the rep treating it as one. */
export const TOPIC_CUES: TCueList = [
  [
    "price/hidden_fees",
    /\b(?:fees?|surcharges?|add-ons?|extras|markups?|upcharges?|(?:protection|dealer|doc|prep) package)\b/,
  ],
  ["authority/landlord_owner", /\b(?:hoa|homeowners association|owner|own the)\b/],
  ["authority/boss_committee", /\b(?:boss|board|committee|corporate|director|manager|owner of the)\b/],
  ["authority/spouse_partner", new RegExp(String.raw`\b${SPOUSE}\b`)],
  [
    "trust/scam_concern",
    /\b(?:how did you get (?:my|this) (?:number|information|name)|who gave you|robocall|spam|telemarket\w*|door to door|you people|you guys always)\b/,
  ],
  [
    "trust/bad_past_experience",
    /\b(?:last time|used to have|had (?:one|them|it|that|a company) before|tried (?:it|that|one|them|this) before|previous (?:company|guy|contractor))\b/,
  ],
  [
    "trust/skeptical_results",
    /\b(?:really (?:work|save|help)|actually (?:work|save|help)|does it (?:work|help)|guarantee\w*|results|proof)\b/,
  ],
  [
    "competitor/current_provider",
    new RegExp(
      String.raw`\b(?:current (?:provider|company|carrier|plan|insurance|agent|gym|trainer|guy|service)|${BRANDS}|(?:we|i) (?:have|use|got|go to|are with|am with|work with) (?:a|an|our|my) (?:company|guy|service|provider|someone|agent|trainer|gym))\b`,
    ),
  ],
  [
    "need/no_problem_now",
    /\b(?:do not|never|have not|did not|has not) (?:really )?(?:have|had|seen|noticed|got|gotten|see|notice|found) (?:any |a |an |much |a single |one |many )?(?:problems?|issues?|trouble|bugs?|pests?|ants?|roaches?|mice|rats?|spiders?|termites?|mosquitoes|leaks?|break-?ins?|crime|damage|weeds?|complaints?|claims?|accidents?|outages?)\b/,
  ],
  [
    "price/too_expensive",
    /\b(?:price|pricing|cost|costs|expensive|pricey|steep|a month|per month|monthly payment|payment)\b/,
  ],
  ["timing/seasonal", new RegExp(String.raw`\b${SEASON}\b`)],
  [
    "timing/not_now",
    /\b(?:later|next year|right now|busy|no rush|not in a (?:rush|hurry)|think (?:about it|it over)|sleep on it|mull it over)\b/,
  ],
];

/** Push-back in the customer's own words: contrast, doubt, refusal, hesitation. */
export const PUSHBACK =
  /\b(?:but|though|however|honestly|the thing is|problem is|issue is|my concern|worried|worry|concerned|not sure|i do not know|afraid|hesitant|nervous|unless|rather not|i mean|eh|meh|yikes|oof|hmm+|can not|could not|will not|would not|do not|does not|never|no way)\b/;

/** Authority without naming who: "I can't decide without Kevin", "she handles the money stuff". */
export const UNNAMED_AUTHORITY = any([
  String.raw`\b(?:can not|could not|do not|would not|will not|not going to|never|can not really) (?:\w+ ){0,2}(?:decide|sign|commit|do (?:this|that|anything)|buy|make (?:a|that|the|this) decision|move forward|pull the trigger|say yes|agree)\b[^.?!]{0,20}\b(?:without|until i|before i|till i)\b`,
  String.raw`\b(?:have|need|got|want) to (?:talk|check|run it by|ask|discuss|consult|talk it over|go over it|show it to|clear it)\b (?:it |this |that )?(?:with |to |by )?(?:him|her|them|my|our|the (?:owner|boss|board|landlord)|someone|somebody|[a-z]+ first)\b`,
  String.raw`\b(?:he|she) is the one (?:who|that) (?:handles|decides|makes|does|deals with)\b|\b(?:he|she) (?:handles|makes|decides|has the final say|does) (?:all )?(?:the|that|our)? ?(?:money|finances|decisions|bills|insurance|paperwork)\b`,
  String.raw`\b(?:can not|could not|am not able to) (?:sign|approve|commit to|agree to) (?:anything|that|this|contracts?|it)\b|\b(?:he|she|they) (?:has|have|would have|will have|needs?|need) to (?:approve|sign off|okay|ok|sign|agree|decide)\b`,
  String.raw`\b(?!(?:i|we|you|it|that|this)\b)(?:he|she|they|[a-z]{3,})(?: is| will| would)(?: going to)? (?:want|need|have) to (?:look (?:at|over) (?:it|all|this|everything|the)|go over (?:it|all|this|everything|the)|weigh in|sign off|approve)\b`,
  String.raw`\b(?:need|want|have to get|got to get) (?:\w+ ){1,2}(?:to be )?on board\b|\b(?:it is|it's) (?:his|her|their) (?:house|home|money|call|decision|car) too\b`,
  String.raw`\b(?:is not|not) (?:just )?(?:my (?:call|decision)|up to me)\b|\b(?:we|we will) (?:have to|need to|got to) (?:talk|discuss|decide) (?:it |about it )?(?:over|together)?\b`,
]);
