import { can } from "@plaibook/shared";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";

/**
 * Which conversations a person may see. Row-level security already keeps organisations apart; within
 * one, a manager and above sees everything, anyone else only what is assigned to them, what they are
 * answering, and the conversations of campaigns they own.
 *
 * Returns a SQL condition on `c` (conversations) and `cp` (campaigns, left-joined), with the actor's
 * user id as parameter `$N`.
 */
export function visibleConversationsSql(actor: TActor, param: number): string {
  // Always true, but it names the parameter, so callers bind the same parameters for every role.
  if (can(actor.role, "conversations.viewAll")) return `$${param}::uuid is not null`;
  return `(c.assigned_to = $${param} or c.controlled_by = $${param} or cp.created_by = $${param})`;
}

export const seesAllConversations = (actor: TActor) => can(actor.role, "conversations.viewAll");

/** Refuses a conversation the actor may not see, as if it did not exist (ids are not secrets, but still). */
export async function assertConversationVisible(
  tx: TTx,
  actor: TActor,
  conversationId: string,
): Promise<void> {
  if (seesAllConversations(actor)) return;
  const ids = await visibleAmong(tx, actor, [conversationId]);
  if (ids.length === 0) throw new AppError("NOT_FOUND", "Conversation not found");
}

/** The ids among `conversationIds` the actor may see. */
export async function visibleAmong(tx: TTx, actor: TActor, conversationIds: string[]): Promise<string[]> {
  const { rows } = await tx.client.query<{ id: string }>(
    `select c.id from conversations c left join campaigns cp on cp.id = c.campaign_id
      where c.id = any($1::uuid[]) and ${visibleConversationsSql(actor, 2)}`,
    [conversationIds, actor.userId],
  );
  return rows.map((r) => r.id);
}

/** Every conversation a limited actor may see (for the real-time rooms they join). */
export async function visibleConversationIds(tx: TTx, actor: TActor, limit = 10_000): Promise<string[]> {
  const { rows } = await tx.client.query<{ id: string }>(
    `select c.id from conversations c left join campaigns cp on cp.id = c.campaign_id
      where ${visibleConversationsSql(actor, 1)}
      order by c.last_message_at desc nulls last limit $2`,
    [actor.userId, limit],
  );
  return rows.map((r) => r.id);
}

/** Refuses a message (a draft) in a conversation the actor may not see. */
export async function assertMessageVisible(tx: TTx, actor: TActor, messageId: string): Promise<void> {
  const { rows } = await tx.client.query<{ conversation_id: string }>(
    "select conversation_id from messages where id = $1",
    [messageId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "Message not found");
  await assertConversationVisible(tx, actor, rows[0].conversation_id);
}
