import { randomUUID } from "node:crypto";
import type { TConversation, TMessage } from "@plaibook/shared";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { visibleConversationsSql } from "../cockpit/scope.js";

type TMessageRow = {
  id: string;
  conversation_id: string;
  direction: TMessage["direction"];
  kind: TMessage["kind"];
  author: TMessage["author"];
  author_name: string | null;
  body: string;
  status: TMessage["status"];
  segments: number;
  error_code: string | null;
  error_message: string | null;
  scheduled_for: Date | null;
  sent_at: Date | null;
  created_at: Date;
};

const MESSAGE_COLUMNS =
  "id, conversation_id, direction, kind, author, (select u.name from users u where u.id = author_user_id) as author_name, body, status, segments, error_code, error_message, scheduled_for, sent_at, created_at";

export const toMessage = (r: TMessageRow): TMessage => ({
  id: r.id,
  conversationId: r.conversation_id,
  direction: r.direction,
  kind: r.kind,
  author: r.author,
  authorName: r.author_name,
  body: r.body,
  status: r.status,
  segments: r.segments,
  errorCode: r.error_code,
  errorMessage: r.error_message,
  scheduledFor: r.scheduled_for?.toISOString() ?? null,
  sentAt: r.sent_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});

export async function getMessage(tx: TTx, messageId: string): Promise<TMessage> {
  const { rows } = await tx.client.query<TMessageRow>(
    `select ${MESSAGE_COLUMNS} from messages where id = $1`,
    [messageId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "Message not found");
  return toMessage(rows[0]);
}

export async function findConversationMessages(tx: TTx, conversationId: string): Promise<TMessage[]> {
  const { rows } = await tx.client.query<TMessageRow>(
    `select ${MESSAGE_COLUMNS} from messages where conversation_id = $1 order by created_at, id`,
    [conversationId],
  );
  return rows.map(toMessage);
}

export async function findCampaignMessages(tx: TTx, campaignId: string, limit: number): Promise<TMessage[]> {
  const { rows } = await tx.client.query<TMessageRow>(
    `select ${MESSAGE_COLUMNS} from messages where campaign_id = $1 order by created_at desc, id limit $2`,
    [campaignId, limit],
  );
  return rows.map(toMessage);
}

export type TNewMessage = {
  orgId: string;
  conversationId: string;
  campaignId: string | null;
  leadId: string;
  direction: "inbound" | "outbound";
  kind: TMessage["kind"];
  /** Defaults to `lead` for inbound and `system` for outbound. */
  author?: TMessage["author"];
  authorUserId?: string | null;
  replyToMessageId?: string | null;
  touchIndex?: number | null;
  body: string;
  status: TMessage["status"];
  fromNumber: string;
  toNumber: string;
  provider: string;
  providerSid?: string | null;
  segments: number;
  encoding: string;
  scheduledFor?: Date | null;
};

export async function insertMessage(tx: TTx, m: TNewMessage): Promise<TMessage> {
  const { rows } = await tx.client.query<TMessageRow>(
    `insert into messages (org_id, conversation_id, campaign_id, lead_id, direction, kind, touch_index, body, status,
                           from_number, to_number, provider, provider_sid, segments, encoding, scheduled_for,
                           author, author_user_id, reply_to_message_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
     returning ${MESSAGE_COLUMNS}`,
    [
      m.orgId,
      m.conversationId,
      m.campaignId,
      m.leadId,
      m.direction,
      m.kind,
      m.touchIndex ?? null,
      m.body,
      m.status,
      m.fromNumber,
      m.toNumber,
      m.provider,
      m.providerSid ?? null,
      m.segments,
      m.encoding,
      m.scheduledFor ?? null,
      m.author ?? (m.direction === "inbound" ? "lead" : "system"),
      m.authorUserId ?? null,
      m.replyToMessageId ?? null,
    ],
  );
  if (!rows[0]) throw new Error("insert message returned nothing");
  return toMessage(rows[0]);
}

/** Many messages in one statement, returned in the order given (ids are made here to keep that order). */
export async function insertMessages(tx: TTx, list: TNewMessage[]): Promise<TMessage[]> {
  if (list.length === 0) return [];
  const ids = list.map(() => randomUUID());
  const col = <T>(pick: (m: TNewMessage) => T) => list.map(pick);
  const { rows } = await tx.client.query<TMessageRow>(
    `insert into messages (id, org_id, conversation_id, campaign_id, lead_id, direction, kind, body, status, from_number,
                           to_number, provider, segments, encoding, author, author_user_id, reply_to_message_id)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[],
                          $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[],
                          $16::uuid[], $17::uuid[])
     returning ${MESSAGE_COLUMNS}`,
    [
      ids,
      col((m) => m.orgId),
      col((m) => m.conversationId),
      col((m) => m.campaignId),
      col((m) => m.leadId),
      col((m) => m.direction),
      col((m) => m.kind),
      col((m) => m.body),
      col((m) => m.status),
      col((m) => m.fromNumber),
      col((m) => m.toNumber),
      col((m) => m.provider),
      col((m) => m.segments),
      col((m) => m.encoding),
      col((m) => m.author ?? (m.direction === "inbound" ? "lead" : "system")),
      col((m) => m.authorUserId ?? null),
      col((m) => m.replyToMessageId ?? null),
    ],
  );
  const byId = new Map(rows.map((r) => [r.id, toMessage(r)]));
  return ids.map((id) => byId.get(id) as TMessage);
}

/** The conversation of a lead in a campaign (or outside any campaign), created on first use. */
export async function ensureConversation(
  tx: TTx,
  c: { orgId: string; campaignId: string | null; leadId: string; leadPhone: string; ourNumber: string },
): Promise<string> {
  const { rows } = await tx.client.query<{ id: string }>(
    `with found as (
       select id from conversations
        where lead_id = $3 and campaign_id is not distinct from $2 and our_number = $5
        order by created_at desc limit 1),
     inserted as (
       insert into conversations (org_id, campaign_id, lead_id, lead_phone, our_number)
       select $1, $2, $3, $4, $5 where not exists (select 1 from found)
       on conflict (campaign_id, lead_id) do update set our_number = conversations.our_number
       returning id)
     select id from found union all select id from inserted limit 1`,
    [c.orgId, c.campaignId, c.leadId, c.leadPhone, c.ourNumber],
  );
  if (!rows[0]) throw new Error("could not create conversation");
  return rows[0].id;
}

/** Where an inbound text belongs: the latest conversation between that lead and our number. */
export async function findConversationByRoute(
  tx: TTx,
  ourNumber: string,
  leadPhone: string,
): Promise<{ id: string; campaignId: string | null; leadId: string } | null> {
  const { rows } = await tx.client.query<{ id: string; campaign_id: string | null; lead_id: string }>(
    `select id, campaign_id, lead_id from conversations
      where our_number = $1 and lead_phone = $2
      order by last_message_at desc nulls last, created_at desc limit 1`,
    [ourNumber, leadPhone],
  );
  const row = rows[0];
  return row ? { id: row.id, campaignId: row.campaign_id, leadId: row.lead_id } : null;
}

export async function touchConversation(
  tx: TTx,
  conversationId: string,
  update: { preview: string; status?: string; costMicros?: number },
): Promise<void> {
  await tx.client.query(
    `update conversations set last_message_at = now(), last_message_preview = left($2, 160),
            status = coalesce($3, status), cost_micros = cost_micros + $4
      where id = $1`,
    [conversationId, update.preview, update.status ?? null, update.costMicros ?? 0],
  );
}

export async function setConversationStatus(tx: TTx, conversationId: string, status: string): Promise<void> {
  await tx.client.query("update conversations set status = $2 where id = $1", [conversationId, status]);
}

export type TConversationRow = {
  id: string;
  campaign_id: string | null;
  campaign_name: string | null;
  lead_id: string;
  lead_name: string;
  lead_phone: string;
  our_number: string;
  status: TConversation["status"];
  last_message_at: Date | null;
  last_message_preview: string | null;
  cost_micros: string | number;
  control: "ai" | "human";
  controlled_by: string | null;
  controlled_by_name: string | null;
  current_stage: string | null;
  sentiment_trend: number[];
  adherence_sum: number;
  agent_turns_analyzed: number;
  running_summary: string;
  escalated_at: Date | null;
  escalation_reason: string | null;
  pending_drafts: number;
  assigned_to: string | null;
  assigned_to_name: string | null;
};

/** The columns `toConversation` reads, over `CONVERSATION_FROM` (c = conversations, cp = campaigns). */
export const CONVERSATION_COLUMNS = `c.id, c.campaign_id, cp.name as campaign_name, c.lead_id,
         trim(l.first_name || ' ' || l.last_name) as lead_name, c.lead_phone, c.our_number, c.status,
         c.last_message_at, c.last_message_preview, c.cost_micros, c.control, c.controlled_by,
         u.name as controlled_by_name, c.current_stage, c.sentiment_trend, c.adherence_sum, c.agent_turns_analyzed,
         c.running_summary, c.escalated_at, c.escalation_reason, c.assigned_to,
         (select name from users au where au.id = c.assigned_to) as assigned_to_name,
         (select count(*)::int from messages d where d.conversation_id = c.id and d.status = 'draft') as pending_drafts`;
export const CONVERSATION_FROM = `conversations c
    join leads l on l.id = c.lead_id
    left join campaigns cp on cp.id = c.campaign_id
    left join users u on u.id = c.controlled_by`;
const CONVERSATION_SELECT = `select ${CONVERSATION_COLUMNS} from ${CONVERSATION_FROM}`;

export const toConversation = (r: TConversationRow): TConversation => ({
  id: r.id,
  campaignId: r.campaign_id,
  campaignName: r.campaign_name,
  leadId: r.lead_id,
  leadName: r.lead_name || r.lead_phone,
  leadPhone: r.lead_phone,
  ourNumber: r.our_number,
  status: r.status,
  lastMessageAt: r.last_message_at?.toISOString() ?? null,
  lastMessagePreview: r.last_message_preview,
  costMicros: Number(r.cost_micros),
  control: r.control,
  controlledBy: r.controlled_by,
  controlledByName: r.controlled_by_name,
  currentStage: r.current_stage,
  sentimentTrend: r.sentiment_trend,
  averageAdherence:
    r.agent_turns_analyzed > 0 ? Math.round((r.adherence_sum / r.agent_turns_analyzed) * 10) / 10 : null,
  runningSummary: r.running_summary,
  escalatedAt: r.escalated_at?.toISOString() ?? null,
  escalationReason: r.escalation_reason,
  pendingDrafts: r.pending_drafts,
  assignedTo: r.assigned_to,
  assignedToName: r.assigned_to_name,
});

export async function findConversations(
  tx: TTx,
  filter: { campaignId?: string | undefined; leadId?: string | undefined; limit: number },
  /** Who is asking; without it (API keys, jobs) every conversation of the organisation. */
  actor?: TActor,
): Promise<TConversation[]> {
  const { rows } = await tx.client.query<TConversationRow>(
    `${CONVERSATION_SELECT}
      where ($1::uuid is null or c.campaign_id = $1) and ($2::uuid is null or c.lead_id = $2)
        and ${actor ? visibleConversationsSql(actor, 4) : "true"}
      order by c.last_message_at desc nulls last, c.created_at desc
      limit $3`,
    [filter.campaignId ?? null, filter.leadId ?? null, filter.limit, ...(actor ? [actor.userId] : [])],
  );
  return rows.map(toConversation);
}

export async function getConversation(tx: TTx, conversationId: string): Promise<TConversation> {
  const { rows } = await tx.client.query<TConversationRow>(`${CONVERSATION_SELECT} where c.id = $1`, [
    conversationId,
  ]);
  if (!rows[0]) throw new AppError("NOT_FOUND", "Conversation not found");
  return toConversation(rows[0]);
}

/** Records webhook deliveries once each; returns the ids of the ones not seen before. */
export async function insertInboxRows(
  tx: TTx,
  provider: string,
  rows: { orgId: string; kind: string; externalId: string; payload: Record<string, string> }[],
): Promise<string[]> {
  const { rows: inserted } = await tx.client.query<{ id: string }>(
    `insert into webhook_inbox (org_id, provider, kind, external_id, payload)
     select org_id, $1, kind, external_id, payload
       from unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) as x(org_id, kind, external_id, payload)
     on conflict (provider, kind, external_id) do nothing returning id`,
    [
      provider,
      rows.map((r) => r.orgId),
      rows.map((r) => r.kind),
      rows.map((r) => r.externalId),
      rows.map((r) => JSON.stringify(r.payload)),
    ],
  );
  return inserted.map((r) => r.id);
}

export async function getInbox(tx: TTx, inboxId: string) {
  const { rows } = await tx.client.query<{
    id: string;
    provider: string;
    kind: string;
    payload: Record<string, string>;
    processed_at: Date | null;
  }>("select id, provider, kind, payload, processed_at from webhook_inbox where id = $1 for update", [
    inboxId,
  ]);
  return rows[0] ?? null;
}

/** Many inbox rows by id (a batch of deliveries), without locking: processing dedupes on the SID. */
export async function getInboxEntries(tx: TTx, inboxIds: string[]) {
  const { rows } = await tx.client.query<{
    id: string;
    provider: string;
    kind: string;
    payload: Record<string, string>;
    processed_at: Date | null;
    received_at: Date;
  }>(
    "select id, provider, kind, payload, processed_at, received_at from webhook_inbox where id = any($1::uuid[])",
    [inboxIds],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

export async function markInboxEntriesProcessed(tx: TTx, inboxIds: string[]): Promise<void> {
  await tx.client.query("update webhook_inbox set processed_at = now() where id = any($1::uuid[])", [
    inboxIds,
  ]);
}

export async function markInboxProcessed(tx: TTx, inboxId: string): Promise<void> {
  await tx.client.query("update webhook_inbox set processed_at = now() where id = $1", [inboxId]);
}
