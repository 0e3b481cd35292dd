import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { SENTIMENTS, SMS_INTENTS } from "@plaibook/shared";
import { z } from "zod";
import type { SmsClassifier } from "../../ai/ports.js";
import { classifyTurns, readSmsTurns } from "../classify-sms.js";
import { accuracy, binaryScores, confusion, macroF1 } from "./scoring.js";
import type { TEvalResult, TEvalRow } from "./types.js";

const ZGoldLabels = z.object({
  labels: z.object({
    intent: z.string(),
    objection: z.string().nullable(),
    sentiment: z.string(),
    datetime: z.string().nullable(),
    escalate: z.boolean(),
  }),
});

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
const fixed = (value: number) => value.toFixed(3);

/** SMS classifier figures on `sms-turns.jsonl` and `sms-sentiment.tsv` in `dir`. */
export async function evaluateSms(dir: string, classifier: SmsClassifier): Promise<TEvalResult> {
  const turnsFile = join(dir, "sms-turns.jsonl");
  const rows = await readSmsTurns(turnsFile);
  const gold = rows.map((row, index) => {
    const parsed = ZGoldLabels.safeParse(row.raw);
    if (!parsed.success)
      throw new Error(`${turnsFile}: record ${index + 1} (${row.line.id}) has no valid labels`);
    return parsed.data.labels;
  });
  const predicted = await classifyTurns(
    rows.map((row) => row.line),
    classifier,
  );

  const goldIntents = gold.map((g) => g.intent);
  const predictedIntents = predicted.map((p) => p.intent);
  const optOut = binaryScores(
    goldIntents.map((i) => i === "opt_out"),
    predictedIntents.map((i) => i === "opt_out"),
  );
  const objectionRows = gold.flatMap((g, index) => (g.intent === "objection" ? [index] : []));
  const categoryOf = (label: string | null | undefined) => (label ? (label.split("/")[0] ?? null) : null);
  const datetimeRows = gold.flatMap((g, index) => (g.datetime !== null ? [index] : []));
  const falseDatetimes = gold.filter(
    (g, index) => g.datetime === null && predicted[index]?.datetime !== null,
  );
  const escalation = binaryScores(
    gold.map((g) => g.escalate),
    predicted.map((p) => p.escalate),
  );
  const sentimentF1 = macroF1(
    gold.map((g) => g.sentiment),
    predicted.map((p) => p.sentiment),
    SENTIMENTS,
  );
  const nusF1 = await sentimentOnTsv(join(dir, "sms-sentiment.tsv"), classifier);

  const pick = (indexes: number[], of: (i: number) => string | null | undefined) => indexes.map(of);
  const table: TEvalRow[] = [
    {
      metric: "intent macro-F1",
      value: fixed(macroF1(goldIntents, predictedIntents, SMS_INTENTS)),
      target: "≥ 0.85",
    },
    { metric: "opt-out recall", value: percent(optOut.recall), target: "100 %" },
    { metric: "false opt-outs", value: String(optOut.falsePositive), target: "0" },
    {
      metric: `objection category accuracy (n=${objectionRows.length})`,
      value: fixed(
        accuracy(
          pick(objectionRows, (i) => categoryOf(gold[i]?.objection)),
          pick(objectionRows, (i) => categoryOf(predicted[i]?.objection)),
        ),
      ),
      target: "≥ 0.80",
    },
    {
      metric: "objection subcategory accuracy",
      value: fixed(
        accuracy(
          pick(objectionRows, (i) => gold[i]?.objection),
          pick(objectionRows, (i) => predicted[i]?.objection),
        ),
      ),
      target: "",
    },
    {
      metric: `date-time exact match (n=${datetimeRows.length})`,
      value: fixed(
        accuracy(
          pick(datetimeRows, (i) => gold[i]?.datetime),
          pick(datetimeRows, (i) => predicted[i]?.datetime),
        ),
      ),
      target: "≥ 0.90",
    },
    { metric: "false date-times (gold null)", value: String(falseDatetimes.length), target: "" },
    { metric: "escalation recall", value: fixed(escalation.recall), target: "≥ 0.95" },
    { metric: "escalation precision", value: fixed(escalation.precision), target: "" },
    { metric: "sentiment macro-F1 (sms-turns)", value: fixed(sentimentF1), target: "" },
    { metric: "sentiment macro-F1 (sms-sentiment.tsv)", value: fixed(nusF1), target: "" },
  ];

  return { table, details: confusionSummary(goldIntents, predictedIntents) };
}

async function sentimentOnTsv(file: string, classifier: SmsClassifier): Promise<number> {
  const lines = (await readFile(file, "utf8")).split("\n").filter((line) => line.trim());
  const gold: string[] = [];
  const turns = lines.map((line, index) => {
    const [id, label, ...text] = line.split("\t");
    if (!id || !label || text.length === 0)
      throw new Error(`${file}, line ${index + 1}: expected id, label, text`);
    gold.push(label);
    return { id, text: text.join("\t"), context: [], timezone: "UTC", sent_at: "2026-01-01T12:00:00Z" };
  });
  const predicted = await classifyTurns(turns, classifier);
  return macroF1(
    gold,
    predicted.map((p) => p.sentiment),
    SENTIMENTS,
  );
}

/** One line per gold intent: how many were right, and where the rest went. */
function confusionSummary(gold: string[], predicted: string[]): string[] {
  const table = confusion(gold, predicted);
  const lines = ["per-intent confusion (gold → predicted):"];
  for (const intent of SMS_INTENTS) {
    const row = table.get(intent);
    if (!row) continue;
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    const misses = [...row.entries()]
      .filter(([label]) => label !== intent)
      .sort((a, b) => b[1] - a[1])
      .map(([label, count]) => `${label} ${count}`);
    lines.push(
      `  ${intent.padEnd(20)} ${String(row.get(intent) ?? 0).padStart(3)}/${String(total).padEnd(4)} ${misses.length ? `→ ${misses.join(", ")}` : ""}`,
    );
  }
  return lines;
}
