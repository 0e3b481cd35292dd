import { countSegments, type TMessage } from "@plaibook/shared";
import type { TAgentReply } from "../../ai/ports.js";
import type { TAttemptUsage } from "../../ai/routing.js";
import type { TAppContext } from "../../app-context.js";
import { withOrg } from "../../platform/db/with-org.js";
import { conversationRooms } from "../../platform/realtime/socket.js";
import { recordModelUsages } from "../billing/record-usage.js";
import { insertOptOut, stopCampaignsFor } from "../compliance/queries.js";
import {
  announceEscalation,
  raiseEscalation,
  type TEscalationRaised,
} from "../escalations/raise-escalation.js";
import { loadCrm } from "../integrations/org-integrations.js";
import { announceMessage } from "../messaging/events.js";
import { insertMessages, type TNewMessage } from "../messaging/queries.js";
import { enqueueSends } from "../messaging/send-queue.js";
import {
  loadConversationContexts,
  loadHistories,
  type TConversationContext,
  type THistoryMessage,
} from "./context.js";
import { enginesFor } from "./engines.js";
import { enqueueOverseer, type TMessageJob } from "./queues.js";
import { createAgentTools } from "./tools.js";

type TApp = Pick<TAppContext, "db" | "boss" | "publish" | "config" | "log" | "secretsKey">;

type TThought = {
  messageId: string;
  ctx: TConversationContext;
  reply: TAgentReply;
  handoverOnly: boolean;
};

/**
 * The AI agent answers inbound messages (one job, or a queue's whole batch). It reads each
 * conversation, lets the org's Responder (LLM with fallbacks, or offline) decide, then — in one
 * transaction, after taking the leads' consent locks and the conversations' row locks and checking
 * that the AI still holds each conversation, no newer message arrived and the lead has not opted out —
 * stores the replies (drafts in approval mode), queues them, saves the dialogue states, bills the model
 * calls, queues the Overseer and escalates where the agent handed over. Each step is one statement for
 * the whole batch, so a busy queue costs a few round trips per batch, not a dozen per message. Runs any
 * number of times with one effect (one reply per inbound message). One outcome per job, in order.
 */
export async function replyToLeads(app: TApp, jobs: TMessageJob[]): Promise<(Error | null)[]> {
  const byOrg = new Map<string, string[]>();
  for (const job of jobs) byOrg.set(job.orgId, [...(byOrg.get(job.orgId) ?? []), job.messageId]);
  for (const [orgId, messageIds] of byOrg) await replyForOrg(app, orgId, messageIds);
  return jobs.map(() => null);
}

