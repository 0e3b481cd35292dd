import type { TEscalation } from "@plaibook/shared";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { assertConversationVisible, visibleConversationsSql } from "../cockpit/scope.js";

/** Open escalations, longest waiting first (or, with `includeResolved`, the latest 200 of any state). */
export async function findEscalations(
  tx: TTx,
  actor: TActor,
  options: { includeResolved: boolean },
): Promise<TEscalation[]> {
  const { rows } = await tx.client.query<{
    id: string;
    conversation_id: string;
    lead_id: string;
    lead_name: string;
    campaign_name: string | null;
    source: TEscalation["source"];
    reason: string;
    raised_at: Date;
    acknowledged_at: Date | null;
    acknowledged_by_name: string | null;
    resolved_at: Date | null;
    last_message_preview: string | null;
  }>(
    `select e.id, e.conversation_id, c.lead_id,
            coalesce(nullif(trim(l.first_name || ' ' || l.last_name), ''), c.lead_phone) as lead_name,
            cp.name as campaign_name, e.source, e.reason, e.raised_at, e.acknowledged_at, u.name as acknowledged_by_name,
            e.resolved_at, c.last_message_preview
       from escalations e
       join conversations c on c.id = e.conversation_id
       join leads l on l.id = c.lead_id
       left join campaigns cp on cp.id = c.campaign_id
       left join users u on u.id = e.acknowledged_by
      where ($1 or e.resolved_at is null) and ${visibleConversationsSql(actor, 2)}
      order by case when $1 then null else e.raised_at end asc, e.raised_at desc
      limit 200`,
    [options.includeResolved, actor.userId],
  );
  return rows.map((r) => ({
    id: r.id,
    conversationId: r.conversation_id,
    leadId: r.lead_id,
    leadName: r.lead_name,
    campaignName: r.campaign_name,
    source: r.source,
    reason: r.reason,
    raisedAt: r.raised_at.toISOString(),
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    acknowledgedByName: r.acknowledged_by_name,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
    lastMessagePreview: r.last_message_preview,
  }));
}

export async function acknowledgeEscalation(tx: TTx, actor: TActor, escalationId: string): Promise<string> {
  const { rows: found } = await tx.client.query<{ conversation_id: string }>(
    "select conversation_id from escalations where id = $1",
    [escalationId],
  );
  if (!found[0]) throw new AppError("NOT_FOUND", "Escalation not found");
  await assertConversationVisible(tx, actor, found[0].conversation_id);
  const userId = actor.userId;
  const { rows } = await tx.client.query<{ conversation_id: string }>(
    `update escalations set acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $2)
      where id = $1 returning conversation_id`,
    [escalationId, userId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "Escalation not found");
  return rows[0].conversation_id;
}
