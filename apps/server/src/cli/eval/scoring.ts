/** Pure scoring helpers for `plaibook eval`. Every function takes gold and predicted labels in order. */

export type TClassScores = { label: string; precision: number; recall: number; f1: number; support: number };

/** Per-label precision, recall and F1 over the given labels (defaults to every label seen in either list). */
export function perLabelScores(
  gold: string[],
  predicted: string[],
  labels?: readonly string[],
): TClassScores[] {
  assertSameLength(gold, predicted);
  const all = labels ?? [...new Set([...gold, ...predicted])].sort();
  return all.map((label) => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    for (const [index, goldLabel] of gold.entries()) {
      const predictedLabel = predicted[index];
      if (predictedLabel === label && goldLabel === label) truePositive++;
      else if (predictedLabel === label) falsePositive++;
      else if (goldLabel === label) falseNegative++;
    }
    const precision = ratio(truePositive, truePositive + falsePositive);
    const recall = ratio(truePositive, truePositive + falseNegative);
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support: truePositive + falseNegative };
  });
}

/**
 * Macro-F1: the unweighted mean of per-label F1. Labels that appear in neither list are skipped, so a
 * label set with unused entries does not drag the mean down.
 */
export function macroF1(gold: string[], predicted: string[], labels?: readonly string[]): number {
  const present = new Set([...gold, ...predicted]);
  const scores = perLabelScores(gold, predicted, labels).filter((s) => present.has(s.label));
  return scores.length === 0 ? 0 : scores.reduce((sum, s) => sum + s.f1, 0) / scores.length;
}

export function accuracy<T>(gold: T[], predicted: T[]): number {
  assertSameLength(gold, predicted);
  return ratio(gold.filter((g, index) => g === predicted[index]).length, gold.length);
}

/** Recall and precision of a yes/no label (escalation, opt-out). */
export function binaryScores(gold: boolean[], predicted: boolean[]) {
  assertSameLength(gold, predicted);
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const [index, g] of gold.entries()) {
    if (g && predicted[index]) truePositive++;
    else if (predicted[index]) falsePositive++;
    else if (g) falseNegative++;
  }
  return {
    recall: ratio(truePositive, truePositive + falseNegative),
    precision: ratio(truePositive, truePositive + falsePositive),
    truePositive,
    falsePositive,
    falseNegative,
  };
}

/** Counts of (gold → predicted) pairs, gold label first. */
export function confusion(gold: string[], predicted: string[]): Map<string, Map<string, number>> {
  assertSameLength(gold, predicted);
  const table = new Map<string, Map<string, number>>();
  for (const [index, g] of gold.entries()) {
    const row = table.get(g) ?? new Map<string, number>();
    const p = predicted[index] as string;
    row.set(p, (row.get(p) ?? 0) + 1);
    table.set(g, row);
  }
  return table;
}

export type TSetScores = {
  precision: number;
  recall: number;
  f1: number;
  truePositive: number;
  falsePositive: number;
  falseNegative: number;
};

/**
 * Micro-averaged precision, recall and F1 over label sets (one set per item, e.g. a call's objection
 * labels): every gold label found counts once, whatever item it is in. Duplicates in a set count once.
 */
export function setMicroF1(gold: string[][], predicted: string[][]): TSetScores {
  assertSameLength(gold, predicted);
  let truePositive = 0;
  let falsePositive = 0;
  let falseNegative = 0;
  for (const [index, goldLabels] of gold.entries()) {
    const g = new Set(goldLabels);
    const p = new Set(predicted[index]);
    for (const label of p)
      if (g.has(label)) truePositive++;
      else falsePositive++;
    for (const label of g) if (!p.has(label)) falseNegative++;
  }
  const precision = ratio(truePositive, truePositive + falsePositive);
  const recall = ratio(truePositive, truePositive + falseNegative);
  const f1 =
    truePositive + falsePositive + falseNegative === 0
      ? 1
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePositive, falsePositive, falseNegative };
}

/** 1 when nothing was expected (an empty set is perfectly recalled), else the share. */
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function assertSameLength(a: unknown[], b: unknown[]): void {
  if (a.length !== b.length) throw new Error(`gold has ${a.length} labels, predicted ${b.length}`);
}
