import { z } from "zod";
import { ZConversation, ZMessage } from "./conversations.js";

/**
 * Where a live conversation stands for the person watching it, most urgent first: escalated, a draft
 * waiting for approval, a person answering, the AI answering.
 */
export const BOARD_STATUSES = ["escalated", "needs_approval", "human", "ai"] as const;
export const ZBoardStatus = z.enum(BOARD_STATUSES);
export type TBoardStatus = z.infer<typeof ZBoardStatus>;

export const BOARD_STATUS_LABELS: Record<TBoardStatus, string> = {
  escalated: "Escalated",
  needs_approval: "Needs approval",
  human: "Person answering",
  ai: "AI answering",
};

export const SENTIMENT_BANDS = ["negative", "neutral", "positive"] as const;
export const ZSentimentBand = z.enum(SENTIMENT_BANDS);
export type TSentimentBand = z.infer<typeof ZSentimentBand>;

/** A sentiment score (−1…1) as the band the board filters on. */
export function sentimentBand(score: number | null | undefined): TSentimentBand | null {
  if (score === null || score === undefined) return null;
  if (score <= -0.25) return "negative";
  if (score >= 0.25) return "positive";
  return "neutral";
}

export const BOARD_SORTS = ["recent", "waiting", "sentiment", "adherence", "cost"] as const;
export const ZBoardSort = z.enum(BOARD_SORTS);
export type TBoardSort = z.infer<typeof ZBoardSort>;

export const BOARD_SORT_LABELS: Record<TBoardSort, string> = {
  recent: "Latest activity",
  waiting: "Waiting longest",
  sentiment: "Worst sentiment",
  adherence: "Lowest adherence",
  cost: "Highest cost",
};

export const ZBoardFilter = z.object({
  campaignId: z.uuid().optional(),
  stage: z.string().min(1).max(40).optional(),
  status: ZBoardStatus.optional(),
  sentiment: ZSentimentBand.optional(),
  escalated: z.boolean().optional(),
  /** Assigned to me, or answered by me. */
  mine: z.boolean().optional(),
  /** Also show closed and opted-out conversations (the board shows live ones by default). */
  includeClosed: z.boolean().optional(),
  sort: ZBoardSort.default("recent"),
});
export type TBoardFilter = z.input<typeof ZBoardFilter>;

export const ZBoardRow = ZConversation.extend({
  boardStatus: ZBoardStatus,
  /** The latest sentiment the Overseer gave (the last point of `sentimentTrend`). */
  sentiment: z.number().nullable(),
  /** When the lead's last message arrived and still has no answer, else null. */
  waitingSince: z.string().nullable(),
  updatedAt: z.string(),
});
export type TBoardRow = z.infer<typeof ZBoardRow>;

export const ZBoardCounts = z.object({
  all: z.number().int(),
  escalated: z.number().int(),
  needs_approval: z.number().int(),
  human: z.number().int(),
  ai: z.number().int(),
});
export type TBoardCounts = z.infer<typeof ZBoardCounts>;

export type TBoard = {
  rows: TBoardRow[];
  counts: TBoardCounts;
  /** Server time of the read; ask `changes` with it after a reconnect. */
  asOf: string;
  /** More conversations matched than the board shows (it shows the first `BOARD_LIMIT`). */
  truncated: boolean;
};

/** Rows that changed since a time (or by id), and which of them no longer belong on the board. */
export type TBoardChanges = { rows: TBoardRow[]; removedIds: string[]; counts: TBoardCounts; asOf: string };

export const BOARD_LIMIT = 2000;

/** Ascending, nulls last. Times are ISO-8601 UTC strings of one format, so they order as text. */
function nullsLast<T extends string | number>(a: T | null, b: T | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The board's order; the server sorts the same way, so live updates can be placed without a refetch. */
export function compareBoardRows(sort: TBoardSort): (a: TBoardRow, b: TBoardRow) => number {
  const byRecent = (a: TBoardRow, b: TBoardRow) =>
    // Latest first, conversations without messages last.
    (a.lastMessageAt === null) !== (b.lastMessageAt === null)
      ? a.lastMessageAt === null
        ? 1
        : -1
      : nullsLast(b.lastMessageAt, a.lastMessageAt) || nullsLast(a.id, b.id);
  switch (sort) {
    case "recent":
      return byRecent;
    case "waiting":
      return (a, b) =>
        BOARD_STATUSES.indexOf(a.boardStatus) - BOARD_STATUSES.indexOf(b.boardStatus) ||
        nullsLast(a.escalatedAt ?? a.waitingSince, b.escalatedAt ?? b.waitingSince) ||
        byRecent(a, b);
    case "sentiment":
      return (a, b) => nullsLast(a.sentiment, b.sentiment) || byRecent(a, b);
    case "adherence":
      return (a, b) => nullsLast(a.averageAdherence, b.averageAdherence) || byRecent(a, b);
    case "cost":
      return (a, b) => b.costMicros - a.costMicros || byRecent(a, b);
  }
}

/** What a person did to a conversation; announced live to everyone watching it. */
export const CONTROL_ACTIONS = [
  "took_over",
  "handed_back",
  "sent",
  "approved",
  "rejected",
  "closed",
  "reopened",
  "assigned",
  "task_added",
] as const;
export const ZControlAction = z.enum(CONTROL_ACTIONS);
export type TControlAction = z.infer<typeof ZControlAction>;

const ZPerson = z.object({ userId: z.uuid(), name: z.string() });

/** Payload of `conversation.control`. */
export const ZControlEvent = z.object({
  conversationId: z.uuid(),
  leadId: z.uuid(),
  action: ZControlAction,
  by: ZPerson,
  /** For `assigned`: who has it now (null: nobody). */
  assignee: ZPerson.nullable().optional(),
  message: ZMessage.optional(),
});
export type TControlEvent = z.infer<typeof ZControlEvent>;

/** A customer as the team's CRM knows them, with what was done for them before. */
export type TCrmCustomer = {
  externalId: string;
  name: string;
  email: string | null;
  address: string | null;
  active: boolean;
  /** Money owed, in cents; null when the CRM does not say. */
  balanceCents: number | null;
  /** Most recent first. */
  serviceHistory: { date: string; service: string; status: string; notes: string | null }[];
};

/** What the team's CRM knows about a conversation's lead, for the person watching. */
export type TCrmContext = {
  /** The connected CRM, or null when none is connected. */
  crm: "fieldroutes" | null;
  customer: TCrmCustomer | null;
  /** Why the CRM could not be asked (it stays optional: the rest of the view works without it). */
  error: string | null;
};
