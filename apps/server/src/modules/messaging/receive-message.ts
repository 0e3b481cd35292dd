import { classifyComplianceKeyword, countSegments, type TMessage } from "@plaibook/shared";
import { isOptOutRequest } from "../../ai/offline/classifier/index.js";
import type { TAppContext } from "../../app-context.js";
import type { TTx } from "../../platform/db/with-org.js";
import { withOrg } from "../../platform/db/with-org.js";
import { enqueueAgentReply, enqueueOverseer } from "../agent/queues.js";
import { recordUsage } from "../billing/record-usage.js";
import { deleteOptOut, insertOptOut, lockConsent, stopCampaignsFor } from "../compliance/queries.js";
import { getSmsIdentity } from "../compliance/sms-identity.js";
import { announceCampaign, announceMessage } from "./events.js";
import {
  ensureConversation,
  findConversationByRoute,
  insertMessage,
  setConversationStatus,
  touchConversation,
} from "./queries.js";
import { enqueueSend } from "./send-queue.js";

export type TInboundSms = {
  orgId: string;
  provider: string;
  sid: string;
  from: string;
  to: string;
  body: string;
};

export type TInboundResult = {
  duplicate: boolean;
  conversationId: string | null;
  compliance: "opt_out" | "opt_in" | "help" | null;
};

/**
 * An SMS from a lead: stored in its conversation (routed by our number and theirs), compliance
 * keywords honoured at once, the campaign told the lead replied, and everyone watching told live.
 * A repeat of the same provider SID is ignored.
 */
export async function receiveInbound(
  app: Pick<TAppContext, "db" | "boss" | "publish" | "config">,
  sms: TInboundSms,
): Promise<TInboundResult> {
  const created: { leadId: string; message: TMessage }[] = [];
  const result = await withOrg(app.db.appPool, sms.orgId, async (tx) => {
    // First, before any row lock: the send path takes this lock and then writes the conversation,
    // so taking it later here could deadlock with a send to the same number.
    await lockConsent(tx, sms.orgId, sms.from);
    const route = (await findConversationByRoute(tx, sms.to, sms.from)) ?? (await startConversation(tx, sms));
    const segments = countSegments(sms.body);
    const { rows: dup } = await tx.client.query(
      "select 1 from messages where provider = $1 and provider_sid = $2",
      [sms.provider, sms.sid],
    );
    if (dup.length > 0)
      return { duplicate: true, conversationId: route.id, compliance: null, campaignId: route.campaignId };
    const inbound = await insertMessage(tx, {
      orgId: sms.orgId,
      conversationId: route.id,
      campaignId: route.campaignId,
      leadId: route.leadId,
      direction: "inbound",
      kind: "reply",
      body: sms.body,
      status: "received",
      fromNumber: sms.from,
      toNumber: sms.to,
      provider: sms.provider,
      providerSid: sms.sid,
      segments: segments.segments,
      encoding: segments.encoding,
    });
    created.push({ leadId: route.leadId, message: inbound });
    const cost = await recordUsage(tx, {
      orgId: sms.orgId,
      kind: "sms_segment_in",
      quantity: segments.segments,
      unitCostMicros: app.config.SMS_SEGMENT_COST_MICROS,
      refType: "message",
      refId: inbound.id,
      conversationId: route.id,
    });
    await touchConversation(tx, route.id, { preview: sms.body, costMicros: cost, status: "awaiting_reply" });

    // Carrier keywords first; then opt-outs said in words ("please take me off your list").
    const compliance = classifyComplianceKeyword(sms.body) ?? (isOptOutRequest(sms.body) ? "opt_out" : null);
    const reply = await applyCompliance(tx, sms, compliance);
    if (reply) {
      const message = await insertMessage(tx, {
        orgId: sms.orgId,
        conversationId: route.id,
        campaignId: route.campaignId,
        leadId: route.leadId,
        direction: "outbound",
        kind: "compliance",
        body: reply.body,
        status: "queued",
        fromNumber: sms.to,
        toNumber: sms.from,
        provider: sms.provider,
        segments: countSegments(reply.body).segments,
        encoding: countSegments(reply.body).encoding,
      });
      await enqueueSend(app.boss, tx, { orgId: sms.orgId, messageId: message.id });
      created.push({ leadId: route.leadId, message });
      if (reply.conversationStatus) await setConversationStatus(tx, route.id, reply.conversationStatus);
    }
    if (compliance !== "opt_out" && compliance !== "help")
      await markReplied(tx, route.leadId, route.campaignId);
    // The Overseer judges every lead message; the agent answers those that are not compliance keywords.
    // Campaign touches are judged once the lead answers (not at launch: 100k first touches would
    // flood the Overseer with turns nobody reads).
    const { rows: unjudged } = await tx.client.query<{ id: string }>(
      `select m.id from messages m where m.conversation_id = $1 and m.kind in ('first_touch', 'follow_up')
          and m.status not in ('queued', 'failed', 'blocked')
          and not exists (select 1 from turn_analyses a where a.message_id = m.id)`,
      [route.id],
    );
    await enqueueOverseer(app.boss, tx, [
      ...unjudged.map((m) => ({ orgId: sms.orgId, messageId: m.id })),
      { orgId: sms.orgId, messageId: inbound.id },
    ]);
    if (!compliance && route.campaignId)
      await enqueueAgentReply(app.boss, tx, { orgId: sms.orgId, messageId: inbound.id });
    return { duplicate: false, conversationId: route.id, compliance, campaignId: route.campaignId };
  });
  for (const m of created) announceMessage(app.publish, sms.orgId, "message.created", m);
  if (!result.duplicate) announceCampaign(app.publish, sms.orgId, result.campaignId);
  return {
    duplicate: result.duplicate,
    conversationId: result.conversationId,
    compliance: result.compliance,
  };
}

