import type { TCustomObjection } from "@plaibook/shared";
import { stem } from "../classifier/text.js";
import { cleanSpeech } from "./transcript.js";

/**
 * An organisation's own objection subcategories, matched by their example phrases: a customer line
 * matches when it contains an example outright, or shares most of an example's content words (and
 * at least two of them, or its one word for a one-word example). The label is `category/slug`.
 */

const STOPWORDS = new Set(
  "a an the and or but so to of in on at for with from by about as is are was were be been being am i me my we us our you your it its this that these those they them their he she him her his hers do does did not no yes just really very can could would will should have has had get got there here what which who how when where why if then than too also all any some like um uh well oh okay ok yeah going want know think".split(
    " ",
  ),
);

export function contentStems(clean: string): string[] {
  return (clean.match(/[a-z0-9$']+/g) ?? []).filter((w) => !STOPWORDS.has(w)).map(stem);
}

type TPreparedExample = { phrase: string; stems: Set<string> };
export type TPreparedCustom = { objection: TCustomObjection; examples: TPreparedExample[] };

export function prepareCustomObjections(custom: TCustomObjection[]): TPreparedCustom[] {
  return custom.map((objection) => ({
    objection,
    examples: objection.examples.map((example) => {
      const phrase = cleanSpeech(example).replace(/[.,!?]+$/g, "");
      return { phrase, stems: new Set(contentStems(phrase)) };
    }),
  }));
}

/** How well a line matches one example, 0–1. */
export function exampleSimilarity(clean: string, lineStems: Set<string>, example: TPreparedExample): number {
  if (example.phrase.length >= 6 && clean.includes(example.phrase)) return 1;
  if (example.stems.size === 0) return 0;
  let shared = 0;
  for (const s of example.stems) if (lineStems.has(s)) shared++;
  if (example.stems.size >= 2 && shared < 2) return 0;
  return shared / example.stems.size;
}

export const CUSTOM_MATCH_THRESHOLD = 0.6;

/** The best matching custom subcategory for a customer line, or null below the threshold. */
export function matchCustomObjection(
  clean: string,
  prepared: TPreparedCustom[],
): { objection: TCustomObjection; score: number } | null {
  if (prepared.length === 0) return null;
  const lineStems = new Set(contentStems(clean));
  let best: { objection: TCustomObjection; score: number } | null = null;
  for (const { objection, examples } of prepared) {
    for (const example of examples) {
      const score = exampleSimilarity(clean, lineStems, example);
      if (score >= CUSTOM_MATCH_THRESHOLD && (!best || score > best.score)) best = { objection, score };
    }
  }
  return best;
}
