import type { TMentionedTime, TSmsClassification, TSmsIntent } from "@plaibook/shared";
import type { SmsClassifier, TClassifyInput } from "../../ports.js";
import { featuresOf, models } from "./intent-model.js";
import { extractMentionedTime } from "./mentioned-time.js";
import { objectionCue, STRONG_OBJECTION } from "./objection.js";
import {
  escalationOf,
  greetedName,
  isAlreadyCustomer,
  isAutoReply,
  isBookingRequest,
  isHumanRequest,
  isOptOut,
  isPriceQuestion,
  isReaction,
  isReschedule,
  isSarcasticRefusal,
  isWrongNumber,
  mentionsBooking,
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
  /^(?:yes|sure|definitely|absolutely|of course|okay sure|for sure|omg yes|heck yes|hell yes)\b|\bso yes\b/;
const CHANGE_OF_BOOKING =
  /\b(?:instead|push (?:me|it|us|that) (?:back|out)|earlier|later|same time|move (?:me|it|us))\b/;

function decideIntent(
  input: TClassifyInput,
  normalized: string,
  time: TMentionedTime | null,
  human: boolean,
  quietHours: boolean,
): TIntentDecision {
  const rule = (intent: TSmsIntent): TIntentDecision => ({ intent, confidence: RULE_CONFIDENCE });
  const hasTime = time !== null && (time.date !== null || time.time !== null);
  // opt_out wins over everything (SOURCES.md), so it is checked before anything else.
  if (isOptOut(normalized)) return rule("opt_out");
  if (isReaction(input.text) || isAutoReply(normalized)) return rule("other");
  if (isWrongNumber(normalized, greetedName(input.context))) return rule("wrong_number");
  if (isReschedule(normalized)) return rule("reschedule");
  if (hasTime && mentionsBooking(input.context) && CHANGE_OF_BOOKING.test(normalized))
    return rule("reschedule");
  if (isAlreadyCustomer(normalized)) return rule("already_customer");
  if (human && !hasTime) return rule("human_request");
  if (isSarcasticRefusal(input.text, normalized))
    return rule(objectionCue(normalized) === null ? "not_interested" : "objection");
  if (isBookingRequest(normalized)) return rule("appointment_request");
  if (isPriceQuestion(normalized)) return rule("question");
  if (STRONG_OBJECTION.test(normalized)) return rule("objection");

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
  // A refusal that gives a reason is an objection; a flat one is not_interested.
  if (intent === "not_interested" && normalized.split(" ").length > 4) {
    const cue = objectionCue(normalized);
    if (cue && cue !== "need/not_interested") return adjusted("objection");
  }
  if (INTERESTED.test(normalized) && ["objection", "other", "question"].includes(intent))
    return adjusted("interested");
  if (LEADING_YES.test(normalized) && ["objection", "other"].includes(intent)) return adjusted("interested");
  if (
    QUESTION_FORM.test(normalized) &&
    ["objection", "other", "already_customer", "human_request"].includes(intent)
  )
    return adjusted("question");
  if (time?.datetime && ["other", "interested", "question"].includes(intent))
    return adjusted("appointment_request");
  if (quietHours && ["appointment_request", "question"].includes(intent)) return adjusted("other");
  return { intent, confidence };
}

function objectionOf(normalized: string): string {
  const cue = objectionCue(normalized);
  if (cue) return cue;
  const guess = models().objection.predict(featuresOf(normalized));
  return guess.probability >= OBJECTION_MODEL_FLOOR ? guess.label : "other";
}

/** Reads one inbound SMS: intent, objection, sentiment, the time it proposes, escalation. */
export function classifySms(input: TClassifyInput): TSmsClassification {
  const normalized = normalizeText(input.text);
  const mentionedTime = extractMentionedTime(input);
  const humanRequest = isHumanRequest(normalized);
  const alreadyCustomer = isAlreadyCustomer(normalized);
  const escalation = escalationOf(input.text, normalized, alreadyCustomer);
  const quietHours = escalation.reason?.includes("quiet hours") ?? false;
  const { intent, confidence } = decideIntent(input, normalized, mentionedTime, humanRequest, quietHours);
  // Someone opting out or saying "wrong number" proposes no time, whatever numbers they type.
  const proposes = !["opt_out", "wrong_number", "not_interested"].includes(intent) && !quietHours;
  const sentiment = sentimentOf(input.text, normalized, intent);
  return {
    intent,
    objection: intent === "objection" ? objectionOf(normalized) : null,
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
