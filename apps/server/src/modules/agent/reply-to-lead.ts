import { countSegments, type TMessage } from "@plaibook/shared";
import type { TAgentReply } from "../../ai/ports.js";
import type { TAttemptUsage } from "../../ai/routing.js";
import type { TAppContext } from "../../app-context.js";
import { withOrg } from "../../platform/db/with-org.js";
import { orgRoom } from "../../platform/realtime/socket.js";
import { recordModelUsage } from "../billing/record-usage.js";
import { insertOptOut, lockConsent, stopCampaignsFor } from "../compliance/queries.js";
import {
  announceEscalation,
  raiseEscalation,
  type TEscalationRaised,
} from "../escalations/raise-escalation.js";
import { loadCrm } from "../integrations/org-integrations.js";
import { announceMessage } from "../messaging/events.js";
import { insertMessage } from "../messaging/queries.js";
import { enqueueSend } from "../messaging/send-queue.js";
import { loadConversationContext, loadHistory, type TConversationContext } from "./context.js";
import { enginesFor } from "./engines.js";
import { enqueueOverseer, type TMessageJob } from "./queues.js";
import { createAgentTools } from "./tools.js";

export type TReplyOutcome =
  | { status: "sent" | "drafted" | "silent"; messageId: string | null; escalated: boolean }
  | { status: "skipped"; reason: string };

/**
 * The AI agent answers one inbound message. It reads the conversation, lets the org's Responder
 * (LLM with fallbacks, or offline) decide, then — in one transaction, after checking that the AI still
 * holds the conversation, no newer message arrived and the lead has not opted out — stores the reply
 * (a draft in approval mode), queues it, saves the dialogue state, bills the model calls, queues the
 * Overseer and escalates when the agent handed over. Runs any number of times with one effect.
 */
