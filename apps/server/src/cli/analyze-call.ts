import { writeFile } from "node:fs/promises";
import { ZCallEvalInput, ZCustomObjection, ZOrgAiSettings } from "@plaibook/shared";
import { z } from "zod";
import { createOfflineCallAnalyzer, evalLabelsOf } from "../ai/offline/call-analyzer/index.js";
import type { CallAnalyzer } from "../ai/ports.js";
import { loadConfig, type TConfig } from "../platform/config.js";
import { EngineUnavailableError, type TEngine } from "./classify-sms.js";
import { readJsonLines } from "./jsonl.js";

/**
 * `plaibook analyze-call --input F.jsonl --output G.jsonl [--engine offline|llm]`: one diarised call
 * a line in, one line of labels out, nothing else read (no database). Format: /shared/eval/README.md.
 * A line may also carry `customObjections` (the org's own subcategories) to try them out.
 */

export const ZCallLine = ZCallEvalInput.extend({
  customObjections: z.array(ZCustomObjection).max(100).default([]),
});
export type TCallLine = z.infer<typeof ZCallLine>;

export type TCallPredictionLine = {
  id: string;
  objections: string[];
  outcome: string;
  stages: string[];
};

/** Parses a JSONL file of calls; a bad line throws naming its number and what is wrong. */
export function readCallLines(file: string): Promise<{ line: TCallLine; raw: unknown }[]> {
  return readJsonLines(file, ZCallLine, (line) => {
    const backwards = line.segments.findIndex((s) => s.end < s.start);
    return backwards >= 0 ? `segments.${backwards}: ends before it starts` : null;
  });
}

/** Analyses every call, a few at a time (an LLM answers in parallel); output in input order. */
export async function analyzeCalls(
  lines: TCallLine[],
  analyzer: CallAnalyzer,
  concurrency = 4,
): Promise<TCallPredictionLine[]> {
  const out: TCallPredictionLine[] = new Array(lines.length);
  let next = 0;
  const worker = async () => {
    while (next < lines.length) {
      const index = next++;
      const line = lines[index] as TCallLine;
      const { analysis } = await analyzer.analyze({
        segments: line.segments,
        industry: line.industry ?? null,
        customObjections: line.customObjections,
      });
      out[index] = { id: line.id, ...evalLabelsOf(analysis) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lines.length) }, worker));
  return out;
}

export async function runAnalyzeCall(
  options: { input: string; output: string },
  analyzer: CallAnalyzer,
): Promise<{ count: number }> {
  const rows = await readCallLines(options.input);
  const predictions = await analyzeCalls(
    rows.map((row) => row.line),
    analyzer,
  );
  await writeFile(options.output, predictions.map((p) => `${JSON.stringify(p)}\n`).join(""));
  return { count: predictions.length };
}

/**
 * The analyser for an engine name. `llm` uses the org default model (ZOrgAiSettings) through
 * OpenRouter and needs OPENROUTER_API_KEY; the LLM modules load only when asked for.
 */
export async function createCallAnalyzerForCli(
  engine: TEngine,
  given?: Pick<TConfig, "OPENROUTER_API_KEY" | "OPENROUTER_BASE_URL">,
): Promise<CallAnalyzer> {
  if (engine === "offline") return createOfflineCallAnalyzer();
  const config = given ?? loadConfig();
  const apiKey = config.OPENROUTER_API_KEY;
  if (!apiKey)
    throw new EngineUnavailableError(
      "LLM engine needs OPENROUTER_API_KEY in the environment; use --engine offline to run without it",
    );
  const [{ createLlmCallAnalyzer, DEFAULT_CALL_ANALYSIS_TIMEOUT_MS }, { createChatModel }] =
    await Promise.all([import("../ai/llm/call-analyzer.js"), import("../ai/llm/model.js")]);
  const model = createChatModel({
    apiKey,
    baseUrl: config.OPENROUTER_BASE_URL,
    model: ZOrgAiSettings.parse({}).model,
  });
  return createLlmCallAnalyzer({ model, timeoutMs: DEFAULT_CALL_ANALYSIS_TIMEOUT_MS });
}
