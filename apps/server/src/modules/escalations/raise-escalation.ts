import type { PgBoss } from "pg-boss";
import type { TTx } from "../../platform/db/with-org.js";
import { conversationRooms } from "../../platform/realtime/socket.js";
import { enqueueNotify } from "../agent/queues.js";
import type { TPublish } from "../messaging/events.js";

export type TEscalationRaised = {
  escalationId: string;
  conversationId: string;
  source: "agent" | "overseer" | "person";
  reason: string;
  raisedAt: string;
};

/**
 * Escalates a conversation: the AI stops answering (a person must take over), one open escalation is
 * kept per conversation, and the Slack alert is queued in the same transaction. Returns null when the
 * conversation was already escalated.
 */
export async function raiseEscalation(
  boss: PgBoss,
  tx: TTx,
  input: { orgId: string; conversationId: string; source: TEscalationRaised["source"]; reason: string },
): Promise<TEscalationRaised | null> {
  const { rows } = await tx.client.query<{ id: string; raised_at: Date }>(
    `insert into escalations (org_id, conversation_id, source, reason) values ($1, $2, $3, $4)
     on conflict (conversation_id) where resolved_at is null do nothing
     returning id, raised_at`,
    [input.orgId, input.conversationId, input.source, input.reason.slice(0, 300)],
  );
  const row = rows[0];
  if (!row) return null;
  await tx.client.query(
    `update conversations set escalated_at = $2, escalation_reason = $3,
       control = 'human', controlled_by = case when control = 'human' then controlled_by end
      where id = $1`,
    [input.conversationId, row.raised_at, input.reason.slice(0, 300)],
  );
  await enqueueNotify(boss, tx, { orgId: input.orgId, escalationId: row.id });
  return {
    escalationId: row.id,
    conversationId: input.conversationId,
    source: input.source,
    reason: input.reason,
    raisedAt: row.raised_at.toISOString(),
  };
}

export function announceEscalation(publish: TPublish, orgId: string, escalation: TEscalationRaised) {
  const rooms = conversationRooms(orgId, escalation.conversationId);
  publish(rooms, "escalation.raised", escalation);
  publish(rooms, "conversation.updated", { conversationId: escalation.conversationId });
}
