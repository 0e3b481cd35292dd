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
  /\b(?:this|it) is not (?:their|his|her) (?:number|phone)\b/,
  /\b(?:new|recently got this|just got this) (?:number|phone number)\b/,
  /\bgot this number\b/,
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

const RESCHEDULE_PHRASES: RegExp[] = [
  /\bre-? ?schedul/,
  /\brebook/,
  new RegExp(
    `\\bcancel(?:l?ed|l?ing)? (?:my|the|our|this|that|your|it|tomorrow is|today is|[a-z]+day is)?\\s*(?:[a-z]+ )?(?:${APPOINTMENT_NOUNS})\\b`,
  ),
  new RegExp(
    `\\b(?:move|push|bump|change|switch|shift) (?:back )?(?:my|the|our|it|that|this|tomorrow is|today is|[a-z]+day is)\\s*(?:[a-z]+ )?(?:${APPOINTMENT_NOUNS}|to|back|out|up|a|an)\\b`,
  ),
  /\b(?:can not|will not be able to|not able to|unable to|will not) make (?:it|our|the|my|that|tomorrow|today)\b/,
  /\bpostpone\b/,
  /\bcan not (?:do|make) (?:it )?(?:[a-z]+ )?(?:anymore|any more)\b/,
  /\bpush (?:it|that|things) (?:back|out|to)\b/,
  /\b(?:different|another|new|other) (?:day|time|date)\b.*\b(?:instead|work|possible|\?)/,
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
];

export function isHumanRequest(normalized: string): boolean {
  if (/\b(?:do not|never|stop) (?:call|calling|phone|ring)/.test(normalized)) return false;
  return HUMAN_PHRASES.some((pattern) => pattern.test(normalized));
}

const ALREADY_CUSTOMER_PHRASES: RegExp[] = [
  /\balready (?:a |an )?(?:customers?|clients?|members?|patients?|policy ?holders?)\b/,
  /\b(?:i am|we are) (?:literally |actually |already )?(?:a |an )?(?:members?|customers?|clients?|patients?)(?:\s*$|\s*[^\w\s]| already| lol| of yours| here| there| with you)/,
  /\b(?:existing|current|long ?time|loyal) (?:customer|client|member|patient)\b/,
  /\b(?:been|am|are) (?:a |an )?(?:customer|client|member|patient)s? (?:of yours|with you|for|since|at your)/,
  /\balready (?:have|use|got|signed up with|signed with|bought|booked with|on) (?:you|your)\b/,
  /\b(?:have|had|got) (?:a |an |my |our )?(?:policy|plan|contract|membership|account|system|service) (?:with|from) you\b/,
  /(?<!(?:do|does|can|could|will|would|did|if|should) )\byou (?:guys |all |folks )?(?:already )?(?:did|installed|put in|treat|treated|service|serviced|replaced|sold me|sold us|insure|cover|charged|billed)\b/,
  /\byour (?:tech|technician|guy|guys|crew|team|company) (?:was|were|came|just|already|did|installed|treated|is coming)\b/,
  /\b(?:bought|purchased|leased|got) (?:my|our|a|the) [a-z ]{0,20}(?:from|with|through) you\b/,
  /\bwe are (?:on|signed up for) your\b|\bi am (?:on|signed up for) your\b/,
];

export function isAlreadyCustomer(normalized: string): boolean {
  return ALREADY_CUSTOMER_PHRASES.some((pattern) => pattern.test(normalized));
}

const PRICE_WORDS =
  /\b(?:how much|cost|costs|price|prices|pricing|priced|fee|fees|charge|charges|rate|rates|quote|run me|payment|payments|deposit|apr|interest|per month|a month|monthly|dollars|\$\d+)\b/;
const QUESTION_CUE =
  /\?|^(?:how|what|is|are|do|does|can|could|would|will|any|whats)\b|\bhow much\b|\bwondering\b|\bcurious\b|\b(?:tell|let) me (?:know|what)\b/;
