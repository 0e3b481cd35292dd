import type { TConversationRollup, TTurnVerdict } from "@plaibook/shared";

export const EMPTY_ROLLUP: TConversationRollup = {
  turns: 0,
  currentStage: null,
  sentimentTrend: [],
  averageAdherence: null,
  runningSummary: "",
  escalated: false,
  escalateReason: null,
};

const TREND_LENGTH = 20;
const SUMMARY_LENGTH = 600;

export type TLoggedVerdict = TTurnVerdict & { direction: "inbound" | "outbound" };

/**
 * A conversation's Overseer state after the given verdicts, in turn order. Pure, so the live rollup
 * and a replay to any turn come from the same function over the append-only log.
 */
export function rollUp(verdicts: readonly TLoggedVerdict[]): TConversationRollup {
  let state = EMPTY_ROLLUP;
  let adherenceSum = 0;
  let agentTurns = 0;
  for (const v of verdicts) {
    if (v.direction === "outbound") {
      adherenceSum += v.adherence;
      agentTurns += 1;
    }
    const trend =
      v.direction === "inbound"
        ? [...state.sentimentTrend, v.sentiment].slice(-TREND_LENGTH)
        : state.sentimentTrend;
    state = {
      turns: state.turns + 1,
      currentStage: v.stage,
      sentimentTrend: trend,
      averageAdherence: agentTurns > 0 ? Math.round((adherenceSum / agentTurns) * 10) / 10 : null,
      runningSummary: appendSummary(state.runningSummary, v.summary),
      escalated: state.escalated || v.escalate,
      escalateReason: state.escalateReason ?? (v.escalate ? v.escalateReason : null),
    };
  }
  return state;
}

/** Keeps the latest events; repeats of the same line are not added twice in a row. */
function appendSummary(summary: string, line: string): string {
  const lines = summary ? summary.split(" · ") : [];
  if (lines.at(-1) === line) return summary;
  lines.push(line);
  let joined = lines.join(" · ");
  while (joined.length > SUMMARY_LENGTH && lines.length > 1) {
    lines.shift();
    joined = lines.join(" · ");
  }
  return joined;
}
