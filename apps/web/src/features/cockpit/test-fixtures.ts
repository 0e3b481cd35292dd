import type { TBoard, TBoardRow } from "@plaibook/shared";
import { buildConversation } from "../leads/test-helpers";

/** A board row; `id` is also the conversation's. */
export function buildRow(id: string, overrides: Partial<TBoardRow> = {}): TBoardRow {
  return {
    ...buildConversation({ id }),
    boardStatus: "ai",
    assignedTo: null,
    assignedToName: null,
    sentiment: null,
    waitingSince: null,
    updatedAt: "2025-01-02T10:00:00.000Z",
    ...overrides,
  };
}

export function buildBoard(rows: TBoardRow[], overrides: Partial<TBoard> = {}): TBoard {
  return {
    rows,
    counts: { all: rows.length, escalated: 0, needs_approval: 0, human: 0, ai: rows.length },
    asOf: "2025-01-02T10:00:00.000Z",
    truncated: false,
    ...overrides,
  };
}

/** A uuid whose last digits are `n` (ids sort the same way as `n`). */
export const idOf = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
