import { countSegments, type TControlEvent } from "@plaibook/shared";
import type { PgBoss } from "pg-boss";
import type { TActor, TRequestMeta } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { conversationRooms, userRoom } from "../../platform/realtime/socket.js";
import { recordAudit } from "../audit/record-audit.js";
import { lockConsent } from "../compliance/queries.js";
import { announceMessage, type TPublish } from "../messaging/events.js";
import { getMessage, insertMessage } from "../messaging/queries.js";
import { enqueueSend } from "../messaging/send-queue.js";
import { enqueueAgentReply, enqueueOverseer } from "./queues.js";

export type TUseCase = { tx: TTx; actor: TActor; meta: TRequestMeta | null };
export type THumanControlEvent = TControlEvent;

type TConversationLock = {
  id: string;
  org_id: string;
  campaign_id: string | null;
  lead_id: string;
  lead_phone: string;
  our_number: string;
  control: string;
  controlled_by: string | null;
  status: string;
  provider: string | null;
};

/** The consent lock must come before the conversation's row lock (the order every send path uses). */
async function lockConsentFor(tx: TTx, conversationId: string): Promise<void> {
  const { rows } = await tx.client.query<{ org_id: string; lead_phone: string }>(
    "select org_id, lead_phone from conversations where id = $1",
    [conversationId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "Conversation not found");
  await lockConsent(tx, rows[0].org_id, rows[0].lead_phone);
}

async function lockConversation(tx: TTx, conversationId: string): Promise<TConversationLock> {
  const { rows } = await tx.client.query<TConversationLock>(
    `select v.id, v.org_id, v.campaign_id, v.lead_id, v.lead_phone, v.our_number, v.control, v.controlled_by, v.status,
            (select provider from phone_numbers n where n.e164 = v.our_number) as provider
       from conversations v where v.id = $1 for update`,
    [conversationId],
  );
  if (!rows[0]) throw new AppError("NOT_FOUND", "Conversation not found");
  return rows[0];
}

const by = (actor: TActor) => ({ userId: actor.userId, name: actor.name });

/** A person dealt with it: the conversation's open escalation is resolved (and acknowledged, if not yet). */
async function resolveEscalations(uc: TUseCase, conversationId: string): Promise<void> {
  await uc.tx.client.query(
    `update escalations set resolved_at = now(), acknowledged_at = coalesce(acknowledged_at, now()),
            acknowledged_by = coalesce(acknowledged_by, $2)
      where conversation_id = $1 and resolved_at is null`,
    [conversationId, uc.actor.userId],
  );
}

/** A person takes the conversation: the AI stops answering until it is handed back. */
export async function takeOver(uc: TUseCase, conversationId: string): Promise<THumanControlEvent> {
  const c = await lockConversation(uc.tx, conversationId);
  if (c.control === "human" && c.controlled_by && c.controlled_by !== uc.actor.userId) {
    const { rows } = await uc.tx.client.query<{ name: string }>("select name from users where id = $1", [
      c.controlled_by,
    ]);
    throw new AppError("CONFLICT", `${rows[0]?.name ?? "Someone"} already has this conversation`);
  }
  await uc.tx.client.query("update conversations set control = 'human', controlled_by = $2 where id = $1", [
    conversationId,
    uc.actor.userId,
  ]);
  // Taking over answers an escalation: a person is on it now.
  await uc.tx.client.query(
    `update escalations set acknowledged_at = coalesce(acknowledged_at, now()), acknowledged_by = coalesce(acknowledged_by, $2)
      where conversation_id = $1 and resolved_at is null`,
    [conversationId, uc.actor.userId],
  );
  await audit(uc, "conversation.take_over", conversationId);
  return { conversationId, leadId: c.lead_id, action: "took_over", by: by(uc.actor) };
}

/**
 * The AI gets the conversation back; an open escalation is resolved. When the lead's last message is
 * still unanswered, the agent answers it now.
 */
export async function handBack(
  boss: PgBoss,
  uc: TUseCase,
  conversationId: string,
): Promise<THumanControlEvent> {
  const c = await lockConversation(uc.tx, conversationId);
  if (c.status === "opted_out")
    throw new AppError("BAD_REQUEST", "The lead opted out; the AI cannot text them");
  await uc.tx.client.query(
    `update conversations set control = 'ai', controlled_by = null, escalated_at = null, escalation_reason = null,
       agent_state = jsonb_set(coalesce(agent_state, '{}'::jsonb), '{negativeStreak}', '0')
      where id = $1`,
    [conversationId],
  );
  await resolveEscalations(uc, conversationId);
  const { rows } = await uc.tx.client.query<{ id: string; direction: string; answered: boolean }>(
    `select m.id, m.direction, exists (select 1 from messages r where r.reply_to_message_id = m.id) as answered
       from messages m where m.conversation_id = $1 and m.status not in ('draft', 'rejected')
      order by m.created_at desc, m.id desc limit 1`,
    [conversationId],
  );
  const last = rows[0];
  if (last && last.direction === "inbound" && !last.answered && c.campaign_id)
    await enqueueAgentReply(boss, uc.tx, { orgId: c.org_id, messageId: last.id });
  await audit(uc, "conversation.hand_back", conversationId);
  return { conversationId, leadId: c.lead_id, action: "handed_back", by: by(uc.actor) };
}

/** A person texts the lead. Sending takes the conversation from the AI (it would otherwise talk over them). */
export async function sendAsPerson(
  boss: PgBoss,
  uc: TUseCase,
  input: { conversationId: string; body: string },
): Promise<THumanControlEvent> {
  const body = input.body.trim();
  if (!body) throw new AppError("BAD_REQUEST", "Write a message first");
  await lockConsentFor(uc.tx, input.conversationId);
  const c = await lockConversation(uc.tx, input.conversationId);
  const { rows: optedOut } = await uc.tx.client.query("select 1 from opt_outs where phone = $1", [
    c.lead_phone,
  ]);
  if (optedOut.length > 0 || c.status === "opted_out")
    throw new AppError("BAD_REQUEST", "This number opted out; texting it is not allowed");
  const segments = countSegments(body);
  const message = await insertMessage(uc.tx, {
    orgId: c.org_id,
    conversationId: c.id,
    campaignId: c.campaign_id,
    leadId: c.lead_id,
    direction: "outbound",
    kind: "manual",
    author: "human",
    authorUserId: uc.actor.userId,
    body,
    status: "queued",
    fromNumber: c.our_number,
    toNumber: c.lead_phone,
    provider: c.provider ?? "sandbox",
    segments: segments.segments,
    encoding: segments.encoding,
  });
  await uc.tx.client.query(
    `update conversations set control = 'human', controlled_by = coalesce(controlled_by, $2),
       last_message_at = clock_timestamp(), last_message_preview = $3,
       status = case when status = 'awaiting_reply' then 'open' else status end
      where id = $1`,
    [c.id, uc.actor.userId, body],
  );
  await enqueueSend(boss, uc.tx, { orgId: c.org_id, messageId: message.id });
  await enqueueOverseer(boss, uc.tx, [{ orgId: c.org_id, messageId: message.id }]);
  await audit(uc, "conversation.send", c.id, { messageId: message.id });
  return { conversationId: c.id, leadId: c.lead_id, action: "sent", by: by(uc.actor), message };
}

/** Approval mode: a person sends the AI's draft, as written or edited. */
export async function approveDraft(
  boss: PgBoss,
  uc: TUseCase,
  input: { messageId: string; body?: string | undefined },
): Promise<THumanControlEvent> {
  const draft = await getMessage(uc.tx, input.messageId);
  if (draft.status !== "draft") throw new AppError("CONFLICT", "This draft was already handled");
  await lockConsentFor(uc.tx, draft.conversationId);
  const c = await lockConversation(uc.tx, draft.conversationId);
  const { rows: optedOut } = await uc.tx.client.query("select 1 from opt_outs where phone = $1", [
    c.lead_phone,
  ]);
  if (optedOut.length > 0)
    throw new AppError("BAD_REQUEST", "This number opted out; the draft cannot be sent");
  const body = input.body?.trim() || draft.body;
  const segments = countSegments(body);
  const { rows } = await uc.tx.client.query<{ id: string }>(
    `update messages set status = 'queued', body = $2, segments = $3, encoding = $4, author_user_id = $5,
            created_at = clock_timestamp()
      where id = $1 and status = 'draft' returning id`,
    [draft.id, body, segments.segments, segments.encoding, uc.actor.userId],
  );
  if (!rows[0]) throw new AppError("CONFLICT", "This draft was already handled");
  await uc.tx.client.query(
    "update conversations set last_message_at = clock_timestamp(), last_message_preview = $2 where id = $1",
    [c.id, body],
  );
  await enqueueSend(boss, uc.tx, { orgId: c.org_id, messageId: draft.id });
  await enqueueOverseer(boss, uc.tx, [{ orgId: c.org_id, messageId: draft.id }]);
  await audit(uc, "conversation.approve_draft", c.id, { messageId: draft.id, edited: body !== draft.body });
  return {
    conversationId: c.id,
    leadId: c.lead_id,
    action: "approved",
    by: by(uc.actor),
    message: await getMessage(uc.tx, draft.id),
  };
}

export async function rejectDraft(uc: TUseCase, messageId: string): Promise<THumanControlEvent> {
  const { rows } = await uc.tx.client.query<{ conversation_id: string; lead_id: string }>(
    "update messages set status = 'rejected', author_user_id = $2 where id = $1 and status = 'draft' returning conversation_id, lead_id",
    [messageId, uc.actor.userId],
  );
  if (!rows[0]) throw new AppError("CONFLICT", "This draft was already handled");
  await audit(uc, "conversation.reject_draft", rows[0].conversation_id, { messageId });
  return {
    conversationId: rows[0].conversation_id,
    leadId: rows[0].lead_id,
    action: "rejected",
    by: by(uc.actor),
    message: await getMessage(uc.tx, messageId),
  };
}

/** Done for now: the AI stops and the board drops it; the lead texting again reopens it. */
export async function closeConversation(uc: TUseCase, conversationId: string): Promise<THumanControlEvent> {
  const c = await lockConversation(uc.tx, conversationId);
  if (c.status === "closed") throw new AppError("CONFLICT", "This conversation is already closed");
  await uc.tx.client.query(
    `update conversations set status = case when status = 'opted_out' then status else 'closed' end,
            closed_at = now(), control = 'ai', controlled_by = null, escalated_at = null, escalation_reason = null
      where id = $1`,
    [conversationId],
  );
  await resolveEscalations(uc, conversationId);
  // Drafts of a closed conversation would never be sent.
  await uc.tx.client.query(
    "update messages set status = 'rejected', author_user_id = $2 where conversation_id = $1 and status = 'draft'",
    [conversationId, uc.actor.userId],
  );
  await audit(uc, "conversation.close", conversationId);
  return { conversationId, leadId: c.lead_id, action: "closed", by: by(uc.actor) };
}

export async function reopenConversation(uc: TUseCase, conversationId: string): Promise<THumanControlEvent> {
  const c = await lockConversation(uc.tx, conversationId);
  if (c.status !== "closed") throw new AppError("CONFLICT", "Only a closed conversation can be reopened");
  await uc.tx.client.query("update conversations set status = 'open' where id = $1", [conversationId]);
  await audit(uc, "conversation.reopen", conversationId);
  return { conversationId, leadId: c.lead_id, action: "reopened", by: by(uc.actor) };
}

/** Gives the conversation's follow-up to a teammate (or to nobody); a rep sees what is assigned to them. */
export async function assignConversation(
  uc: TUseCase,
  input: { conversationId: string; userId: string | null },
): Promise<THumanControlEvent> {
  const c = await lockConversation(uc.tx, input.conversationId);
  let assignee: THumanControlEvent["assignee"] = null;
  if (input.userId) {
    const { rows } = await uc.tx.client.query<{ id: string; name: string }>(
      "select id, name from users where id = $1 and status = 'active'",
      [input.userId],
    );
    if (!rows[0]) throw new AppError("BAD_REQUEST", "No active teammate has that id");
    assignee = { userId: rows[0].id, name: rows[0].name };
  }
  await uc.tx.client.query("update conversations set assigned_to = $2 where id = $1", [
    input.conversationId,
    input.userId,
  ]);
  await audit(uc, "conversation.assign", input.conversationId, { assignedTo: input.userId });
  return { conversationId: c.id, leadId: c.lead_id, action: "assigned", by: by(uc.actor), assignee };
}

async function audit(
  uc: TUseCase,
  action: string,
  conversationId: string,
  details: Record<string, unknown> = {},
) {
  await recordAudit(uc.tx, uc.meta, {
    action,
    orgId: uc.actor.orgId,
    actorUserId: uc.actor.userId,
    targetType: "conversation",
    targetId: conversationId,
    details,
  });
}

/** Everyone watching sees who did what ("Dana took over"); call once the change has committed. */
export function announceControl(publish: TPublish, orgId: string, event: THumanControlEvent): void {
  const rooms = conversationRooms(orgId, event.conversationId);
  // The assignee may not be in the conversation's room yet (joining goes through the adapter too).
  publish(
    event.action === "assigned" && event.assignee ? [...rooms, userRoom(event.assignee.userId)] : rooms,
    "conversation.control",
    event,
  );
  if (event.message) {
    const kind =
      event.action === "sent" || event.action === "approved" ? "message.created" : "message.status";
    announceMessage(publish, orgId, kind, { leadId: event.leadId, message: event.message });
  } else publish(rooms, "conversation.updated", { conversationId: event.conversationId });
}
