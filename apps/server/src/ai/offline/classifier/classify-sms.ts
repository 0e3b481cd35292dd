import type { TMentionedTime, TSmsClassification, TSmsIntent } from "@plaibook/shared";
import type { SmsClassifier, TClassifyInput } from "../../ports.js";
import { featuresOf, models } from "./intent-model.js";
import { extractMentionedTime } from "./mentioned-time.js";
import {
  FORMER_CUSTOMER,
  objectionCue,
  objectionCueOf,
  PROVIDER_BY_NAME,
  STRONG_OBJECTION,
} from "./objection.js";
import {
  announcedKeyword,
  escalationOf,
  givesContactDetails,
  greetedName,
  isAlreadyCustomer,
  isAutoReply,
  isBookingRequest,
  isHumanRequest,
  isOptOut,
  isPoliteDecline,
  isPriceQuestion,
  isReaction,
  isReschedule,
  isSarcasticRefusal,
  isWrongNumber,
  mentionsBooking,
  namesSenderAsProvider,
  offersAvailability,
  senderCompany,
} from "./rules.js";
import { sentimentOf } from "./sentiment.js";
import { normalizeText } from "./text.js";

const RULE_CONFIDENCE = 0.95;
/** Below this the objection model's guess is not trusted and the objection is `other`. */
const OBJECTION_MODEL_FLOOR = 0.35;

type TIntentDecision = { intent: TSmsIntent; confidence: number };

const INTERESTED =
  /(?<!not |no longer |never |less |be )\b(?:(?:i am|we are|i would be|we would be|definitely|very|super|really|still) interested|count (?:me|us) in|i am in\b|what is the next step|next steps?\?)/;
/** A sentence asked as a question; a single wh- sentence counts even without its "?". */
const QUESTION_FORM =
  /(?:^|[.!?]\s+)(?:how|what|when|where|why|who|which|is|are|do|does|can|could|would|will|should|did|have|has|any)\b[^?.!]*\?|^(?:how|what|when|where|why|who|which)\b[^?.!]*$/;
/** Opens with a yes: "definitely, our bill was $380", "sure thing". */
const LEADING_YES =
  /^(?:(?:lol|haha|omg|ok|okay) )?(?:ye+s+|ya+s+|yea+h*|yep|yup|ya|yah|heck ya\w*|hell ya\w*|yes|sure|definitely|absolutely|of course|okay sure|for sure|omg yes|heck yes|hell yes)\b|\bso yes\b/;
/** "I clean the pool myself", "we do our own yard": a reason not to buy, even without a "no". */
const DIY_STATEMENT =
  /\b(?:i|we|my (?:husband|wife|son|dad|brother|partner)) (?:just |already |usually |always )?(?:do|does|clean|cleans|mow|mows|spray|sprays|treat|treats|service|services|fix|fixes|handle|handles|paint|install|cut|maintain|take care of|change|changes)\b[^.?!]{0,30}\b(?:myself|ourselves|himself|herself|my own|our own|diy)\b|\b(?:(?<!(?:repeat|explain|express|remind|told|tell|ask|asking|repeating) )myself|ourselves|diy)\b[^.?!]{0,20}$/;
/** A named person to speak to: a request for a human even when a time comes with it. */
const ASKS_FOR_SOMEONE_ELSE =
  /\b(?:manager|supervisor|owner|real person|human|live person|actual person|someone in charge)\b/;
