import { readFileSync } from "node:fs";
import { OBJECTION_LABELS, SMS_INTENTS, ZObjectionLabel, ZSmsIntent } from "@plaibook/shared";
import { z } from "zod";
import { ngramFeatures, type TSoftmaxModel, trainSoftmax } from "./softmax.js";
import { featureTokens, normalizeText } from "./text.js";

/**
 * The trained half of the classifier. Both models learn at module load from
 * `../training/sms-intents.jsonl` (examples we wrote, never the eval data); training takes a few
 * tens of milliseconds, so there is no build step and no generated file to keep in sync.
 */

const ZTrainingLine = z
  .object({ text: z.string().min(1), intent: ZSmsIntent, objection: ZObjectionLabel.optional() })
  .refine((line) => (line.intent === "objection") === (line.objection !== undefined), {
    error: "objection is set exactly when the intent is objection",
  });
export type TTrainingLine = z.infer<typeof ZTrainingLine>;

export const TRAINING_FILE = new URL("../training/sms-intents.jsonl", import.meta.url);

export function loadTrainingLines(file: URL = TRAINING_FILE): TTrainingLine[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const parsed = ZTrainingLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file.pathname}:${index + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

export function featuresOf(normalized: string): string[] {
  return ngramFeatures(featureTokens(normalized));
}

export type TModels = { intent: TSoftmaxModel; objection: TSoftmaxModel };

export function trainModels(lines: TTrainingLine[]): TModels {
  const examples = lines.map((line) => ({
    features: featuresOf(normalizeText(line.text)),
    label: line.intent,
  }));
  const objectionExamples = lines.flatMap((line) =>
    line.objection ? [{ features: featuresOf(normalizeText(line.text)), label: line.objection }] : [],
  );
  return {
    intent: trainSoftmax(examples, SMS_INTENTS),
    objection: trainSoftmax(objectionExamples, OBJECTION_LABELS, { epochs: 25 }),
  };
}

let trained: TModels | null = null;

/** The models trained on the bundled training file, trained on first use. */
export function models(): TModels {
  trained ??= trainModels(loadTrainingLines());
  return trained;
}
