import { countSegments, type TBusinessHours, type TMessage } from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import { SmsSendError, type TSmsProviderName } from "../../integrations/ports.js";
import { withOrg } from "../../platform/db/with-org.js";
import { recordUsage } from "../billing/record-usage.js";
import { isOptedOut, lockConsent } from "../compliance/queries.js";
import { nextSendTime } from "../compliance/send-window.js";
import { announceCampaign, announceMessage } from "./events.js";
import { getMessage, touchConversation } from "./queries.js";
import { SMS_STATUS_QUEUE } from "./send-queue.js";

type TSendRow = {
  id: string;
  status: TMessage["status"];
  body: string;
  from_number: string;
  to_number: string;
  provider: TSmsProviderName;
  kind: TMessage["kind"];
  lead_id: string;
  campaign_id: string | null;
  conversation_id: string;
  lead_time_zone: string;
  business_hours: TBusinessHours | null;
  campaign_status: string | null;
  messaging_service_sid: string | null;
};

export type TSendOutcome = "sent" | "blocked" | "rescheduled" | "skipped" | "failed" | "interrupted";

/**
 * Sends one queued message, at most once:
 * 1. claim it (queued → sending) and check the send window, in one short transaction;
 * 2. under the consent lock, re-check the opt-out, call the provider and mark it sent — so a STOP
 *    that races the send either wins (nothing is sent) or arrives after the text went out.
 * A message found still `sending` was interrupted mid-send: an idempotent provider (Sandbox) is asked
 * again with the same id; for any other it is marked failed rather than risk texting twice.
 */
export async function sendQueuedMessage(
  app: Pick<TAppContext, "db" | "sms" | "publish" | "config" | "boss">,
  input: { orgId: string; messageId: string },
  reschedule: (startAfter: Date) => Promise<void>,
): Promise<TSendOutcome> {
  const { orgId, messageId } = input;
  const claim = await withOrg(app.db.appPool, orgId, async (tx) => {
    const { rows } = await tx.client.query<TSendRow>(
      `select m.id, m.status, m.body, m.from_number, m.to_number, m.provider, m.kind, m.lead_id, m.campaign_id,
              m.conversation_id, l.time_zone as lead_time_zone, c.business_hours, c.status as campaign_status,
              p.messaging_service_sid
         from messages m
         join leads l on l.id = m.lead_id
         left join campaigns c on c.id = m.campaign_id
         left join phone_numbers p on p.e164 = m.from_number
        where m.id = $1 for update of m`,
      [messageId],
    );
    const row = rows[0];
    if (!row) return { action: "skip" as const };
    if (row.status === "sending") return { action: "resume" as const, row };
    if (row.status !== "queued") return { action: "skip" as const };
    // Campaign touches wait while the campaign is paused, and stop for good when it is completed.
    if (row.campaign_status === "paused" && row.kind !== "compliance")
      return { action: "wait" as const, at: new Date(Date.now() + 60_000) };
    if (row.campaign_status === "completed" && (row.kind === "first_touch" || row.kind === "follow_up")) {
      await tx.client.query(
        "update messages set status = 'blocked', error_message = 'campaign completed' where id = $1",
        [messageId],
      );
      return { action: "skip" as const };
    }
    if (row.business_hours && row.kind !== "compliance" && row.kind !== "manual") {
      const at = nextSendTime(new Date(), row.lead_time_zone, row.business_hours);
      if (!at) {
        await tx.client.query(
          "update messages set status = 'failed', error_message = 'no allowed send time within 8 days' where id = $1",
          [messageId],
        );
        return { action: "skip" as const };
      }
      if (at.getTime() > Date.now()) {
        await tx.client.query("update messages set scheduled_for = $2 where id = $1", [messageId, at]);
        // Watchers see when it will go out (a reply held back by quiet hours, say).
        const deferred = { leadId: row.lead_id, message: await getMessage(tx, messageId) };
        return { action: "wait" as const, at, deferred };
      }
    }
    await tx.client.query("update messages set status = 'sending' where id = $1", [messageId]);
    return { action: "send" as const, row };
  });

  if (claim.action === "skip") return "skipped";
  if (claim.action === "wait") {
    await reschedule(claim.at);
    if ("deferred" in claim && claim.deferred)
      announceMessage(app.publish, orgId, "message.status", claim.deferred);
    return "rescheduled";
  }
  const { row } = claim;
  const provider = app.sms[row.provider];
  if (!provider) throw new Error(`no SMS provider "${row.provider}" is configured`);
  if (claim.action === "resume" && !provider.idempotent) {
    await finish(app, orgId, row, {
      status: "failed",
      errorCode: "interrupted",
      errorMessage: "the send was interrupted; not retried to avoid a duplicate text",
    });
    return "interrupted";
  }

  const outcome = await withOrg(app.db.appPool, orgId, async (tx) => {
    await lockConsent(tx, orgId, row.to_number);
    if (row.kind !== "compliance" && (await isOptedOut(tx, row.to_number))) {
      await tx.client.query(
        "update messages set status = 'blocked', error_message = 'recipient opted out' where id = $1",
        [messageId],
      );
      return { kind: "blocked" as const };
    }
    try {
      const result = await provider.send({
        clientRef: row.id,
        orgId,
        from: row.from_number,
        to: row.to_number,
        body: row.body,
        messagingServiceSid: row.messaging_service_sid,
      });
      const segments = countSegments(row.body);
      await tx.client.query(
        "update messages set status = 'sent', provider_sid = $2, sent_at = now(), segments = $3, encoding = $4 where id = $1",
        [messageId, result.sid, segments.segments, segments.encoding],
      );
      const cost = await recordUsage(tx, {
        orgId,
        kind: "sms_segment_out",
        quantity: segments.segments,
        unitCostMicros: app.config.SMS_SEGMENT_COST_MICROS,
        refType: "message",
        refId: messageId,
        conversationId: row.conversation_id,
      });
      await touchConversation(tx, row.conversation_id, { preview: row.body, costMicros: cost });
      return { kind: "sent" as const, sid: result.sid };
    } catch (error) {
      if (error instanceof SmsSendError)
        return error.retryable ? { kind: "retry" as const, error } : { kind: "rejected" as const, error };
      throw error;
    }
  });

  if (outcome.kind === "retry") {
    // Not taken by the provider: back to queued, and the job's retry (with backoff) sends it again.
    await withOrg(app.db.appPool, orgId, (tx) =>
      tx.client.query(
        "update messages set status = 'queued', error_code = $2, error_message = $3 where id = $1 and status = 'sending'",
        [messageId, outcome.error.code, outcome.error.message],
      ),
    );
    throw outcome.error;
  }

  if (outcome.kind === "rejected") {
    await finish(app, orgId, row, {
      status:
        outcome.error.kind === "undeliverable" || outcome.error.kind === "invalid_number"
          ? "undeliverable"
          : "failed",
      errorCode: outcome.error.code,
      errorMessage: outcome.error.message,
      optOut: outcome.error.kind === "opted_out",
    });
    return "failed";
  }
  if (outcome.kind === "sent" && provider.name === "sandbox") {
    // The Sandbox carrier "delivers" a moment later, as a real one would report.
    await app.boss.send(
      SMS_STATUS_QUEUE,
      { orgId, provider: "sandbox", sid: outcome.sid, status: "delivered" },
      { startAfter: new Date(Date.now() + app.config.SANDBOX_DELIVERY_DELAY_MS) },
    );
  }
  await announce(app, orgId, row);
  return outcome.kind;
}