/** A text from a number we have no conversation with: find or create the lead, open a conversation. */
async function startConversation(tx: TTx, sms: TInboundSms) {
  const { rows } = await tx.client.query<{ id: string }>(
    `insert into leads (org_id, phone, time_zone, time_zone_source) values ($1, $2, 'America/New_York', 'default')
     on conflict (org_id, phone) do update set updated_at = leads.updated_at returning id`,
    [sms.orgId, sms.from],
  );
  const leadId = rows[0]?.id as string;
  const id = await ensureConversation(tx, {
    orgId: sms.orgId,
    campaignId: null,
    leadId,
    leadPhone: sms.from,
    ourNumber: sms.to,
  });
  return { id, campaignId: null, leadId };
}

async function applyCompliance(
  tx: TTx,
  sms: TInboundSms,
  intent: ReturnType<typeof classifyComplianceKeyword>,
): Promise<{ body: string; conversationStatus?: string } | null> {
  if (!intent) return null;
  const identity = await getSmsIdentity(tx);
  if (intent === "help") return { body: identity.helpText };
  if (intent === "opt_out") {
    const keyword = sms.body.trim().slice(0, 40);
    const added = await insertOptOut(tx, { orgId: sms.orgId, phone: sms.from, source: "keyword", keyword });
    await stopCampaignsFor(tx, [sms.from]);
    await tx.client.query("update conversations set status = 'opted_out' where lead_phone = $1", [sms.from]);
    // One confirmation only: a second STOP from an opted-out number gets no reply.
    return added ? { body: identity.optOutConfirmation, conversationStatus: "opted_out" } : null;
  }
  const removed = await deleteOptOut(tx, sms.from);
  if (!removed) return null;
  await tx.client.query(
    "update conversations set status = 'open' where lead_phone = $1 and status = 'opted_out'",
    [sms.from],
  );
  return { body: identity.optInConfirmation, conversationStatus: "open" };
}

async function markReplied(tx: TTx, leadId: string, campaignId: string | null): Promise<void> {
  if (!campaignId) return;
  await tx.client.query(
    `update campaign_leads cl set
        replied_at = coalesce(cl.replied_at, now()),
        stage = case when cl.stage in ('queued', 'contacted') then 'replied'
                     when cl.stage = 'replied' then 'engaged' else cl.stage end,
        next_touch_at = case when c.stop_on_reply then null else cl.next_touch_at end
       from campaigns c
      where c.id = cl.campaign_id and cl.campaign_id = $1 and cl.lead_id = $2`,
    [campaignId, leadId],
  );
}
