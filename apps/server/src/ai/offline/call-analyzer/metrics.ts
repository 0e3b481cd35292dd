import type { TTurn } from "./transcript.js";

/**
 * The talk metrics themselves come from `computeTalkMetrics` (../../call-metrics.ts, shared with the
 * LLM analyser); coaching also needs to know where the rep's longest runs were.
 */

/** A run of consecutive rep segments (nobody else spoke in between), timed first start → last end. */
export type TMonologue = {
  firstIndex: number;
  lastIndex: number;
  start: number;
  end: number;
  seconds: number;
};

/** The rep's runs of uninterrupted segments, in call order. */
export function repMonologues(turns: TTurn[]): TMonologue[] {
  const runs: TMonologue[] = [];
  let current: TMonologue | null = null;
  for (const turn of turns) {
    if (turn.role !== "rep") {
      current = null;
      continue;
    }
    if (current) {
      current.lastIndex = turn.index;
      current.end = Math.max(current.end, turn.end);
      current.seconds = current.end - current.start;
    } else {
      current = {
        firstIndex: turn.index,
        lastIndex: turn.index,
        start: turn.start,
        end: turn.end,
        seconds: turn.end - turn.start,
      };
      runs.push(current);
    }
  }
  return runs;
}
