import {
  OBJECTION_LABELS,
  SMS_INTENTS,
  type TSmsClassification,
  ZSentimentLabel,
  ZSmsClassification,
  ZSmsIntent,
} from "@plaibook/shared";
import { generateText, Output } from "ai";
import { DateTime } from "luxon";
import { z } from "zod";
import type { TClassifyInput, TModelUsage } from "../ports.js";
import {
  attemptSignal,
  createUsageMeter,
  DEFAULT_LLM_TIMEOUT_MS,
  InvalidOutputError,
  type TLlmEngineOptions,
  toAttemptError,
} from "./attempt.js";
import { PROMPT_VERSIONS, renderPrompt } from "./prompt-files.js";

export const CLASSIFIER_PROMPT_VERSION = PROMPT_VERSIONS.classifier;

/** What the model is asked for; the rest of TSmsClassification is derived here. */
const ZModelClassification = z.object({
  intent: ZSmsIntent,
  objection: z.enum(OBJECTION_LABELS as [string, ...string[]]).nullable(),
  sentiment: ZSentimentLabel,
  datetime: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
    .nullable(),
  escalate: z.boolean(),
  escalateReason: z.string().max(200).nullable(),
  humanRequest: z.boolean(),
});
type TModelClassification = z.infer<typeof ZModelClassification>;

const SENTIMENT_SCORES = { positive: 0.6, neutral: 0, negative: -0.6 } as const;
/** A model gives no calibrated confidence; this marks its reading as fairly sure, below a keyword match. */
const MODEL_CONFIDENCE = 0.8;

export type TLlmClassifier = {
  modelId: string;
  classify(input: TClassifyInput): Promise<{ classification: TSmsClassification; usage: TModelUsage }>;
};

export function createLlmClassifier(options: TLlmEngineOptions): TLlmClassifier {
  const { model } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS;
  return {
    modelId: model.modelId,
    async classify(input) {
      const meter = createUsageMeter(model.modelId, CLASSIFIER_PROMPT_VERSION);
      const signal = attemptSignal(timeoutMs);
      try {
        const localSentAt = DateTime.fromJSDate(input.sentAt).setZone(input.timeZone);
        const result = await generateText({
          model,
          system: renderPrompt("classifier", {
            timeZone: input.timeZone,
            localSentAt: localSentAt.toFormat("yyyy-LL-dd'T'HH:mm"),
            weekday: localSentAt.toFormat("cccc"),
            intents: SMS_INTENTS.join(", "),
            objections: OBJECTION_LABELS.join(", "),
          }),
          prompt: [
            "Earlier messages (oldest first):",
            ...(input.context.length > 0 ? input.context.map((m) => `${m.role}: ${m.text}`) : ["(none)"]),
            "",
            "The lead's new message:",
            input.text,
          ].join("\n"),
          output: Output.object({ schema: ZModelClassification, name: "sms_classification" }),
          temperature: options.temperature ?? 0,
          maxRetries: 0,
          abortSignal: signal,
          onStepFinish: (step) => meter.addStep(step.usage),
        });
        return {
          classification: completeClassification(result.output, input.timeZone),
          usage: meter.usage(),
        };
      } catch (error) {
        throw toAttemptError(error, signal, meter);
      }
    },
  };
}

/** Fills what the model is not asked for and checks the whole against the shared schema. */
export function completeClassification(read: TModelClassification, timeZone: string): TSmsClassification {
  let mentionedTime: TSmsClassification["mentionedTime"] = null;
  if (read.datetime !== null) {
    const moment = DateTime.fromISO(read.datetime, { zone: timeZone });
    if (!moment.isValid) throw new InvalidOutputError(`datetime "${read.datetime}" is not a real moment`);
    mentionedTime = {
      date: moment.toISODate(),
      time: moment.toFormat("HH:mm"),
      after: false,
      datetime: read.datetime,
      text: read.datetime,
    };
  }
  // The shared contract: an objection label exactly when the intent is an objection.
  const objection = read.intent === "objection" ? (read.objection ?? "other") : null;
  const parsed = ZSmsClassification.safeParse({
    intent: read.intent,
    objection,
    sentiment: read.sentiment,
    sentimentScore: SENTIMENT_SCORES[read.sentiment],
    mentionedTime,
    escalate: read.escalate,
    escalateReason: read.escalate ? (read.escalateReason ?? "Flagged by the model") : null,
    humanRequest: read.humanRequest || read.intent === "human_request",
    confidence: MODEL_CONFIDENCE,
  });
  if (!parsed.success) throw new InvalidOutputError(`classification: ${parsed.error.message}`);
  return parsed.data;
}