/** Price complaints are objections, not questions. */
const PRICE_COMPLAINT =
  /\btoo (?:much|expensive|high|pricey|steep)\b|\bcan not afford\b|\bout of (?:my|our) (?:price range|budget)\b|\bcheaper\b|\bway more than\b|\bno way\b|\bridiculous\b|\bcrazy\b|\brip ?off\b|\bhidden\b|\bsneak|\bsurprise (?:fees|charges)\b|\bnot (?:worth|paying)\b|\bquoted (?:me|us)\b|\b\$?\d+ less\b|\bbeat (?:that|their|it)\b|\bcan not go (?:over|above|higher)\b|\binsane\b|\bnuts\b|\bjunk\b/;

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
    /\.{2,}\s*not[.!]*$|\boh (?:great|sure|wow|joy)\b[^.!?]*\banother\b|\bexactly what i (?:needed|wanted)\b|\bjust what i (?:needed|wanted)\b|\byeah right\b/.test(
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
  /\b(?:sick (?:and tired )?of|fed up|harass\w*|unacceptable|ridiculous|outrageous|furious|livid|how dare|pathetic|disgusting|worst (?:company|service)|annoying as|enough is enough|for the last time|last warning|lied|lying|liars?|shame on you|scammed|ripped (?:me|us|her|him|them) off|predatory|scumbags?|vultures?)\b/;
const LEGAL =
  /\b(?:lawyer|lawyers|attorney|attorneys|sue|suing|lawsuit|legal action|court|fcc|ftc|tcpa|attorney general|do not call (?:list|registry)|dnc|class action|report (?:you|this|your company)|reporting you|better business bureau|bbb|consumer protection|cease and desist)\b/;
const IGNORED_REQUEST =
  /\b(?:already|i|we) (?:told|asked|said|texted|replied|wrote|sent) (?:you |y'all |your company )?(?:to )?(?:stop|not to|remove|wrong number|this is the wrong|i am not|no more|unsubscribe|take me off)|\b(?:still|keep|keeps|kept) (?:texting|messaging|getting|sending|calling|contacting)\b|\b(?:said|texted|typed|replied|sent) stop\b|\b(?:told|asked) (?:you|y'all|your \w+)(?: guys| all| people)? (?:twice|already|before|multiple times|\d+ times|so many times|a (?:few|bunch of|couple of?) times|repeatedly|last (?:week|time))|\bagain after i\b|\bsecond time i\b|\bthird time\b/;
const QUIET_HOURS =
  /\b(?:woke (?:me|us|my \w+) up|waking (?:me|us|my \w+) up|middle of the night|at this hour|(?:texting|messaging|calling|text|message|call)(?: me| us| people)? (?:this late|this early|so late|so early|at night)|(?:it is|its) (?:(?:9|10|11)(?::\d{2})? ?pm|(?:12|[1-6])(?::\d{2})? ?am)|(?:text|texting|texted|message|messaging|messaged|call|calling|called)(?: me| us| people)? at (?:(?:9|10|11)(?::\d{2})? ?pm|(?:12|[1-6])(?::\d{2})? ?am|midnight))/;
const EMERGENCY =
  /\b(?:smell (?:of )?gas|gas (?:smell|leak)|smells? like gas|carbon monoxide|co (?:alarm|detector)|smoke (?:coming|everywhere|alarm)|on fire|fire in|sparks?|sparking|burning smell|smells? like (?:burning|smoke)|flood\w*|water (?:is )?(?:\w+ )?(?:pouring|gushing|coming (?:in|through|down)|dripping (?:in|through|from))|pouring (?:in|through)|actively leaking|leaking (?:right now|everywhere|through|into|badly)|(?:active|major|bad) leak|burst pipe|pipe burst|ceiling (?:is )?(?:caving|collapsing|leaking|dripping)|emergency|tree (?:fell|came down|on (?:the|our|my) (?:roof|house))|break[- ]?in (?:right now|happening)|someone (?:is )?(?:breaking|trying to break) in|no heat\b.*\b(?:baby|infant|elderly|freezing)|(?:baby|infant|elderly)\b.*\bno heat|electrocut\w*|exposed wires?|wasp nest\b.*\b(?:allergic|stung)|stung\b.*\ballergic)\b/;
const COMPLAINT =
  /\b(?:never (?:showed|came|called back|fixed)|no[- ]show(?:ed)?|did not (?:show|come|fix|work|call)|still (?:have|has|got|seeing|leaking|broken|not working|no)|not working|stopped working|broke|broken|damaged|ruined|charged (?:me )?(?:twice|double|again|for)|double charged|overcharg\w*|billing (?:error|mistake|issue)|wrong charge|refund|money back|worse than before|waste of money|terrible|horrible|awful|complain\w*|disappointed|left a mess|scratched|cracked|dented|missed (?:my|our) appointment|stood (?:me|us) up|waited all day)\b/;

/** Why a human should take over now, or not: see SOURCES.md's "Escalate" convention. */
export function escalationOf(original: string, normalized: string, alreadyCustomer: boolean): TEscalation {
  if (LEGAL.test(normalized)) return { escalate: true, reason: "legal or regulatory threat" };
  if (IGNORED_REQUEST.test(normalized))
    return { escalate: true, reason: "compliance risk: earlier request ignored" };
  if (QUIET_HOURS.test(normalized))
    return { escalate: true, reason: "compliance risk: texted outside quiet hours" };
  if (EMERGENCY.test(normalized)) return { escalate: true, reason: "safety or property emergency" };
  if (PROFANITY.test(normalized)) return { escalate: true, reason: "abusive or profane language" };
  if (ANGER.test(normalized) || isShouting(original)) return { escalate: true, reason: "angry lead" };
  if (
    (alreadyCustomer ||
      /\b(?:your|you guys|you all|y'all) (?:tech|technician|crew|guy|company|service|team|installer)\b|\byou (?:guys |all )?(?:installed|treated|did|sprayed|charged|billed|put in)\b/.test(
        normalized,
      )) &&
    COMPLAINT.test(normalized)
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