const SEE_YOU =
  /\bsee (?:you|ya|u) (?:then|there|soon|tomorrow|tmrw|on|at|next|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/;
const CHANGE_OF_BOOKING =
  /\b(?:instead|push (?:me|it|us|that) (?:back|out)|earlier|later|same time|move (?:me|it|us))\b/;

/** A refusal said in so many words: "no thanks", "pass", "not buying it", "I'm good". */
const REFUSAL =
  /\b(?:no thanks|no thank you|thanks but no|no thx|(?:i will|i would|i think i will|we will|gonna|going to|hard|so|i|we) pass\b|not buying (?:it|that|this|any of it)|(?:i am|we are) (?:good|all set|fine)(?: thanks| thank you)?[.!]*$|not interested|hard no|not for (?:me|us)|count (?:me|us) out|no deal|forget it)|(?:^|[,.;!]\s*)(?:pass|nah|nope)(?: on (?:this|that|it))?\s*[.!]*$/;
/** "can you reach out again after the 1st?": asked as a question, but it is "not now, later". */
const CALLBACK_REQUEST =
  /\b(?:can|could|would|will|maybe) (?:you|u|ya|y'all|someone) (?:mind )?(?:please |just )?(?:reach(?:ing)? out|text(?:ing)?|message|messaging|contact(?:ing)?|check(?:ing)? (?:back|in)|follow(?:ing)? up|circl(?:e|ing) back|ping(?:ing)?|try(?:ing)?|hit(?:ting)? (?:me|us) up|get(?:ting)? back to (?:me|us)|call(?:ing)? (?:me |us )?(?:back|again))(?: (?:me|us))?(?: (?:back|again))?(?: with (?:me|us))? (?:after|in|next|around|closer to|at the end|toward|towards|once|later|sometime|early|end of|mid|the first)\b(?! (?:a )?(?:minute|min|sec|second|bit|few minutes|\d+ (?:min|mins|minutes|seconds)))/;

/** What went wrong when the lead was a customer once: "constant outages", "rates went up". */
const FORMER_GRIEVANCE =
  /\b(?:constant|always|never|terrible|horrible|awful|worst|bad|nightmare|outages?|problems?|issues?|went up|raised|hiked|doubled|overcharg\w*|rude|late|leak\w*|broke\w*|died|failed|mess\w*|screwed|ripped|lied)\b/;

function decideIntent(
  input: TClassifyInput,
  normalized: string,
  time: TMentionedTime | null,
  human: boolean,
  quietHours: boolean,
  complaint: boolean,
  emergency: boolean,
): TIntentDecision {
  const rule = (intent: TSmsIntent): TIntentDecision => ({ intent, confidence: RULE_CONFIDENCE });
  const hasTime = time !== null && (time.date !== null || time.time !== null);
  // opt_out wins over everything (SOURCES.md), so it is checked before anything else.
  if (isOptOut(normalized)) return rule("opt_out");
  // "C" / "R" after "Reply C to confirm or R to reschedule": the agent defined what the letter means.
  const keyword = announcedKeyword(input.text, input.context);
  if (keyword === "opt_out") return rule("opt_out");
  if (keyword === "reschedule") return rule("reschedule");
  if (keyword === "book") return rule("appointment_request");
  if (keyword === "confirm") return rule("other");
  if (isReaction(input.text) || isAutoReply(normalized)) return rule("other");
  if (isWrongNumber(normalized, greetedName(input.context))) return rule("wrong_number");
  // "I'm good 👍" to an offer is a no; to a booking reminder it is an acknowledgement.
  if (isPoliteDecline(normalized)) return rule(mentionsBooking(input.context) ? "other" : "not_interested");
  if (isReschedule(normalized)) return rule("reschedule");
  if (hasTime && mentionsBooking(input.context) && CHANGE_OF_BOOKING.test(normalized))
    return rule("reschedule");
  if (isAlreadyCustomer(normalized) || namesSenderAsProvider(normalized, senderCompany(input.context)))
    return rule("already_customer");
  if (human && (!hasTime || ASKS_FOR_SOMEONE_ELSE.test(normalized))) return rule("human_request");
  if (isSarcasticRefusal(input.text, normalized))
    return rule(objectionCue(normalized) === null ? "not_interested" : "objection");
  if (CALLBACK_REQUEST.test(normalized)) return rule("objection");
  // "had you guys years ago, constant outages. pass": a refusal that gives its reason is an objection.
  if (REFUSAL.test(normalized) || FORMER_CUSTOMER.test(normalized)) {
    const cue = objectionCueOf(input.text, normalized);
    const grievance = cue === "trust/bad_past_experience" && FORMER_GRIEVANCE.test(normalized);
    if (cue !== null && cue !== "need/not_interested" && (REFUSAL.test(normalized) || grievance))
      return rule("objection");
  }
  if (isBookingRequest(normalized)) return rule("appointment_request");
  if (isPriceQuestion(normalized)) return rule("question");
  if (STRONG_OBJECTION.test(normalized)) return rule("objection");
  if (DIY_STATEMENT.test(normalized) && !normalized.includes("?")) return rule("objection");

  const prediction = models().intent.predict(featuresOf(normalized));
  // A false opt-out silences a lead for good: only the rules may say opt_out, the model's runner-up answers.
  const ranked = Object.entries(prediction.probabilities)
    .filter(([label]) => label !== "opt_out")
    .sort((a, b) => b[1] - a[1]);
  const [label, probability] = ranked[0] ?? ["other", 0];
  const confidence = Math.round(probability * 1000) / 1000;
  const intent = label as TSmsIntent;
  const adjusted = (to: TSmsIntent): TIntentDecision => ({
    intent: to,
    confidence: Math.min(confidence, 0.7),
  });
  // A complaint about the hour we texted is not a question or a booking, whatever its wording.
  if (quietHours)
    return adjusted(["not_interested", "human_request", "reschedule"].includes(intent) ? intent : "other");
  // An emergency is a call for someone to come out now.
  if (emergency && ["other", "interested", "question", "objection"].includes(intent))
    return adjusted("appointment_request");
  // A complaint about work we did comes from a customer, whatever words it shares with a pitch reply.
  if (
    complaint &&
    ["objection", "other", "interested", "appointment_request", "reschedule", "not_interested"].includes(
      intent,
    )
  )
    return adjusted("already_customer");
  // A refusal that gives a reason is an objection; a flat one is not_interested.
  if (intent === "not_interested" && normalized.split(" ").length > 2) {
    const cue = objectionCue(normalized);
    if (cue && cue !== "need/not_interested") return adjusted("objection");
  }
  // "nope. how often do I have to repeat myself": a flat no with no reason the cues or the model can name.
  if (
    intent === "objection" &&
    /^(?:no|nope|nah|no way)\b/.test(normalized) &&
    objectionCueOf(input.text, normalized) === null &&
    models().objection.predict(featuresOf(normalized)).probability < OBJECTION_MODEL_FLOOR
  )
    return adjusted("not_interested");
  const asks = normalized.includes("?");
  // "yes, 14 Elm Ct" answers the agent's question for an address: information, not interest.
  if (
    !hasTime &&
    !asks &&
    givesContactDetails(input.text) &&
    ["interested", "other", "objection", "question"].includes(intent)
  )
    return adjusted("other");
  // "our pool guy comes every week already": someone else does the job, a reason not to buy.
  if (
    !asks &&
    PROVIDER_BY_NAME.test(normalized) &&
    ["appointment_request", "other", "interested", "not_interested"].includes(intent)
  )
    return adjusted("objection");
  if (
    !asks &&
    offersAvailability(normalized) &&
    ["interested", "other", "question", "not_interested"].includes(intent)
  )
    return adjusted("appointment_request");
  if (INTERESTED.test(normalized) && ["objection", "other", "question"].includes(intent))
    return adjusted("interested");
  if (LEADING_YES.test(normalized) && ["objection", "other"].includes(intent)) return adjusted("interested");
  // "lol yeah send me a quote": a yes that asks for the thing offered, not a question about it.
  if (LEADING_YES.test(normalized) && intent === "question" && !asks && !QUESTION_FORM.test(normalized))
    return adjusted("interested");
  // "I'm good, see you then" to a reminder acknowledges the booking.
  if (intent === "not_interested" && mentionsBooking(input.context) && SEE_YOU.test(normalized))
    return adjusted("other");
  // With no booking in sight and no word of changing one, a time the lead offers is a new booking.
  if (
    intent === "reschedule" &&
    time?.datetime &&
    !mentionsBooking(input.context) &&
    !CHANGE_OF_BOOKING.test(normalized)
  )
    return adjusted("appointment_request");
  // "how about the 3rd at 10?" proposes a time; it is not a question about the offer.
  if (
    time?.datetime &&
    /^(?:how|what) about\b|^(?:can|could) (?:we|you) do\b/.test(normalized) &&
    intent !== "reschedule"
  )
    return adjusted("appointment_request");
  if (
    QUESTION_FORM.test(normalized) &&
    !/^(?:what|who|why|how) the (?:hell|heck|f\S*)\b/.test(normalized) &&
    ["objection", "other", "already_customer", "human_request"].includes(intent)
  )
    return adjusted("question");
  if (time?.datetime && ["other", "interested", "question"].includes(intent))
    return adjusted("appointment_request");
  return { intent, confidence };
}

function objectionOf(original: string, normalized: string): string {
  const found = objectionCueOf(original, normalized);
  // "can you follow up after tax season?": asked to come back later, whatever the season.
  const cue =
    CALLBACK_REQUEST.test(normalized) && (found === null || found.startsWith("timing/"))
      ? "timing/call_back_later"
      : found;
  if (cue) return cue;
  const guess = models().objection.predict(featuresOf(normalized));
  return guess.probability >= OBJECTION_MODEL_FLOOR ? guess.label : "other";
}

/** Reads one inbound SMS: intent, objection, sentiment, the time it proposes, escalation. */
/** Recent readings: the agent and the Overseer read the same message in the same worker. */
const recent = new Map<string, TSmsClassification>();
const RECENT_LIMIT = 2000;

export function classifySms(input: TClassifyInput): TSmsClassification {
  const key = JSON.stringify([input.text, input.timeZone, input.sentAt.getTime(), input.context]);
  const known = recent.get(key);
  if (known) return known;
  const classification = readSms(input);
  if (recent.size >= RECENT_LIMIT) recent.delete(recent.keys().next().value as string);
  recent.set(key, classification);
  return classification;
}

function readSms(input: TClassifyInput): TSmsClassification {
  const normalized = normalizeText(input.text);
  const mentionedTime = extractMentionedTime(input);
  const humanRequest = isHumanRequest(normalized);
  const alreadyCustomer = isAlreadyCustomer(normalized);
  const escalation = escalationOf(
    input.text,
    normalized,
    alreadyCustomer,
    isWrongNumber(normalized, greetedName(input.context)),
  );
  const quietHours = escalation.reason?.includes("quiet hours") ?? false;
  const complaint = escalation.reason === "complaint from an existing customer";
  const { intent, confidence } = decideIntent(
    input,
    normalized,
    mentionedTime,
    humanRequest,
    quietHours,
    complaint,
    escalation.reason === "safety or property emergency",
  );
  // Someone opting out or saying "wrong number" proposes no time, whatever numbers they type.
  const proposes = !["opt_out", "wrong_number", "not_interested"].includes(intent) && !quietHours;
  const lexical = sentimentOf(input.text, normalized, intent);
  // Every escalation reason (anger, threats, ignored requests, emergencies, complaints) is bad news.
  const sentiment = escalation.escalate
    ? { label: "negative" as const, score: Math.min(lexical.score, -0.4) }
    : lexical;
  return {
    intent,
    objection: intent === "objection" ? objectionOf(input.text, normalized) : null,
    sentiment: sentiment.label,
    sentimentScore: sentiment.score,
    mentionedTime: proposes ? mentionedTime : null,
    escalate: escalation.escalate,
    escalateReason: escalation.reason,
    humanRequest,
    confidence,
  };
}

/** The offline engine behind the SmsClassifier port: deterministic, no network, zero tokens. */
export function createOfflineClassifier(): SmsClassifier {
  return {
    async classify(input) {
      const started = performance.now();
      const classification = classifySms(input);
      return {
        classification,
        usage: {
          engine: "offline",
          model: "offline-v1",
          latencyMs: Math.round(performance.now() - started),
          inputTokens: 0,
          outputTokens: 0,
        },
      };
    },
  };
}
