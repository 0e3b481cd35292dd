import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createCallAnalyzerForCli } from "../analyze-call.js";
import { createClassifier, type TEngine } from "../classify-sms.js";
import { evaluateCalls } from "./calls-section.js";
import { evaluateSms } from "./sms-section.js";
import type { TEvalResult, TEvalSection } from "./types.js";

/** `../shared/eval/dev` beside the repository root (this file is apps/server/src/cli/eval/). */
export const DEFAULT_EVAL_DIR = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../../../../../../shared/eval/dev",
);

export const EVAL_SECTIONS: TEvalSection[] = [
  { name: "sms", run: ({ dir, engine }) => evaluateSms(dir, createClassifier(engine)) },
  {
    name: "calls",
    run: async ({ dir, engine }) =>
      existsSync(join(dir, "calls.jsonl"))
        ? evaluateCalls(dir, await createCallAnalyzerForCli(engine))
        : "no calls.jsonl in this folder",
  },
];

export function formatResult(name: string, result: TEvalResult | string): string {
  if (typeof result === "string") return `${name}: ${result}\n`;
  const width = Math.max(...result.table.map((row) => row.metric.length), 6);
  const valueWidth = Math.max(...result.table.map((row) => row.value.length), 5);
  const lines = [
    `${name}:`,
    `  ${"metric".padEnd(width)}  ${"value".padStart(valueWidth)}  target`,
    `  ${"-".repeat(width)}  ${"-".repeat(valueWidth)}  ------`,
    ...result.table.map((row) =>
      `  ${row.metric.padEnd(width)}  ${row.value.padStart(valueWidth)}  ${row.target}`.trimEnd(),
    ),
    "",
    ...result.details.map((line) => `  ${line}`),
  ];
  return `${lines.join("\n")}\n`;
}

export async function runEval(
  options: { dir?: string; engine: TEngine },
  write = (text: string) => process.stdout.write(text),
): Promise<void> {
  const dir = resolve(options.dir ?? DEFAULT_EVAL_DIR);
  if (!existsSync(join(dir, "sms-turns.jsonl")))
    throw new Error(`No eval data in ${dir} (expected sms-turns.jsonl)`);
  write(`eval on ${dir} (engine: ${options.engine})\n\n`);
  for (const section of EVAL_SECTIONS) {
    const started = performance.now();
    const result = await section.run({ dir, engine: options.engine });
    write(formatResult(section.name, result));
    if (typeof result !== "string") write(`  (${Math.round(performance.now() - started)} ms)\n`);
    write("\n");
  }
}
