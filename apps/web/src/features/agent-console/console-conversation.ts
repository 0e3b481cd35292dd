import type {
  TAgentState,
  TConsoleTurnInput,
  TConsoleTurnResult,
  TConversationRollup,
  TSegmentCount,
  TSmsClassification,
  TTurnVerdict,
} from "@plaibook/shared";
import { countSegments } from "@plaibook/shared";

export type TModelCall = TConsoleTurnResult["calls"][number];

/** One line of the console's thread. */
export type TConsoleEntry =
  | {
      kind: "lead";
      id: string;
      text: string;
      classification: TSmsClassification | null;
      verdict: TTurnVerdict;
    }
  | {
      kind: "agent";
      id: string;
      text: string;
      verdict: TTurnVerdict | null;
      segments: TSegmentCount;
      playbookVersion: number;
    }
  | { kind: "handover"; id: string; reason: string };

/** The model calls and cost of one exchange (the lead's message and the agent's answer). */
export type TConsoleTurnUsage = { turn: number; calls: TModelCall[]; costMicros: number };

/** Everything the console keeps between turns; the server is stateless and gets it back each turn. */
export type TConsoleConversation = {
  entries: TConsoleEntry[];
  state: TAgentState | null;
  rollup: TConversationRollup | null;
  usage: TConsoleTurnUsage[];
  costMicros: number;
  /** The agent handed over at some point: live, the AI would now be paused. */
  handedOver: boolean;
};

export const EMPTY_CONVERSATION: TConsoleConversation = {
  entries: [],
  state: null,
  rollup: null,
  usage: [],
  costMicros: 0,
  handedOver: false,
};

/** The server accepts at most this many earlier messages. */
export const HISTORY_LIMIT = 60;

/** The chat so far, oldest first, as the server reads it (system notices left out). */
export function historyOf(entries: ReadonlyArray<TConsoleEntry>): NonNullable<TConsoleTurnInput["history"]> {
  const turns: NonNullable<TConsoleTurnInput["history"]> = [];
  for (const entry of entries) {
    if (entry.kind === "lead") turns.push({ role: "lead", text: entry.text });
    else if (entry.kind === "agent") turns.push({ role: "agent", text: entry.text });
  }
  return turns.slice(-HISTORY_LIMIT);
}

/** Folds one answered message into the conversation. */
export function applyTurn(
  conversation: TConsoleConversation,
  message: string,
  result: TConsoleTurnResult,
): TConsoleConversation {
  const turn = conversation.usage.length + 1;
  const entries: TConsoleEntry[] = [
    ...conversation.entries,
    {
      kind: "lead",
      id: `${turn}-lead`,
      text: message,
      classification: result.classification,
      verdict: result.leadVerdict,
    },
  ];
  if (result.reply !== null) {
    entries.push({
      kind: "agent",
      id: `${turn}-agent`,
      text: result.reply,
      verdict: result.agentVerdict,
      segments: countSegments(result.reply),
      playbookVersion: result.playbookVersion,
    });
  }
  if (result.handover)
    entries.push({ kind: "handover", id: `${turn}-handover`, reason: result.handover.reason });
  return {
    entries,
    state: result.state,
    rollup: result.rollup,
    usage: [...conversation.usage, { turn, calls: result.calls, costMicros: result.costMicros }],
    costMicros: conversation.costMicros + result.costMicros,
    handedOver: conversation.handedOver || result.handover !== null,
  };
}
