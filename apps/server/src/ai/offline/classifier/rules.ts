/**
 * High-precision rules, written from the labelling conventions (docs in /shared/eval/dev/SOURCES.md)
 * and from what carriers and TCPA practice treat as an opt-out. Every pattern runs on `normalizeText`
 * output: lower case, contractions expanded ("don't" → "do not"), shorthand expanded ("u" → "you").
 */

const CONTACT_VERBS =
  "text|texting|message|messaging|contact|contacting|call|calling|email|emailing|send|sending";

/** Carrier keywords (CTIA): the whole message is the keyword, give or take politeness and punctuation. */
const CARRIER_KEYWORD =
  /^(?:please\s+)?(?:stop|stop all|stopall|unsubscribe|unsub|cancel|end|quit|revoke|opt ?out|optout|remove)(?:\s+(?:please|now|thanks|thank you|it))?$/;

const OPT_OUT_PHRASES: RegExp[] = [
  // "stop texting me", "stop sending these", "stop bothering me" — but not "stop by", "can not stop laughing".
  new RegExp(
    `(?<!can not |could not |not )\\bstop (?:all )?(?:the )?(?:${CONTACT_VERBS}|bothering|spamming|harassing|hounding|blowing up)\\b`,
  ),
  new RegExp(
    `\\b(?:do not|never|quit|no longer) (?:ever )?(?:${CONTACT_VERBS})(?: me| this number| my number| us)`,
  ),
  /\bdo not (?:want|need) (?:any ?more|more|any|your|these|this) (?:texts|messages|text messages|calls|spam)/,
  /\bno more (?:texts|messages|text messages|calls|spam)\b/,
  /\bremove (?:me|my (?:number|phone|info|name|contact)|this number|us)\b/,
  /\btake (?:me|my (?:number|name|info)|this number|us) off\b/,
  /\bunsubscribe\b/,
  /\bopt (?:me )?out\b/,
  /\b(?:lose|delete|forget|erase) (?:my|this) (?:number|phone number|info|contact)/,
  /\bleave me alone\b/,
  /\bstop wasting my time\b/,
  /^(?:please )?(?:f[*#@!]*c?k|fuck|piss|bugger|buzz|back) off\b|^go away\b|^get lost\b/,
  /\bput (?:me|my number|this number) on (?:your|the|a) do not (?:call|text|contact)/,
  /\bstop with (?:the|these|your) (?:texts|messages)/,
  // "I said STOP three times", "why am I still getting these": an opt-out already asked for.
  /\b(?:i (?:said|replied|texted|typed|wrote|sent)|told you(?: to)?|asked you(?: to)?) (?:to )?stop\b(?! by| in| over)/,
  /\bwhy (?:am i|are you|do i|do you) still (?:getting|receiving|sending|texting|messaging)\b/,
  /^stop\b[.!,]/,
  /\bstop[.!]*$/,
];

/** Said before "stop" (or after it) when the word is not about our messages. */
const NOT_AN_OPT_OUT = /\bstop (?:by|in|over|at|on by|round|around)\b|\b(?:can not|could not|not) stop\b/;

export function isOptOut(normalized: string): boolean {
  const bare = normalized
    .replace(/[^a-z ]+/g, " ")
    .trim()
    .replace(/\s+/g, " ");
  if (CARRIER_KEYWORD.test(bare)) return true;
  if (
    NOT_AN_OPT_OUT.test(normalized) &&
    !/\bstop (?:texting|messaging|contacting|calling|sending)/.test(normalized)
  )
    return false;
  return OPT_OUT_PHRASES.some((pattern) => pattern.test(normalized));
}

/** The first name the agent greeted the lead by ("Hi Maria, it's Sam…"), if any. */
export function greetedName(context: { role: string; text: string }[]): string | null {
  for (const turn of context) {
    if (turn.role !== "agent") continue;
    // "Hi Maria, …" or "Maria, this is Sam …".
    const match =
      /^(?:hi|hey|hello|good (?:morning|afternoon|evening))[\s,!]+([a-z][a-z'-]+)/i.exec(turn.text.trim()) ??
      /^([A-Z][a-z'-]+),\s/.exec(turn.text.trim());
    if (match?.[1] && !/^(?:there|again|it|this|all|folks|team)$/i.test(match[1]))
      return match[1].toLowerCase();
  }
  return null;
}

const WRONG_NUMBER_PHRASES: RegExp[] = [
  /\bwrong (?:number|person|guy|girl|lady|contact|phone|house|people|one|#)\b/,
  /\bno (?:one|body) (?:here )?(?:by|named|with) (?:that|this) name\b/,
  /\bno (?:one|body) (?:by that name|named)\b/,
  /\b(?:this|it) is not (?:their|his|her|[a-z]+'s) (?:number|phone|cell|cell phone|line)\b/,
  /\b(?:new|recently got this|just got this) (?:number|phone number)\b/,
  /\bgot this number\b/,
  /\bno (?:one |body |[a-z]+ )?(?:named [a-z]+ )?(?:at|on) this (?:number|phone|line|cell)\b/,
  /\bnot (?:the person|who) you (?:are|were) looking for\b/,
  /\byou (?:have|got) the wrong\b/,
  /\b(?:passed away|deceased|no longer (?:with us|alive|lives here|at this number)|update your records)\b/,
  /\bnever (?:requested|asked for|signed up for|filled out) (?:any|anything|a|this)[^.?!]*\b(?:wrong|who)\b/,
];

export function isWrongNumber(normalized: string, name: string | null): boolean {
  if (WRONG_NUMBER_PHRASES.some((pattern) => pattern.test(normalized))) return true;
  if (!name) return false;
  // "I'm not Maria", "there's no Maria here", "who is Maria?", "don't know any Maria".
  const n = name.replace(/[^a-z'-]/g, "");
  return new RegExp(
    `\\b(?:(?:i am|this is|it is) not ${n}\\b|no ${n} here\\b|who is ${n}\\b|do not know (?:any|a|anyone named|anybody named)? ?${n}\\b|${n} (?:does not|do not) (?:live|work|have this)|not ${n}[.!,]?$|${n} is not (?:here|me|at this number))`,
  ).test(normalized);
}

const APPOINTMENT_NOUNS =
  "appointment|appointments|inspection|estimate|consult|consultation|visit|install|installation|test drive|call|meeting|session|booking|service call|tour|treatment|cleaning|tune up|tune-up|quote|assessment|walkthrough|demo|time|slot|spot|reservation";

const DAY_NAMES =
  "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";

const RESCHEDULE_PHRASES: RegExp[] = [
  /\bre-? ?schedul/,
  /\brebook/,
  new RegExp(
    `\\bcancel(?:l?ed|l?ing)? (?:my|the|our|this|that|your|it|tomorrow is|today is|[a-z]+day is)?\\s*(?:[a-z]+ )?(?:${APPOINTMENT_NOUNS})\\b`,
  ),
  new RegExp(
    `\\b(?:move|push|bump|change|switch|shift) (?:back )?(?:my|the|our|it|that|this|tomorrow is|today is|[a-z]+day is|[a-z]+'s)\\s*(?:[a-z]+ )?(?:${APPOINTMENT_NOUNS}|to|back|out|up|a|an)\\b`,
  ),
  /\b(?:can not|will not be able to|not able to|unable to|will not) make (?:it|our|the|my|that|tomorrow|today)\b/,
  /\bpostpone\b/,
  /\bcan not (?:do|make) (?:it )?(?:[a-z]+ )?(?:anymore|any more)\b/,
  /\bpush (?:it|that|things) (?:back|out|to)\b/,
  /\b(?:different|another|new|other) (?:day|time|date)\b.*\b(?:instead|work|possible|\?)/,
  // "cancel the 2pm and do 4", "cancel tomorrow, put me down for monday": a named slot to cancel.
  new RegExp(
    `\\bcancel(?:l?ing)? (?:the |my |our |this |that |for )?(?:\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)?|today|tomorrow|tmrw|tonight|this (?:morning|afternoon|evening)|(?:${DAY_NAMES}))(?:'?s)?\\b(?! (?:fees?|charges?|policy))`,
  ),
  // "move monday to wednesday", "push it to friday", "switch us to the 3rd".
  new RegExp(
    `(?<!(?:about|going|planning|have|need|want) to )\\b(?:move|push|bump|switch|shift|change)(?: (?:it|us|me|that|this|things|my|our|the|(?:${DAY_NAMES})(?:'?s)?)(?: [a-z]+)?)? (?:to|till|until|over to) (?:(?:${DAY_NAMES})|tomorrow|tmrw|next|the \\d|\\d|same)`,
  ),
  // "same time next week instead?", "thursday, same time?": the booked hour, a new day.
  /\bsame (?:time|hour|slot)\b[^.?!]{0,20}\b(?:instead|next|following|tomorrow|tmrw|day|week|[a-z]+day)\b|\b(?:instead|next week|tomorrow|tmrw|[a-z]+day)\b[^.?!]{0,20}\bsame (?:time|hour|slot)\b/,
];

export function isReschedule(normalized: string): boolean {
  return RESCHEDULE_PHRASES.some((pattern) => pattern.test(normalized));
}

const HUMAN_PHRASES: RegExp[] = [
  /\b(?:real|live|actual|human) (?:person|human|being|people|agent|rep)\b/,
  /\b(?:talk|speak|chat|speaking|talking) (?:to|with) (?:a|an|someone|somebody|the|your|a real|an actual)? ?(?:human|person|manager|supervisor|rep|representative|agent|owner|salesperson|sales rep|someone|somebody|boss|real|live)\b/,
  /\b(?:have|can|could|would|get|let) (?:someone|somebody|a person|a human|a manager|your manager|your rep|the owner|a rep|your supervisor|a real person|someone from your (?:team|office)) (?:call|phone|ring|reach out|contact|get in touch)/,
  // A whole message like "agent" or "REPRESENTATIVE" is the phone-tree way of asking for a person.
  /^(?:agent|representative|rep|operator|human|person|real person|live agent|live person|customer service|manager|supervisor)[.!]*$/,
  /\bnot (?:a |an |some )?(?:chat ?bot|bot|robot|machine|computer|ai)\b/,
  /\b(?:talk|speak) to (?:whoever|the person who|someone who|somebody who)\b/,
  /\b(?:call|ring|phone) me\b/,
  /\bgive me a (?:call|ring)\b/,
  /\b(?:prefer|rather|easier|better) (?:a )?(?:phone|call|talk|speak)/,
  /\bwhat is (?:your|the) (?:phone )?number\b|\bnumber (?:i|to) can call\b|\bwho (?:can|do|should) i call\b/,
  /\bput me through\b|\bconnect me (?:with|to)\b|\btransfer me\b/,
  // "this bot is worthless. PERSON.": a bot in the message and a person asked for.
  /\b(?:bot|robot|chatbot|automated)\b[^?]{0,40}\b(?:person|human|someone real|somebody real)\b|\b(?:person|human)\b[^?]{0,40}\b(?:bot|robot|chatbot)\b/,
];

export function isHumanRequest(normalized: string): boolean {
  if (/\b(?:do not|never|stop) (?:call|calling|phone|ring)/.test(normalized)) return false;
  return HUMAN_PHRASES.some((pattern) => pattern.test(normalized));
}

const ALREADY_CUSTOMER_PHRASES: RegExp[] = [
  /\balready (?:a |an )?(?:customers?|clients?|members?|patients?|policy ?holders?)\b/,
  /\b(?:i am|we are) (?:literally |actually |already )?(?:a |an )?(?:members?|customers?|clients?|patients?)(?:\s*$|\s*[^\w\s]| already| lol| of yours| here| there| with you| and\b| but\b| since\b)/,
  /\b(?:existing|current|long ?time|loyal) (?:customer|client|member|patient)\b/,
  /\b(?:been|am|are) (?:a |an )?(?:customer|client|member|patient)s? (?:of yours|with you|for|since|at your)/,
  /\balready (?:have|use|got|signed up with|signed with|bought|booked with|on) (?:you|your)\b/,
  /\b(?:have|had|got) (?:a |an |my |our )?(?:policy|plan|contract|membership|account|system|service) (?:with|from) you\b/,
  /(?<!(?:do|does|can|could|will|would|did|if|should) )\byou (?:guys |all |folks )?(?:already )?(?:did|installed|put in|treat|treated|service|serviced|replaced|sold me|sold us|insure|cover|charged|billed)\b/,
  /\byour (?:tech|technician|guy|guys|crew|team|company) (?:was|were|came|just|already|did|installed|treated|is coming)\b/,
  /\b(?:bought|purchased|leased|got|financed) (?:(?:my|our|a|the|some|these|those) )?[a-z ]{0,20}(?:from|with|through) (?:you|your company)\b/,
  /\bwe are (?:on|signed up for) your\b|\bi am (?:on|signed up for) your\b/,
  /\b(?:switched|moved|came over|signed up|transferred|changed) (?:over )?(?:to|with) (?:you|y'all|your company)(?: guys| all| folks)?\b/,
  // "I pay you guys every month", "we've been paying you for years": paying us now.
  /\b(?:i|we) (?:already )?(?:pay|am paying|are paying|have been paying|been paying|pay for) (?:you|y'all|your company)(?: guys| all| people| folks)?\b/,
  // "already signed up last week", "just signed up yesterday" (to our offer, named or not).
  /\b(?:already|just) (?:signed up|enrolled|registered|joined|subscribed|bought it|purchased it)\b(?! (?:with|for) (?:another|a different|someone|somebody|them|[a-z]+ (?:solar|pest|security|insurance)))/,
  /\b(?:been|are|am) with (?:you|y'all|your company)(?: guys| all| folks)? (?:since|for|already|a while|years)\b/,
  // Feedback on a visit that happened: "the tech was great today", "the crew did a nice job".
  /\bthe (?:tech|techs|technician|technicians|crew|installer|installers|cleaners?|groomer|inspector|plumber|electrician|team|mowing crew|lawn crew|guys who came|guy who came) (?:was|were|did (?:a|an|such|great|good|amazing)|came|showed up|finished|left)\b/,
];

export function isAlreadyCustomer(normalized: string): boolean {
  return ALREADY_CUSTOMER_PHRASES.some((pattern) => pattern.test(normalized));
}

const PRICE_WORDS =
  /\b(?:give|tell|quote) (?:me|us) (?:a|the) (?:real |actual |straight |final |ballpark |rough |firm |honest )?number\b|\b(?:how much|cost|costs|price|prices|pricing|priced|fee|fees|charge|charges|rate|rates|quote|run me|payment|payments|deposit|apr|interest|per month|a month|monthly|dollars|\$\d+|include|includes|included|including|surcharges?)\b/;
const QUESTION_CUE =
  /\?|\b(?:give|tell|show|text) (?:me|us) (?:a |the |your |an )?(?:real |actual |straight |final |exact |honest |ballpark |rough |firm |bottom line |out the door |damn |freaking )*(?:price|number|cost|figure|rate|total|pricing)\b|\bjust tell me (?:what|how much)\b|^(?:how|what|is|are|do|does|can|could|would|will|any|whats)\b|\bhow much\b|\bwondering\b|\bcurious\b|\b(?:tell|let) me (?:know|what)\b/;
/** Price complaints are objections, not questions. */
const PRICE_COMPLAINT =
  /\btoo (?:much|expensive|high|pricey|steep)\b|\bcan not afford\b|\bout of (?:my|our) (?:price range|budget)\b|\bcheaper\b|\bway more than\b|\bno way\b|\bridiculous\b|\bcrazy\b|\brip ?off\b|\b(?:tired of|sick of|hate|fed up with|always|got (?:hit|burned|stuck) with|shady|bogus|nickel)\b[^?]*\b(?:fees?|charges?)\b|\bnot (?:worth|paying)\b|\bquoted (?:me|us)\b|\b\$?\d+ less\b|\bbeat (?:that|their|it)\b|\bcan not go (?:over|above|higher)\b|\binsane\b|\bnuts\b|\bjunk fees\b[^?]*$/;

/** iMessage/Android reactions ("Liked “…”"): they quote our own text and say nothing new. */
export function isReaction(original: string): boolean {
  return /^(?:liked|loved|emphasi[sz]ed|laughed at|disliked|questioned|reacted \S+ to) ["\u201c]/i.test(
    original.trim(),
  );
}

/** Auto-replies from phones and mailboxes. */
export function isAutoReply(normalized: string): boolean {
  return /\b(?:do not disturb|auto-?reply|automatic reply|out of (?:the )?office|i will see your message|currently unavailable|away from my phone until|this is an automated)\b/.test(
    normalized,
  );
}

/** Sarcasm that reads as praise on the surface ("oh great, another solar company"). */
export function isSarcasticRefusal(original: string, normalized: string): boolean {
  return (
    /🙃/u.test(original) ||
    /\.{2,}\s*not[.!]*$|\boh (?:great|sure|wow|joy|wonderful|perfect|fantastic|lovely|awesome|cool|good|goody|yay)\b[^.!?]*\b(?:another|one more|more|again)\b|\bexactly what i (?:needed|wanted)\b|\bjust what i (?:needed|wanted)\b|\b(?:yeah|yes),? right\b/.test(
      normalized,
    )
  );
}

/** A booking asked for in words, with or without a time ("send someone out", "set up the inspection"). */
export function isBookingRequest(normalized: string): boolean {
  return /\b(?:set up|setup|schedule|book|sign me up for|get me in for|put me down for|get me on the schedule for) (?:the |a |an |my |that |our )?(?:free )?(?:[a-z]+ )?(?:inspection|assessment|estimate|appointment|consult|consultation|session|visit|test drive|tour|demo|walkthrough|walk through|quote|cleaning|treatment|install|installation)\b|\bsend (?:someone|somebody|a tech|a technician|a guy|a crew|the tech|out)\b|\bcome (?:out|by|over|take a look|look at|check)\b|\bneed (?:someone|somebody|a tech) (?:out|here|asap|today|to come|as soon)|\bwhat (?:times|days|time slots|openings) do you have\b|\bwhen can (?:you|someone|your tech) (?:come|send|get here|stop by)\b|\bwhat is your (?:next )?(?:availability|opening)\b/.test(
    normalized,
  );
}

/** The agent's last message is about a booking that exists (a reminder or confirmation). */
export function mentionsBooking(context: { role: string; text: string }[]): boolean {
  const lastAgent = [...context].reverse().find((turn) => turn.role === "agent");
  return (
    lastAgent !== undefined &&
    /\b(?:reminder|confirm|confirmed|confirming|booked|scheduled|you are all set|you're all set|see you|is set for|on the way|your (?:appointment|visit|session|consultation|consult|test drive|call|estimate|inspection|tour|install))\b/i.test(
      lastAgent.text,
    )
  );
}

export function isPriceQuestion(normalized: string): boolean {
  return PRICE_WORDS.test(normalized) && QUESTION_CUE.test(normalized) && !PRICE_COMPLAINT.test(normalized);
}

export type TEscalation = { escalate: boolean; reason: string | null };

const PROFANITY =
  /\b(?:fuck\w*|f[*#@!]+c?k\w*|fck\w*|fuk\w*|sh[*#]t\w*|shit\w*|bullshit|bs|damn(?:ed|it)?|goddamn\w*|wtf|stfu|ass|asshole|a-hole|bitch\w*|bastard\w*|crap|idiots?|morons?|stupid|scum\w*|jerks?|dumbass|pissed|piss off|hell no|screw you|go to hell)\b/;
const ANGER =
  /\b(?:sick (?:and tired )?of|fed up|harass\w*|unacceptable|ridiculous|outrageous|furious|livid|how dare|pathetic|disgusting|worst (?:company|service)|annoying as|enough is enough|for the last time|last warning|lied|lying|liars?|shame on you|scammed|ripped (?:me|us|her|him|them) off|predatory|scumbags?|vultures?|clowns|incompetent|amateurs|joke of a \w+|bunch of (?:crooks|thieves|liars|clowns))\b|\b(?:you|you guys|y'all|you people|your (?:\w+ )?(?:bot|app|company|service|team|people|system|website|ai|robot)|this (?:bot|app|thing|ai|robot|company|chat))(?: is| are)? (?:so |completely |totally |absolutely |fucking )?(?:useless|worthless|a joke|garbage|trash)\b/;
/** "get me a real human NOW", "a person. NOW!!": a demand for a person shouted, not asked. */
const SHOUTED_DEMAND = /\b(?:NOW|IMMEDIATELY|RIGHT NOW|ASAP)\b|!{2,}/;
const LEGAL =
  /\b(?:lawyer|lawyers|attorney|attorneys|sue|suing|lawsuit|legal action|court|fcc|ftc|tcpa|attorney general|do not call (?:list|registry)|dnc|class action|report (?:you|this|your company)|reporting you|better business bureau|bbb|consumer protection|cease and desist)\b/;
const IGNORED_REQUEST =
  /\b(?:already|i|we) (?:told|asked|said|texted|replied|wrote|sent) (?:you |y'all |your company )?(?:to )?(?:stop|not to|remove|wrong number|this is the wrong|i am not|no more|unsubscribe|take me off)|\b(?:still|keep|keeps|kept) (?:texting|messaging|getting|sending|calling|contacting)\b|\b(?:said|texted|typed|replied|sent) stop\b|\b(?:told|asked) (?:you|y'all|your \w+)(?: guys| all| people)? (?:twice|already|before|multiple times|\d+ times|so many times|a (?:few|bunch of|couple of?) times|repeatedly|last (?:week|time))|\bagain after i\b|\bsecond time i\b|\bthird time\b/;
const QUIET_HOURS =
  /\b(?:woke (?:me|us|my \w+) up|waking (?:me|us|my \w+) up|middle of the night|at this hour|(?:texting|messaging|calling|text|message|call)(?: me| us| people)? (?:this late|this early|so late|so early|at night)|(?:it is|its) (?:(?:9|10|11)(?::\d{2})? ?pm|(?:12|[1-6])(?::\d{2})? ?am)|(?:text|texting|texted|message|messaging|messaged|call|calling|called)(?: me| us| people)? at (?:(?:9|10|11)(?::\d{2})? ?pm|(?:12|[1-6])(?::\d{2})? ?am|midnight))/;
const EMERGENCY =
  /\b(?:smell (?:of )?gas|gas (?:smell|leak)|smells? like gas|carbon monoxide|co (?:alarm|detector)|smoke (?:coming|everywhere|alarm)|on fire|fire in|sparks?|sparking|burning smell|smells? like (?:burning|smoke)|flood\w*|water (?:is )?(?:\w+ )?(?:pouring|gushing|coming (?:in|through|down)|dripping (?:in|through|from))|pouring (?:in|through)|actively leaking|leaking (?:right now|everywhere|through|into|badly)|(?:active|major|bad) leak|burst pipe|pipe burst|ceiling (?:is )?(?:caving|collapsing|leaking|dripping)|emergency|(?:sewer|sewage|toilet|drain|septic)\b[^.?!]{0,20}\b(?:backing up|backed up|overflowing|everywhere)|overflowing|tree (?:fell|came down|on (?:the|our|my) (?:roof|house))|break[- ]?in (?:right now|happening)|someone (?:is )?(?:breaking|trying to break) in|no heat\b.*\b(?:baby|infant|elderly|freezing)|(?:baby|infant|elderly)\b.*\bno heat|electrocut\w*|exposed wires?|wasp nest\b.*\b(?:allergic|stung)|stung\b.*\ballergic)\b/;
const COMPLAINT =
  /\b(?:never (?:showed|came|called back|fixed)|no[- ]show(?:ed)?|did not (?:show|come|fix|work|call)|still (?:have|has|got|seeing|leaking|broken|not working|no)|not working|stopped working|broke|broken|damaged|ruined|charged (?:me )?(?:twice|double|again|for)|double charged|overcharg\w*|billing (?:error|mistake|issue)|wrong charge|refund|money back|worse than before|waste of money|terrible|horrible|awful|complain\w*|disappointed|left a mess|scratched|cracked|dented|missed (?:my|our) appointment|stood (?:me|us) up|waited all day|(?:has been|have been|is|are|been|went|keeps going|keep going|goes) (?:down|out)\b[^.?!]{0,20}\b(?:for|since|again|all|every|days?|hours?|weeks?)|outages?|no (?:service|signal|internet|wifi|power|hot water|cable|connection)|(?:internet|service|wifi|connection|signal|cable|power) (?:keeps|kept) (?:dropping|cutting|going))\b/;

/**
 * A wrong-number report or an opt-out said to be repeated ("2nd time I've told you", "how many times").
 * The repeat alone is not enough: an annoyed second "no" to the offer is a refusal, not a compliance risk.
 */
const REPEAT_MARKER =
  /\b(?:(?:2nd|second|3rd|third|4th|fourth|5th|fifth|\d+(?:st|nd|rd|th)|nth|umpteenth|hundredth|millionth) time\b|how many (?:more )?times\b|(?:already|i have|we have) (?:already )?(?:told|informed|explained to|said to|asked) (?:you|y'all|your)\b|told (?:you|y'all)(?: people| guys| folks| all)? (?:already|before|last (?:week|time|month)|twice|again|multiple times|a million times)\b|keep (?:telling|asking) you\b|(?:still|again)\b(?=[^.?!]{0,30}\bwrong (?:number|person)\b)|wrong (?:number|person)\b[^.?!]{0,30}\b(?:again|still)\b|ignor(?:ed|ing)\b|never listen)/;
const REPORT_CUE =
  /\bwrong (?:number|person|guy|lady|girl|phone|#)\b|\bnot (?:him|her|them|the person|who you|my name|my number)\b|\bis not [a-z]+'s (?:number|phone|cell|line)\b|\bnot [a-z]+'s (?:number|phone) (?:anymore|any more)\b|\bno (?:one|body) (?:here )?(?:by|named|with) (?:that|this) name\b|\b(?:does|do) not live here\b|\bno \w+ here\b|\bno \w+ (?:at|on) this (?:number|phone|line)\b|\bi am not (?!interested|sure|home|available|free)\w+\b|\b(?:stop|remove|unsubscribe|opt out|take (?:me|my number) off|do not (?:text|message|contact|call))\b/;
const IGNORED_REPEAT: RegExp[] = [
  /\b(?:you|y'all|you guys|you people) (?:ignored|keep ignoring|are ignoring|never listen)\b[^.?!]{0,40}\b(?:stop|wrong|remove|opt)|\bstop ignoring\b/,
];
function isIgnoredReport(normalized: string, wrongNumber: boolean): boolean {
  if (IGNORED_REPEAT.some((pattern) => pattern.test(normalized))) return true;
  return REPEAT_MARKER.test(normalized) && (wrongNumber || REPORT_CUE.test(normalized));
}

/** An hour outside the quiet-hours window (before 8am, after 9pm), as a lead would write it. */
const QUIET_TIME =
  "(?:midnight|(?:9|10|11)(?::\\d{2})? ?pm|(?:9|10|11)(?::\\d{2})? (?:at night|o'?clock at night)|(?:12|[1-7])(?::\\d{2})? ?am|[1-7](?::\\d{2})? in the morning|(?:the )?crack of dawn|dawn|sunrise)";
/** Texts the lead got at such an hour ("texting me at 6 in the morning", "a text at 11pm?", "midnight messages"). */
const QUIET_HOURS_MENTIONED: RegExp[] = [
  new RegExp(
    `\\b(?:texting|texted|texts|messaging|messaged|messages|calling|called|calls|pinging|pinged|buzzing|buzzed|waking|woke|woken|sending|sent|hitting (?:me|us) up|blowing up|(?:a|your|the|another|these|this|those|ur) (?:text|message|call|msg|ping|notification))\\b(?: me| us| people| my phone| my \\w+| folks| anyone)?[^.?!]{0,30}?\\b(?:at|around|before|after|past|by)\\s+${QUIET_TIME}(?!\\w)`,
  ),
  new RegExp(
    `^(?:really|seriously|um+|uh+|wow|excuse me|at|[,.!? ]+)*${QUIET_TIME}\\s*(?:on a \\w+\\s*)?\\?`,
  ),
  new RegExp(
    `\\b(?:at|around|before|by)\\s+${QUIET_TIME}(?!\\w)[^.]{0,40}\\b(?:seriously|really\\?|are you kidding|who (?:texts|messages|does that)|inappropriate|rude|unreal|come on|not okay|not ok|what the)`,
  ),
  /\bwho (?:texts|messages|calls|sends texts to) (?:people|someone|anyone|a person)? ?(?:at|this|before|after)\b/,
  /\b(?:midnight|wee hours|crack of dawn|middle of the night|the dead of night)\b[^.?!]{0,40}\b(?:text|texts|texting|message|messages|ping|buzz|wake|woke|phone)\b|\b(?:text|texts|texting|texted|message|messages|messaging)\b[^.?!]{0,40}\b(?:midnight|wee hours|crack of dawn|dead of night)\b/,
  /\b(?:it is|its|it was) (?:almost |nearly |past )?midnight\b/,
];

/** A reference to what the business did or billed ("your crew", "you charged me", "after 3 treatments"). */
const EXISTING_REF =
  /\b(?:your|you guys|you all|y'all|ur) (?:[a-z]+ )?(?:tech|techs|technician|technicians|crew|crews|guy|guys|company|service|team|installer|installers|workers?|people|driver|mower|groomer|cleaners?|plumber|electrician|inspector|rep|office|billing|app|truck|sprayer|landscapers?|lawn guys?)\b|(?<!(?:last|previous|other|old|next) )\bthe (?:tech|technician|crew|installer|installers|workers|driver|groomer|cleaners?|plumber|inspector|mowing crew|lawn crew|spray guy)\b|\byou (?:guys |all |people )?(?:installed|treated|did|sprayed|charged|billed|put in|ran over|broke|damaged|cracked|scratched|killed|missed|forgot|skipped|raised|doubled|increased|never)\b|\b(?:charged|billed|debited) (?:me|us|my card|my account)\b|\bafter (?:\d+|two|three|four|five|six|several|multiple) (?:treatments|visits|services|sprays|cleanings|applications|sessions|appointments|tries|service calls)\b|\bsince (?:you|your) (?:guys |tech |crew )?(?:came|treated|installed|sprayed|were here|serviced)\b/;
/** "my premium", "my policy": ours only when the lead asks us to put it right. */
const OWN_ACCOUNT =
  /\b(?:my|our) (?:[a-z]+ )?(?:premium|policy|renewal|invoice|statement|account|autopay|subscription|membership|warranty|payment)\b/;
const DEMAND =
  /\b(?:fix (?:this|it|that)|make (?:this|it) right|explain (?:this|why|how)|refund|credit (?:me|my|it|back)|reverse|correct (?:this|it)|sort (?:this|it) out|what (?:happened|is going on)|why (?:did|was|is|are|would|has) (?:you|my|i|this|it)|need (?:this|it) (?:fixed|resolved|sorted)|want (?:my money|this fixed|it fixed|an explanation)|unacceptable|seriously\?)/;
const COMPLAINT_MORE =
  /\b(?:doubled|tripled|went (?:up|way up)|gone up|skyrocketed|jacked (?:it )?up|hiked|fix (?:this|it|that)|make (?:this|it) right|ran over|run over|backed into|smashed|chipped|scraped|scuffed|dinged|left (?:\w+ ){0,2}(?:screws|nails|debris|mud|oil|paint|holes)|bent|gouged|tore (?:up|out)|ripped (?:up|out)|knocked (?:over|down)|crushed|flattened|trampled|dug up|left (?:the gate|a mess|trash|debris)|destroyed|killed (?:my|our|the)|dead (?:spots|grass|plants|patches)|burned|stained|never (?:finished|returned|came back|called back)|nobody (?:called|came|showed)|was supposed to|skipped|missed (?:a|the|my|our|half|spots)|forgot|worse|not (?:fixed|resolved|done right)|still (?:seeing|see|hearing|waiting|dripping)|waiting (?:\d+|two|three|for (?:a|two|three|\d+)) (?:days|weeks|hours)|half (?:done|finished)|sloppy|careless)\b/;
/** Complaints that need no "your": a no-show tech, a double charge, pests back after the treatments. */
const STANDALONE_COMPLAINT =
  /\b(?:tech|technician|crew|installer|plumber|cleaners?|groomer|inspector|guy) (?:never|did not|no[- ]?showed|was a no[- ]?show)(?: (?:show|showed|came|come|arrive|arrived|call|called)\b)?|\b(?:charged|billed) (?:me |us |my card |my account )?(?:twice|double|two times|three times)|double[- ]?(?:charged|billed)|\bstill (?:have|has|got|seeing|see) (?:\w+ )?(?:bugs|ants|roaches|mice|rats|fleas|ticks|termites|mosquitoes|spiders|weeds|leaks?|the (?:same )?(?:problem|issue|leak|noise))\b[^.?!]{0,40}\b(?:after|even after|since)\b/;
/** Profanity written with symbols ("f***", "sh*t", "a$$"): no word boundary after the symbols. */
const MASKED_PROFANITY =
  /(?:^|[^a-z])(?:f|sh|a|b|fu|mf)[*#@$!%]{2,}[a-z]*|(?:^|[^a-z])a\$\$|\$h[i!1*]t|(?:^|[^a-z])f[*#]ck/;

export { MASKED_PROFANITY };

/** Why a human should take over now, or not: see SOURCES.md's "Escalate" convention. */
export function escalationOf(
  original: string,
  normalized: string,
  alreadyCustomer: boolean,
  wrongNumber = false,
): TEscalation {
  if (LEGAL.test(normalized)) return { escalate: true, reason: "legal or regulatory threat" };
  if (IGNORED_REQUEST.test(normalized) || isIgnoredReport(normalized, wrongNumber))
    return { escalate: true, reason: "compliance risk: earlier request ignored" };
  if (QUIET_HOURS.test(normalized) || QUIET_HOURS_MENTIONED.some((pattern) => pattern.test(normalized)))
    return { escalate: true, reason: "compliance risk: texted outside quiet hours" };
  if (EMERGENCY.test(normalized)) return { escalate: true, reason: "safety or property emergency" };
  if (PROFANITY.test(normalized) || MASKED_PROFANITY.test(normalized))
    return { escalate: true, reason: "abusive or profane language" };
  if (ANGER.test(normalized) || isShouting(original)) return { escalate: true, reason: "angry lead" };
  if (
    SHOUTED_DEMAND.test(original) &&
    isHumanRequest(normalized) &&
    /\b(?:get|give|put|want|need)\b/.test(normalized)
  )
    return { escalate: true, reason: "angry lead" };
  const complaint = COMPLAINT.test(normalized) || COMPLAINT_MORE.test(normalized);
  if (
    ((alreadyCustomer || EXISTING_REF.test(normalized)) && complaint) ||
    STANDALONE_COMPLAINT.test(normalized) ||
    (OWN_ACCOUNT.test(normalized) && DEMAND.test(normalized))
  )
    return { escalate: true, reason: "complaint from an existing customer" };
  return { escalate: false, reason: null };
}

/** Several words in capitals with an exclamation mark reads as shouting. */
function isShouting(original: string): boolean {
  const capsWords = original.match(/\b[A-Z]{3,}\b/g) ?? [];
  const shouted = capsWords.filter(
    (word) =>
      !/^(?:STOP|ALL|END|QUIT|CANCEL|HVAC|ADT|USA|AC|OK|LOL|ASAP|FYI|HOA|APR|SUV|BBB|FCC|FTC|DNC|EST|CST|PST|MST|AM|PM)$/.test(
        word,
      ),
  );
  return shouted.length >= 3 && /!/.test(original);
}

const COMPANY_STOPWORDS = new Set([
  "the",
  "your",
  "our",
  "a",
  "an",
  "my",
  "this",
  "that",
  "home",
  "team",
  "customer",
  "service",
  "services",
  "pest",
  "solar",
  "roofing",
  "dental",
  "auto",
  "insurance",
  "lawn",
  "pool",
  "security",
  "hvac",
  "plumbing",
  "we",
  "us",
  "hi",
  "hello",
  "hey",
  "i",
  "it",
  "you",
  "mr",
  "mrs",
  "ms",
  "dr",
]);

/** The sending business as the agent introduced it ("Sam from Acme Pest" → "acme"), if any. */
export function senderCompany(context: { role: string; text: string }[]): string | null {
  for (const turn of context) {
    if (turn.role !== "agent") continue;
    const match =
      /\b(?:from|with|at|here at|on behalf of)\s+((?:[A-Z0-9][\w&'’.-]*)(?:\s+(?:&\s+)?[A-Z][\w&'’.-]*)*)/.exec(
        turn.text,
      );
    const first = match?.[1]
      ?.split(/\s+/)
      .map((word) => word.toLowerCase().replace(/[^a-z0-9&'-]/g, ""))
      .find((word) => word.length >= 3 && !COMPANY_STOPWORDS.has(word));
    if (first) return first;
  }
  return null;
}

/** "we've been with Acme since 2022" when Acme is the sender: the lead is our customer already. */
export function namesSenderAsProvider(normalized: string, company: string | null): boolean {
  if (!company) return false;
  const c = company.replace(/[^a-z0-9&'-]/g, "");
  return new RegExp(
    `\\b(?:with|use|using|have|had|got|from|customers? of|clients? of|members? (?:of|at)|signed up with|go to|going to|on|through|love|loved) (?:you(?:r)? )?(?:guys )?(?:at )?${c}\\b|\\b${c} (?:already|since|for (?:years|\\d+|a few|the last|over|a while|ages)|has been|have been|is our|does our|comes|came|services|treats|sprays|cleans|takes care|installed|did our|insures)`,
  ).test(normalized);
}

/** Keyword replies the agent announced ("Reply C to confirm or R to reschedule"), and what each means. */
export function announcedKeyword(
  original: string,
  context: { role: string; text: string }[],
): "confirm" | "reschedule" | "book" | "opt_out" | null {
  const lastAgent = [...context].reverse().find((turn) => turn.role === "agent");
  if (!lastAgent) return null;
  const reply = original
    .trim()
    .replace(/[\s.!"'“”]+$/g, "")
    .replace(/^["'“”]+/, "")
    .toLowerCase();
  if (!/^[a-z0-9]{1,6}$/.test(reply)) return null;
  if (!/\b(?:reply|text|respond|send|type)\b/i.test(lastAgent.text)) return null;
  for (const match of lastAgent.text.matchAll(
    /(?:\b(?:reply|text|respond|send|type)(?: with| back)?|\bor|,|;|\band)\s+["'“]?([A-Za-z0-9]{1,6})["'”]?\s+(?:to|for|if you(?: would like| want)? to)\s+(confirm|keep|reschedule|change|move|cancel|book|schedule|yes|opt[ -]?out|stop|unsubscribe)/gi,
  )) {
    if ((match[1] ?? "").toLowerCase() !== reply) continue;
    const action = (match[2] ?? "").toLowerCase();
    if (action === "confirm" || action === "keep") return "confirm";
    if (/^(?:reschedule|change|move|cancel)$/.test(action)) return "reschedule";
    if (/^(?:book|schedule|yes)$/.test(action)) return "book";
    return "opt_out";
  }
  return null;
}

/** A short decline that reads as a yes on the surface: "I'm good 👍", "we're all set, thanks". */
export function isPoliteDecline(normalized: string): boolean {
  const bare = normalized
    .replace(/[^a-z ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return /^(?:(?:no|nah|oh|ah|um|lol|haha|honestly) )*(?:i am|we are|i|we|all|im) (?:good|all good|all set|set|fine|okay|covered|straight|alright)(?: (?:thanks|thank you|though|for now|man|bro|dude|buddy|here|but thanks|appreciate it|right now|thanks though|thank you though|on that|with what we have|lol|haha|for sure))*$/.test(
    bare,
  );
}

/** Information the agent asked for, given back: a street address or an e-mail. */
export function givesContactDetails(original: string): boolean {
  return (
    /\b\d{1,6}\s+(?:[NSEW]\.?\s+)?[A-Za-z0-9]+(?:\s+[A-Za-z]+)?\s+(?:st|street|ave|avenue|ln|lane|rd|road|dr|drive|ct|court|blvd|boulevard|way|pl|place|cir|circle|ter|terrace|pkwy|parkway|hwy|highway|trail|trl|loop|pike|row|sq|square)\b\.?/i.test(
      original,
    ) || /\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b/i.test(original)
  );
}

/** "sometime next week works", "free most afternoons": availability with no exact slot. */
export function offersAvailability(normalized: string): boolean {
  return /\b(?:next week|this week|later this week|early next week|sometime|this weekend|next weekend|any ?day|weekdays?|weekends?|mornings?|afternoons?|evenings?|any ?time)\b[^?]{0,30}\b(?:works|work|is good|is fine|is better|is best|are good|are best|are better|are fine|free|open|available)\b|\b(?:i am|we are|i will be|we will be) (?:free|around|available|home|open) (?:next week|this week|sometime|any ?day|most days|weekdays|mornings|afternoons|evenings|this weekend|all week)\b/.test(
    normalized,
  );
}