export async function replyToLead(
  app: Pick<TAppContext, "db" | "boss" | "publish" | "config" | "log" | "secretsKey">,
  job: TMessageJob,
): Promise<TReplyOutcome> {
  const prepared = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    const { rows } = await tx.client.query<{
      conversation_id: string;
      answered: boolean;
      newer: boolean;
      paused_for_this: boolean;
    }>(
      `select m.conversation_id,
              exists (select 1 from conversations v
                       where v.id = m.conversation_id and v.control = 'human' and v.controlled_by is null) as paused_for_this,
              exists (select 1 from messages r where r.reply_to_message_id = m.id) as answered,
              exists (select 1 from messages n where n.conversation_id = m.conversation_id and n.direction = 'inbound'
                        and (n.created_at, n.id) > (m.created_at, m.id)) as newer
         from messages m where m.id = $1 and m.direction = 'inbound'`,
      [job.messageId],
    );
    const row = rows[0];
    if (!row) return { skip: "message not found" } as const;
    if (row.answered) return { skip: "already answered" } as const;
    if (row.newer) return { skip: "a newer message will be answered instead" } as const;
    const ctx = await loadConversationContext(tx, row.conversation_id);
    if (!ctx) return { skip: "conversation not found" } as const;
    // Escalated, nobody has taken over yet: if the Overseer escalated this very message before the
    // agent ran, the agent still says its hand-over line (checked at commit), but nothing else.
    const handoverOnly = row.paused_for_this;
    const refusal = whyNotAnswer(handoverOnly ? { ...ctx, control: "ai" } : ctx);
    if (refusal) return { skip: refusal } as const;
    const history = await loadHistory(tx, ctx.conversationId, job.messageId);
    const crm = await loadCrm(tx, app).catch(() => null);
    return { ctx, history, crm, handoverOnly } as const;
  });
  if ("skip" in prepared) return { status: "skipped", reason: prepared.skip ?? "" };
  const { ctx, history, crm, handoverOnly } = prepared;
  const playbook = ctx.playbook;
  if (!playbook) return { status: "skipped", reason: "no playbook" };

  app.publish(orgRoom(ctx.orgId), "agent.replying", { conversationId: ctx.conversationId });
  const tools = createAgentTools({ app, ctx, crm, sourceMessageId: job.messageId });
  const crmCustomer = await tools.customer();
  const engines = enginesFor(app.config, ctx.aiSettings);
  const reply: TAgentReply = await engines.responder.reply(
    {
      playbook,
      merge: ctx.merge,
      lead: { firstName: ctx.lead.firstName, phone: ctx.leadPhone, timeZone: ctx.lead.timeZone },
      crm: crmCustomer,
      history,
      state: ctx.agentState,
      now: new Date(),
      settings: ctx.aiSettings,
    },
    tools,
  );

  const committed = await withOrg(app.db.appPool, ctx.orgId, async (tx) => {
    // The consent lock first (as every send does), then the conversation: a STOP arriving now waits.
    await lockConsent(tx, ctx.orgId, ctx.leadPhone);
    // Lock first, read after, in two statements: a statement that waits for a row lock sees the
    // locked row's new version but its subqueries keep the old snapshot (READ COMMITTED).
    await tx.client.query("select 1 from conversations where id = $1 for update", [ctx.conversationId]);
    const { rows } = await tx.client.query<{
      control: string;
      status: string;
      opted_out: boolean;
      answered: boolean;
      newer: boolean;
      escalated_for_this: boolean;
      controlled_by: string | null;
    }>(
      `select v.control, v.controlled_by, v.status,
              exists (select 1 from opt_outs o where o.phone = v.lead_phone) as opted_out,
              exists (select 1 from messages r where r.reply_to_message_id = $2) as answered,
              exists (select 1 from messages n, messages m where m.id = $2 and n.conversation_id = v.id
                        and n.direction = 'inbound' and (n.created_at, n.id) > (m.created_at, m.id)) as newer,
              exists (select 1 from escalations e, messages m where m.id = $2 and e.conversation_id = v.id
                        and e.resolved_at is null and e.raised_at >= m.created_at) as escalated_for_this
         from conversations v where v.id = $1`,
      [ctx.conversationId, job.messageId],
    );
    const now = rows[0];
    if (!now || now.answered) return { skipped: "already answered" };
    const pausedForThis =
      now.control === "human" &&
      now.controlled_by === null &&
      now.escalated_for_this &&
      reply.handover !== null;
    if (now.control !== "ai" && !pausedForThis)
      return { skipped: "a person took over while the agent was thinking" };
    if (handoverOnly && !reply.handover) return { skipped: "the Overseer escalated this message" };
    if (now.newer) return { skipped: "a newer message arrived while the agent was thinking" };
    const usage = reply.usage as TAttemptUsage[];
    const cost = await recordModelUsage(tx, {
      orgId: ctx.orgId,
      conversationId: ctx.conversationId,
      refType: "message",
      refId: job.messageId,
      usage,
      prices: app.config.AI_MODEL_PRICES,
    });
    let message: TMessage | null = null;
    const canText = !now.opted_out && now.status !== "opted_out" && reply.message;
    if (canText && reply.message) {
      const segments = countSegments(reply.message);
      message = await insertMessage(tx, {
        orgId: ctx.orgId,
        conversationId: ctx.conversationId,
        campaignId: ctx.campaignId,
        leadId: ctx.leadId,
        direction: "outbound",
        kind: "reply",
        author: "ai",
        replyToMessageId: job.messageId,
        body: reply.message,
        status: ctx.approvalMode ? "draft" : "queued",
        fromNumber: ctx.ourNumber,
        toNumber: ctx.leadPhone,
        provider: ctx.provider,
        segments: segments.segments,
        encoding: segments.encoding,
      });
      if (!ctx.approvalMode) {
        await enqueueSend(app.boss, tx, { orgId: ctx.orgId, messageId: message.id });
        await enqueueOverseer(app.boss, tx, [{ orgId: ctx.orgId, messageId: message.id }]);
      }
    }
    await tx.client.query(
      `update conversations set agent_state = $2, cost_micros = cost_micros + $3,
         status = case when status = 'awaiting_reply' then 'open' else status end,
         last_message_at = case when $4::text is null then last_message_at else clock_timestamp() end,
         last_message_preview = coalesce($4, last_message_preview)
       where id = $1`,
      [
        ctx.conversationId,
        JSON.stringify(reply.state),
        cost,
        message && !ctx.approvalMode ? message.body : null,
      ],
    );
    if (reply.classification?.intent === "wrong_number") {
      // A wrong number is never texted again, by any campaign.
      await insertOptOut(tx, {
        orgId: ctx.orgId,
        phone: ctx.leadPhone,
        source: "wrong_number",
        keyword: null,
      });
      await stopCampaignsFor(tx, [ctx.leadPhone]);
    }
    let escalation: TEscalationRaised | null = null;
    if (reply.handover)
      escalation = await raiseEscalation(app.boss, tx, {
        orgId: ctx.orgId,
        conversationId: ctx.conversationId,
        source: "agent",
        reason: reply.handover.reason,
      });
    return { message, escalation };
  });
  if ("skipped" in committed) return { status: "skipped", reason: committed.skipped ?? "" };
  if (committed.message)
    announceMessage(app.publish, ctx.orgId, "message.created", {
      leadId: ctx.leadId,
      message: committed.message,
    });
  else app.publish(orgRoom(ctx.orgId), "conversation.updated", { conversationId: ctx.conversationId });
  if (committed.escalation) announceEscalation(app.publish, ctx.orgId, committed.escalation);
  return {
    status: committed.message ? (ctx.approvalMode ? "drafted" : "sent") : "silent",
    messageId: committed.message?.id ?? null,
    escalated: committed.escalation !== null,
  };
}

function whyNotAnswer(ctx: TConversationContext): string | null {
  if (!ctx.playbook) return "the conversation has no campaign playbook";
  if (ctx.control !== "ai") return "a person has the conversation";
  if (ctx.status === "opted_out" || ctx.status === "closed") return `the conversation is ${ctx.status}`;
  return null;
}
