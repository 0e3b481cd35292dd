import type { TCallAnalysis, TCallOutcome } from "@plaibook/shared";
import { isCustomerSide, shortQuote, type TTurn } from "./transcript.js";

/**
 * How the call ended. Read from the last part of the call: money taken or papers signed (sold); a
 * visit, estimate, tour or service put on the calendar (booked); a dated callback or something sent
 * to review before a set contact (follow_up); a clear no (lost); and otherwise — a voicemail, a
 * dropped line, "I'll think about it" with nothing agreed — no_decision.
 */

const DAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|tonight|today)";
const WHEN = new RegExp(
  String.raw`\b(?:${DAY}|this (?:afternoon|evening|week|weekend)|next (?:week|month|year)|(?:end|first|beginning|middle) of (?:the|next|this) (?:week|month)|january|february|march|april|june|july|august|september|october|november|december|the (?:\w+)(?:st|nd|rd|th)|\d{1,2}(?::\d{2})?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:[- ](?:fifteen|thirty|forty-five|o'clock))?|noon|morning|afternoon|evening|o'clock|in (?:a|two|three|a couple of|a few) (?:days|weeks|months))\b`,
);

export const VOICEMAIL_GREETING =
  /\b(?:leave (?:a|your|me a) (?:message|name|brief message)|after the (?:tone|beep)|(?:can not|not able to|unable to) (?:come|get) to the phone|you have reached|mailbox|not available right now)\b/;
const DROPPED =
  /\b(?:breaking up|can not hear you|can barely hear|lost you|you there\?|are you there|hello\?|bad (?:signal|connection|reception)|call (?:dropped|drops))\b/;