async function replyForOrg(app: TApp, orgId: string, messageIds: string[]): Promise<void> {
  const prepared = await withOrg(app.db.appPool, orgId, async (tx) => {
    const { rows } = await tx.client.query<{
      id: string;
      conversation_id: string;
      answered: boolean;
      newer: boolean;
      paused: boolean;
    }>(
      `select m.id, m.conversation_id,
              exists (select 1 from messages r where r.reply_to_message_id = m.id) as answered,
              exists (select 1 from messages n where n.conversation_id = m.conversation_id and n.direction = 'inbound'
                        and (n.created_at, n.id) > (m.created_at, m.id)) as newer,
              v.control = 'human' and v.controlled_by is null as paused
         from messages m join conversations v on v.id = m.conversation_id
        where m.id = any($1::uuid[]) and m.direction = 'inbound'`,
      [messageIds],
    );
    // A newer message in the same conversation will be answered instead (its history holds this one).
    const due = rows.filter((r) => !r.answered && !r.newer);
    const contexts = await loadConversationContexts(tx, [...new Set(due.map((r) => r.conversation_id))]);
    const eligible = due.flatMap((r) => {
      const ctx = contexts.get(r.conversation_id);
      if (!ctx?.playbook || ctx.status === "opted_out" || ctx.status === "closed") return [];
      if (ctx.control !== "ai" && !r.paused) return [];
      // Escalated with nobody on it yet: if the Overseer escalated this very message before the agent
      // ran, the agent still says its hand-over line (checked at commit), but nothing else.
      return [{ messageId: r.id, ctx, handoverOnly: ctx.control !== "ai" }];
    });
    const histories = await loadHistories(
      tx,
      eligible.map((e) => ({ conversationId: e.ctx.conversationId, uptoMessageId: e.messageId })),
    );
    const crm = eligible.length > 0 ? await loadCrm(tx, app).catch(() => null) : null;
    return { eligible, histories, crm };
  });
  if (prepared.eligible.length === 0) return;
  for (const { ctx } of prepared.eligible)
    app.publish(conversationRooms(orgId, ctx.conversationId), "agent.replying", {
      conversationId: ctx.conversationId,
    });

  const now = new Date();
  const thoughts: TThought[] = await Promise.all(
    prepared.eligible.map(async ({ messageId, ctx, handoverOnly }) => {
      const tools = createAgentTools({ app, ctx, crm: prepared.crm, sourceMessageId: messageId });
      const playbook = ctx.playbook as NonNullable<TConversationContext["playbook"]>;
      const history = prepared.histories.get(messageId) as THistoryMessage[];
      const reply = await enginesFor(app.config, ctx.aiSettings).responder.reply(
        {
          playbook,
          merge: ctx.merge,
          lead: { firstName: ctx.lead.firstName, phone: ctx.leadPhone, timeZone: ctx.lead.timeZone },
          crm: prepared.crm ? await tools.customer() : null,
          history,
          state: ctx.agentState,
          now,
          settings: ctx.aiSettings,
        },
        tools,
      );
      return { messageId, ctx, reply, handoverOnly };
    }),
  );

  const committed = await withOrg(app.db.appPool, orgId, async (tx) => {
    // Consent locks, then conversation locks, each in a fixed order: no two batches can deadlock.
    const phones = [...new Set(thoughts.map((t) => `consent:${orgId}:${t.ctx.leadPhone}`))].sort();
    await tx.client.query(
      "select pg_advisory_xact_lock(hashtextextended(k, 0)) from unnest($1::text[]) as k order by k",
      [phones],
    );
    const conversationIds = [...new Set(thoughts.map((t) => t.ctx.conversationId))].sort();
    await tx.client.query("select id from conversations where id = any($1::uuid[]) order by id for update", [
      conversationIds,
    ]);
    // Read after the locks (a statement that waited for a lock keeps its old snapshot in subqueries).
    const { rows } = await tx.client.query<{
      message_id: string;
      control: string;
      controlled_by: string | null;
      status: string;
      opted_out: boolean;
      answered: boolean;
      newer: boolean;
      escalated_for_this: boolean;
    }>(
      `select m.id as message_id, v.control, v.controlled_by, v.status,
              exists (select 1 from opt_outs o where o.phone = v.lead_phone) as opted_out,
              exists (select 1 from messages r where r.reply_to_message_id = m.id) as answered,
              exists (select 1 from messages n where n.conversation_id = v.id and n.direction = 'inbound'
                        and (n.created_at, n.id) > (m.created_at, m.id)) as newer,
              exists (select 1 from escalations e where e.conversation_id = v.id and e.resolved_at is null
                        and e.raised_at >= m.created_at) as escalated_for_this
         from messages m join conversations v on v.id = m.conversation_id
        where m.id = any($1::uuid[])`,
      [thoughts.map((t) => t.messageId)],
    );
    const state = new Map(rows.map((r) => [r.message_id, r]));
    const go = thoughts.filter((t) => {
      const now = state.get(t.messageId);
      if (!now || now.answered || now.newer) return false;
      const pausedForThis =
        now.control === "human" &&
        now.controlled_by === null &&
        now.escalated_for_this &&
        t.reply.handover !== null;
      if (now.control !== "ai" && !pausedForThis) return false;
      return !(t.handoverOnly && !t.reply.handover);
    });

    const spent = await recordModelUsages(
      tx,
      orgId,
      go.map((t) => ({
        conversationId: t.ctx.conversationId,
        refType: "message",
        refId: t.messageId,
        usage: t.reply.usage as TAttemptUsage[],
      })),
      app.config.AI_MODEL_PRICES,
    );
    const costs = new Map(go.map((t, i) => [t.messageId, spent[i] ?? 0]));
    const texting = go.filter((t) => {
      const now = state.get(t.messageId);
      return t.reply.message && now && !now.opted_out && now.status !== "opted_out";
    });
    const newMessages: TNewMessage[] = texting.map((t) => {
      const body = t.reply.message as string;
      const segments = countSegments(body);
      return {
        orgId,
        conversationId: t.ctx.conversationId,
        campaignId: t.ctx.campaignId,
        leadId: t.ctx.leadId,
        direction: "outbound",
        kind: "reply",
        author: "ai",
        replyToMessageId: t.messageId,
        body,
        status: t.ctx.approvalMode ? "draft" : "queued",
        fromNumber: t.ctx.ourNumber,
        toNumber: t.ctx.leadPhone,
        provider: t.ctx.provider,
        segments: segments.segments,
        encoding: segments.encoding,
      };
    });
    const inserted = await insertMessages(tx, newMessages);
    const sent = inserted.filter((m) => m.status === "queued");
    await enqueueSends(
      app.boss,
      tx,
      sent.map((m) => ({ payload: { orgId, messageId: m.id } })),
    );
    await enqueueOverseer(
      app.boss,
      tx,
      sent.map((m) => ({ orgId, messageId: m.id })),
    );
    const replyOf = new Map(texting.map((t, i) => [t.messageId, inserted[i]]));
    await tx.client.query(
      `update conversations v set agent_state = u.state, cost_micros = v.cost_micros + u.cost,
         status = case when v.status = 'awaiting_reply' then 'open' else v.status end,
         last_message_at = case when u.preview is null then v.last_message_at else clock_timestamp() end,
         last_message_preview = coalesce(u.preview, v.last_message_preview)
        from unnest($1::uuid[], $2::jsonb[], $3::bigint[], $4::text[]) as u(id, state, cost, preview)
       where v.id = u.id`,
      [
        go.map((t) => t.ctx.conversationId),
        go.map((t) => JSON.stringify(t.reply.state)),
        go.map((t) => costs.get(t.messageId) ?? 0),
        go.map((t) => {
          const message = replyOf.get(t.messageId);
          return message && message.status === "queued" ? message.body : null;
        }),
      ],
    );
    const escalations: TEscalationRaised[] = [];
    for (const t of go) {
      if (t.reply.classification?.intent === "wrong_number") {
        // A wrong number is never texted again, by any campaign.
        await insertOptOut(tx, { orgId, phone: t.ctx.leadPhone, source: "wrong_number", keyword: null });
        await stopCampaignsFor(tx, [t.ctx.leadPhone]);
      }
      if (t.reply.handover) {
        const raised = await raiseEscalation(app.boss, tx, {
          orgId,
          conversationId: t.ctx.conversationId,
          source: "agent",
          reason: t.reply.handover.reason,
        });
        if (raised) escalations.push(raised);
      }
    }
    return { go, inserted, escalations };
  });

  const leadOf = new Map(thoughts.map((t) => [t.ctx.conversationId, t.ctx.leadId]));
  for (const message of committed.inserted as TMessage[])
    announceMessage(app.publish, orgId, "message.created", {
      leadId: leadOf.get(message.conversationId) ?? "",
      message,
    });
  const texted = new Set(committed.inserted.map((m) => m.conversationId));
  for (const t of committed.go)
    if (!texted.has(t.ctx.conversationId))
      app.publish(conversationRooms(orgId, t.ctx.conversationId), "conversation.updated", {
        conversationId: t.ctx.conversationId,
      });
  for (const escalation of committed.escalations) announceEscalation(app.publish, orgId, escalation);
}
