import { writeFile } from "node:fs/promises";
import { z } from "zod";
import { createOfflineClassifier } from "../ai/offline/classifier/index.js";
import type { SmsClassifier, TClassifyInput } from "../ai/ports.js";
import { loadConfig } from "../platform/config.js";
import { InputLineError, readJsonLines } from "./jsonl.js";

/**
 * `plaibook classify-sms --input F.jsonl --output G.jsonl [--engine offline|llm]`: one JSON line
 * in, one JSON line out, nothing else read (no database). Format: /shared/eval/README.md.
 */

export const ZSmsTurnLine = z.object({
  id: z.string().min(1),
  text: z.string(),
  context: z.array(z.object({ role: z.enum(["agent", "lead"]), text: z.string() })).default([]),
  timezone: z.string().min(1),
  sent_at: z.iso.datetime({ offset: true }),
});
export type TSmsTurnLine = z.infer<typeof ZSmsTurnLine>;

export type TEngine = "offline" | "llm";
export type TClassifySmsOptions = { input: string; output: string; engine: TEngine };
export type TSmsPredictionLine = {
  id: string;
  intent: string;
  objection: string | null;
  sentiment: string;
  datetime: string | null;
  escalate: boolean;
};

export { InputLineError };

/** Parses a JSONL file of SMS turns; a bad line throws naming its number. Extra fields are kept out. */
export function readSmsTurns(file: string): Promise<{ line: TSmsTurnLine; raw: unknown }[]> {
  return readJsonLines(file, ZSmsTurnLine, (line) =>
    isKnownZone(line.timezone) ? null : `timezone: unknown IANA zone "${line.timezone}"`,
  );
}

function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function classifyInputOf(line: TSmsTurnLine): TClassifyInput {
  return { text: line.text, context: line.context, timeZone: line.timezone, sentAt: new Date(line.sent_at) };
}

/** Classifies every line with the given classifier, a few at a time (an LLM answers in parallel). */
export async function classifyTurns(
  lines: TSmsTurnLine[],
  classifier: SmsClassifier,
  concurrency = 8,
): Promise<TSmsPredictionLine[]> {
  const out: TSmsPredictionLine[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const index = next++;
      const line = lines[index] as TSmsTurnLine;
      const { classification } = await classifier.classify(classifyInputOf(line));
      out[index] = {
        id: line.id,
        intent: classification.intent,
        objection: classification.objection,
        sentiment: classification.sentiment,
        datetime: classification.mentionedTime?.datetime ?? null,
        escalate: classification.escalate,
      };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lines.length) }, worker));
  return out;
}

export async function runClassifySms(
  options: Pick<TClassifySmsOptions, "input" | "output">,
  classifier: SmsClassifier,
): Promise<{ count: number }> {
  const rows = await readSmsTurns(options.input);
  const predictions = await classifyTurns(
    rows.map((row) => row.line),
    classifier,
  );
  await writeFile(options.output, predictions.map((p) => `${JSON.stringify(p)}\n`).join(""));
  return { count: predictions.length };
}

export class EngineUnavailableError extends Error {
  override name = "EngineUnavailableError";
}

/**
 * The classifier for an engine name. The LLM classifier plugs in here once it exists; until then,
 * and always without OPENROUTER_API_KEY, asking for it fails with a message saying why.
 */
export function createClassifier(engine: TEngine): SmsClassifier {
  if (engine === "offline") return createOfflineClassifier();
  if (!loadConfig().OPENROUTER_API_KEY)
    throw new EngineUnavailableError(
      "--engine llm needs OPENROUTER_API_KEY in the environment; use --engine offline to run without it",
    );
  throw new EngineUnavailableError("The LLM SMS classifier is not available yet; use --engine offline");
}

export function parseEngine(value: string): TEngine {
  if (value === "offline" || value === "llm") return value;
  throw new Error(`Unknown engine "${value}": expected offline or llm`);
}
