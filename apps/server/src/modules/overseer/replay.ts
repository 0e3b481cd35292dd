import type { TConversationRollup, TMessage, TTurnAnalysis } from "@plaibook/shared";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { findConversationMessages } from "../messaging/queries.js";
import { findAnalyses } from "./queries.js";
import { rollUp } from "./rollup.js";

export type TReplay = {
  turn: number;
  totalTurns: number;
  messages: TMessage[];
  analyses: TTurnAnalysis[];
  state: TConversationRollup;
};

/**
 * The conversation as it stood at turn `turn` (0-based message position): the messages so far, the
 * Overseer's verdicts on them, and the rollup rebuilt from the append-only log. Without `turn`, now.
 */
export async function replayConversation(tx: TTx, conversationId: string, turn?: number): Promise<TReplay> {
  const messages = (await findConversationMessages(tx, conversationId)).filter(
    (m) => m.status !== "draft" && m.status !== "rejected",
  );
  if (messages.length === 0) {
    const { rows } = await tx.client.query("select 1 from conversations where id = $1", [conversationId]);
    if (rows.length === 0) throw new AppError("NOT_FOUND", "Conversation not found");
  }
  const last = Math.max(0, messages.length - 1);
  const at = turn === undefined ? last : Math.min(Math.max(0, turn), last);
  const analyses = (await findAnalyses(tx, conversationId)).filter((a) => a.turnIndex <= at);
  return {
    turn: at,
    totalTurns: messages.length,
    messages: messages.slice(0, at + 1),
    analyses,
    state: rollUp(analyses),
  };
}
