import { readFileSync } from "node:fs";
import { OBJECTION_LABELS } from "@plaibook/shared";
import { z } from "zod";
import { ngramFeatures, type TPrediction, type TSoftmaxModel, trainSoftmax } from "../classifier/softmax.js";
import { featureTokens } from "../classifier/text.js";
import { cleanSpeech } from "./transcript.js";

/**
 * The trained half of objection reading: a small model over customer lines we wrote ourselves
 * (`../training/call-lines.jsonl`: lines per objection label, and `none` lines that are answers,
 * questions and small talk). It answers when no cue phrase does, for lines the customer pushes back
 * in; training takes a few milliseconds on first use, so there is no build step.
 */

export const CALL_LINES_FILE = new URL("../training/call-lines.jsonl", import.meta.url);
export const LINE_LABELS = [...OBJECTION_LABELS, "none"] as const;

const ZCallLine = z.object({
  text: z.string().min(1),
  label: z.string().refine((label) => (LINE_LABELS as readonly string[]).includes(label), {
    error: "label must be a taxonomy label, other or none",
  }),
});

export function loadCallLines(file: URL = CALL_LINES_FILE): z.infer<typeof ZCallLine>[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line, index) => {
      if (!line.trim()) return [];
      const parsed = ZCallLine.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${file.pathname}:${index + 1}: ${parsed.error.message}`);
      return [parsed.data];
    });
}

/** Features of a cleaned line (see `cleanSpeech`). */
export function lineFeatures(clean: string): string[] {
  return ngramFeatures(featureTokens(clean));
}

let trained: TSoftmaxModel | null = null;

export function lineModel(): TSoftmaxModel {
  if (!trained) {
    trained = trainSoftmax(
      loadCallLines().map((line) => ({ features: lineFeatures(cleanSpeech(line.text)), label: line.label })),
      LINE_LABELS,
      { epochs: 30 },
    );
  }
  return trained;
}

export function predictLine(clean: string): TPrediction {
  return lineModel().predict(lineFeatures(clean));
}