async function finish(
  app: Pick<TAppContext, "db" | "publish">,
  orgId: string,
  row: TSendRow,
  result: { status: "failed" | "undeliverable"; errorCode: string; errorMessage: string; optOut?: boolean },
): Promise<void> {
  await withOrg(app.db.appPool, orgId, async (tx) => {
    await tx.client.query(
      "update messages set status = $2, error_code = $3, error_message = $4 where id = $1",
      [row.id, result.status, result.errorCode, result.errorMessage],
    );
    if (result.optOut) {
      // The carrier says this number has opted out (e.g. Twilio 21610): honour it everywhere.
      await tx.client.query(
        "insert into opt_outs (org_id, phone, source, keyword) values ($1, $2, 'carrier', $3) on conflict do nothing",
        [orgId, row.to_number, result.errorCode],
      );
    }
    if (row.campaign_id && (result.status === "undeliverable" || result.optOut)) {
      await tx.client.query(
        "update campaign_leads set stage = $3, next_touch_at = null where campaign_id = $1 and lead_id = $2",
        [row.campaign_id, row.lead_id, result.optOut ? "opted_out" : "undeliverable"],
      );
    }
  });
  await announce(app, orgId, row);
}

async function announce(
  app: Pick<TAppContext, "db" | "publish">,
  orgId: string,
  row: TSendRow,
): Promise<void> {
  const message = await withOrg(app.db.appPool, orgId, (tx) => getMessage(tx, row.id));
  announceMessage(app.publish, orgId, "message.status", { leadId: row.lead_id, message });
  announceCampaign(app.publish, orgId, row.campaign_id);
}
