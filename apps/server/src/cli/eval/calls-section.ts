import { join } from "node:path";
import { CALL_OUTCOMES, CALL_STAGES } from "@plaibook/shared";
import { z } from "zod";
import type { CallAnalyzer } from "../../ai/ports.js";
import { analyzeCalls, readCallLines, type TCallPredictionLine } from "../analyze-call.js";
import { accuracy, confusion, setMicroF1 } from "./scoring.js";
import type { TEvalResult, TEvalRow } from "./types.js";

const ZGoldCallLabels = z.object({
  labels: z.object({
    objections: z.array(z.string()),
    outcome: z.string(),
    stages: z.array(z.string()),
  }),
});
type TGoldCallLabels = z.infer<typeof ZGoldCallLabels>["labels"];

const fixed = (value: number) => value.toFixed(3);
const categoriesOf = (labels: string[]) => [...new Set(labels.map((label) => label.split("/")[0] ?? label))];

/** Call analysis figures on `calls.jsonl` in `dir` (or the given file). */
export async function evaluateCalls(
  dir: string,
  analyzer: CallAnalyzer,
  file = "calls.jsonl",
): Promise<TEvalResult> {
  const callsFile = join(dir, file);
  const rows = await readCallLines(callsFile);
  const gold = rows.map((row, index) => {
    const parsed = ZGoldCallLabels.safeParse(row.raw);
    if (!parsed.success)
      throw new Error(`${callsFile}: record ${index + 1} (${row.line.id}) has no valid labels`);
    return parsed.data.labels;
  });
  // Each call timed on its own: the median is the steady cost, the max includes the first (cold) call.
  const durations: number[] = [];
  const timed: CallAnalyzer = {
    async analyze(input) {
      const started = performance.now();
      const result = await analyzer.analyze(input);
      durations.push(performance.now() - started);
      return result;
    },
  };
  const predicted = await analyzeCalls(
    rows.map((row) => row.line),
    timed,
  );
  return scoreCalls(gold, predicted, durations);
}

export function scoreCalls(
  gold: TGoldCallLabels[],
  predicted: TCallPredictionLine[],
  durations: number[],
): TEvalResult {
  const sorted = [...durations].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const slowest = sorted[sorted.length - 1] ?? 0;
  const category = setMicroF1(
    gold.map((g) => categoriesOf(g.objections)),
    predicted.map((p) => categoriesOf(p.objections)),
  );
  const subcategory = setMicroF1(
    gold.map((g) => g.objections),
    predicted.map((p) => p.objections),
  );
  const stages = setMicroF1(
    gold.map((g) => g.stages),
    predicted.map((p) => p.stages),
  );
  const goldOutcomes = gold.map((g) => g.outcome);
  const predictedOutcomes = predicted.map((p) => p.outcome);
  const table: TEvalRow[] = [
    {
      metric: `call objection category micro-F1 (n=${gold.length} calls)`,
      value: fixed(category.f1),
      target: "≥ 0.80",
    },
    {
      metric: "  precision / recall",
      value: `${fixed(category.precision)} / ${fixed(category.recall)}`,
      target: "",
    },
    { metric: "call objection subcategory micro-F1", value: fixed(subcategory.f1), target: "" },
    {
      metric: "call outcome accuracy",
      value: fixed(accuracy(goldOutcomes, predictedOutcomes)),
      target: "≥ 0.80",
    },
    { metric: "call stage micro-F1", value: fixed(stages.f1), target: "" },
    { metric: "analysis time per call, median", value: `${median.toFixed(1)} ms`, target: "< 50 ms" },
    { metric: "  slowest (incl. the first, cold call)", value: `${slowest.toFixed(0)} ms`, target: "" },
  ];
  return {
    table,
    details: [
      ...outcomeConfusion(goldOutcomes, predictedOutcomes),
      ...perStage(gold, predicted),
      ...missedObjections(gold, predicted),
    ],
  };
}

function outcomeConfusion(gold: string[], predicted: string[]): string[] {
  const table = confusion(gold, predicted);
  const lines = ["per-outcome confusion (gold → predicted):"];
  for (const outcome of CALL_OUTCOMES) {
    const row = table.get(outcome);
    if (!row) continue;
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    const misses = [...row.entries()]
      .filter(([label]) => label !== outcome)
      .map(([label, count]) => `${label} ${count}`);
    lines.push(
      `  ${outcome.padEnd(12)} ${String(row.get(outcome) ?? 0).padStart(3)}/${String(total).padEnd(4)} ${misses.length ? `→ ${misses.join(", ")}` : ""}`.trimEnd(),
    );
  }
  return lines;
}

function perStage(gold: TGoldCallLabels[], predicted: TCallPredictionLine[]): string[] {
  const lines = ["per-stage (found / gold, extra):"];
  for (const stage of CALL_STAGES) {
    let found = 0;
    let total = 0;
    let extra = 0;
    for (const [index, g] of gold.entries()) {
      const inGold = g.stages.includes(stage);
      const inPredicted = predicted[index]?.stages.includes(stage) ?? false;
      if (inGold) total++;
      if (inGold && inPredicted) found++;
      if (!inGold && inPredicted) extra++;
    }
    lines.push(
      `  ${stage.padEnd(20)} ${String(found).padStart(3)}/${String(total).padEnd(4)} extra ${extra}`,
    );
  }
  return lines;
}

/** Which objection labels were missed and which were added, summed over the calls. */
function missedObjections(gold: TGoldCallLabels[], predicted: TCallPredictionLine[]): string[] {
  const missed = new Map<string, number>();
  const added = new Map<string, number>();
  for (const [index, g] of gold.entries()) {
    const p = new Set(predicted[index]?.objections ?? []);
    for (const label of g.objections) if (!p.has(label)) missed.set(label, (missed.get(label) ?? 0) + 1);
    for (const label of p) if (!g.objections.includes(label)) added.set(label, (added.get(label) ?? 0) + 1);
  }
  const list = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([label, count]) => `${label} ${count}`)
      .join(", ") || "none";
  return [`objection labels missed: ${list(missed)}`, `objection labels added: ${list(added)}`];
}