const SOLD_REP =
  /\b(?:(?:that|it|payment|the card|your card|the charge|the deposit) (?:went through|is approved|processed|cleared)|welcome (?:to|aboard)\b|congratulations on (?:your|the) (?:new|purchase)|(?:you are|you're) (?:officially |now )?(?:signed up|enrolled|a member|covered|insured|bound)\b|(?:policy|coverage|membership|plan|contract|agreement) (?:is|will be) (?:active|effective|bound|in effect|live)|e-?sign|docusign|sign (?:the|your) (?:agreement|contract|paperwork|application|docs|documents)|(?:just )?need (?:a|the|your) (?:card|payment|deposit|credit card|debit card|payment method)|(?:card|payment method) (?:on file|for the)|(?:take|took|run|ran|process|processed|charge|charged) (?:the|your) (?:card|payment|deposit|first month)|drive it home|pick up (?:the|your) (?:keys|car|truck)|(?:get|send) (?:you )?the (?:contract|agreement|paperwork))\b/;
const SOLD_CUSTOMER =
  /\b(?:(?:let us|let's) do it|i will take (?:it|the|that|one)|sign (?:me|us) up|we will take (?:it|the|that)|ring it up|here is my card|it is a (?:visa|mastercard|discover|amex)|card number|count (?:me|us) in|where do i sign|let us sign|let's sign)\b/;
const BOOKED_REP =
  /\b(?:(?:you are|you're) (?:all )?(?:set|booked|scheduled|confirmed)\b|(?:i have|i've got|i got|i will put|i'll put|i put|got|we have|we've got) you (?:down|booked|scheduled|in|on the (?:calendar|schedule))|you are on (?:the|our) (?:schedule|calendar|books|route)|start(?:ing)? you (?:next|on|this|tomorrow)|(?:booked|scheduled|confirmed|penciled|pencilled) (?:you )?(?:in )?for (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|today|next|this|the|\d|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|see you (?:then|on|at|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|next)|(?:the|our|your) (?:tech|technician|inspector|estimator|installer|advisor|crew|specialist|nurse|injector|trainer|coach|consultant|project manager) (?:will|is going to|can) (?:be there|be out|come|arrive|text|call you when|meet|see you|show up|swing by)|(?:appointment|inspection|estimate|assessment|consultation|consult|tour|test drive|visit|walkthrough|demo|session|class|service|tune-?up|install\w*|treatment|cleaning) (?:is|will be) (?:set|booked|scheduled|confirmed)|(?:confirmation|reminder) (?:text|email|call)|(?:send|text|email) (?:you|you both|both of you) (?:a|the) (?:confirmation|reminder)|(?:call|text) you when (?:she|he|they|we) (?:is|are) on (?:the|her|his|their|our) way|on (?:the|her|his|their|our) way\b|(?:send|sending|have) (?:a|our|the) (?:tech|technician|inspector|estimator|crew|specialist|advisor|consultant) (?:out|over|to))/;
/** A scheduled contact that is a conversation, not a visit: a follow-up, whatever the words. */
const SCHEDULED_CALL =
  /\b(?:video call|zoom|facetime|phone call|call you (?:both|back|then)|call (?:with|for) (?:you|both)|callback|call back|talk (?:to you|then)|catch up|follow-up call)\b/;
const FOLLOW_UP_REP =
  /\b(?:(?:i will|i'll|i am going to|let me|we will|i can) (?:give you a )?(?:call|text|email|follow up|check in|reach out|touch base|circle back|try|ring) (?:you |with you |back )?(?:back )?(?:on|at|next|in|this|tomorrow|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|after|around|early|then|when|once|from|the)|(?:talk|speak) (?:to you |with you )?(?:then|on|tomorrow|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:i will|i'll|let me|i can|i am going to) send (?:you|over|it|the|both) (?:\w+ ){0,4}(?:proposal|quote|estimate|comparison|side-by-side|numbers|information|details|brochure|guide|link|pdf|design|breakdown)|(?:would|does|how about|how is|what about) (?:\w+ ){0,3}work for (?:a|the) (?:call|callback|follow-up))/;
const FOLLOW_UP_CUSTOMER =
  /\b(?:call|text|email|try) (?:me|us) (?:back )?(?:like |around |at |on |after |before |next |in |this |early |closer )|(?:send|email|text) (?:me|us|that|it) (?:\w+ ){0,3}(?:over|and)|(?:give me|let me have) (?:till|until) /;
const LOST_CUSTOMER =
  /\b(?:not (?:really |even )?interested|no,? thank you|no,? thanks|(?:we|i) will pass|pass on (?:it|this|that)|(?:going|go|decided to go|went|sticking|staying) with (?:the other|someone else|another|them|him|her|my|our)|take me off|do not call|remove (?:me|my number)|not going to (?:happen|work|do it|do this|buy|sign|switch)|not for (?:me|us)|hard pass|(?:no|nah)[,.!]? (?:\w+[,.!]? ){0,5}(?:i am|we are) (?:good|fine|okay|all set)\b|(?:we are|i am) (?:good|fine|all set)[,.!]? (?:but )?(?:thanks?|thank you) (?:for calling|though|anyway)|(?:i am|we are) not (?:going to )?(?:do|doing|buy|sign|switch|move forward)|not letting (?:anybody|anyone|you)|(?:do not|not) (?:want|need) (?:it|any of it|one|that)(?:[.,!]|$)|please (?:do not|stop)|lose my number|(?:want|like|need|going|have) to cancel|(?:just )?cancel (?:my|our|the|it)\b)\b|^(?:no|nah)\b[^.?!]*\b(?:go|going|stick|sticking|stay|staying) with\b/;
const LOST_REP =
  /^[^?]*\b(?:(?:i will|i'll) (?:take you off|remove you)|sorry (?:to|for) (?:bother|bothering)|if (?:anything|you) change|keep us in mind|if you ever (?:change|need|want))\b[^?]*$/;
/** A service ended on the call (a cancellation the rep carried out): lost, whatever else is sent after. */
const CANCELLED_REP =
  /\b(?:membership|account|service|plan|subscription|contract|policy|program|agreement) (?:is|has been|was|is now) (?:now )?(?:cancel+ed|closed|terminated|ended)\b|\b(?:i have|i've|i) cancel+ed (?:it|your|the)\b/;
const UNDECIDED =
  /\b(?:think (?:about it|it over|on it)|let you know|get back to you|sleep on it|i will see|we will see|not sure yet|leave it for now|have to (?:look|see|check)|talk (?:to|with) (?:her|him|them) (?:and|first))\b/;
const AGREES =
  /^(?:(?:yes|yeah|yep|sure|okay|ok|alright|all right|perfect|great|that works|works|sounds good|that is fine|fine|let us do (?:it|that)|let's do (?:it|that)|book it|go ahead|absolutely|definitely|please)\b|.*\b(?:that works|works for me|sounds good|that is fine|let us do|let's do|go ahead)\b)/;

type TEvent = { label: TCallOutcome; turn: TTurn };

/** A day or time in this turn or the few before it (the slot the confirmation is about). */
function whenNear(turns: TTurn[], position: number): boolean {
  return turns.slice(Math.max(0, position - 4), position + 1).some((t) => WHEN.test(t.clean));
}

export function decideOutcome(turns: TTurn[]): TCallAnalysis["outcome"] {
  const none = { label: "no_decision" as const, evidence: "", at: null };
  if (turns.length === 0) return none;
  const start = turns[0]?.start ?? 0;
  const end = turns.reduce((max, t) => Math.max(max, t.end), 0);
  const late = (turn: TTurn) => turn.start - start >= (end - start) * 0.4 || turns.length <= 8;
  const pick = (label: TCallOutcome, turn: TTurn) => ({
    label,
    evidence: shortQuote(turn.text, 300),
    at: turn.start,
  });

  const customerSide = turns.filter(isCustomerSide);
  const greeting = customerSide.find((t) => t.index <= 2 && VOICEMAIL_GREETING.test(t.clean));
  const talked = customerSide.filter((t) => t.words >= 4 && !VOICEMAIL_GREETING.test(t.clean)).length;
  if (greeting && talked <= 1) return pick("no_decision", greeting);
  const lastCustomer = customerSide.slice(-3);
  const dropped = lastCustomer.find((t) => DROPPED.test(t.clean));
  if (dropped && end - start < 120) return pick("no_decision", dropped);

  const events: TEvent[] = [];
  for (const [position, turn] of turns.entries()) {
    if (!late(turn)) continue;
    const next = turns.slice(position + 1, position + 3).find(isCustomerSide);
    const agreed = next !== undefined && AGREES.test(next.clean);
    if (turn.role === "rep") {
      // "Would you like me to send the paperwork?" offers; "that went through" reports.
      if (SOLD_REP.test(turn.clean) && !turn.clean.includes("?")) events.push({ label: "sold", turn });
      else if (CANCELLED_REP.test(turn.clean)) events.push({ label: "lost", turn });
      else if (BOOKED_REP.test(turn.clean) && whenNear(turns, position))
        events.push({ label: SCHEDULED_CALL.test(turn.clean) ? "follow_up" : "booked", turn });
      else if (FOLLOW_UP_REP.test(turn.clean) && (WHEN.test(turn.clean) || agreed))
        events.push({ label: "follow_up", turn });
      else if (LOST_REP.test(turn.clean)) events.push({ label: "lost", turn });
    } else {
      if (SOLD_CUSTOMER.test(turn.clean)) events.push({ label: "sold", turn });
      else if (FOLLOW_UP_CUSTOMER.test(turn.clean) && WHEN.test(turn.clean))
        events.push({ label: "follow_up", turn });
      else if (LOST_CUSTOMER.test(turn.clean)) events.push({ label: "lost", turn });
      else if (UNDECIDED.test(turn.clean)) events.push({ label: "no_decision", turn });
    }
  }
  const find = (label: TCallOutcome) => events.find((e) => e.label === label);
  const last = (label: TCallOutcome) => events.filter((e) => e.label === label).pop();
  const sold = events.filter((e) => e.label === "sold");
  // Money or papers need the customer's yes around them, not only the rep saying the words.
  if (sold.length >= 2 || (sold[0] && sold[0].turn.role === "rep"))
    return pick("sold", (sold[0] as TEvent).turn);
  const booked = last("booked");
  const followUp = last("follow_up");
  // A no is the customer's: the rep's "if you change your mind" only backs it up.
  const lost = events.some((e) => e.label === "lost" && e.turn.role !== "rep") ? last("lost") : undefined;
  if (booked && (!lost || lost.turn.index < booked.turn.index)) return pick("booked", booked.turn);
  if (followUp && (!lost || lost.turn.index < followUp.turn.index)) return pick("follow_up", followUp.turn);
  if (lost) return pick("lost", lost.turn);
  const undecided = find("no_decision");
  if (undecided) return pick("no_decision", undecided.turn);
  if (greeting) return pick("no_decision", greeting);
  return none;
}
