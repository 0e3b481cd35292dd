import { z } from "zod";
import type { TAppContext } from "../../app-context.js";
import { withOrg } from "../../platform/db/with-org.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { applyDeliveryStatus } from "./apply-status.js";
import { getInbox, markInboxProcessed } from "./queries.js";
import { receiveInbound } from "./receive-message.js";
import { runSandboxBot, sandboxBotEnabled } from "./sandbox-bot.js";
import { sendQueuedMessage } from "./send-message.js";
import {
  SANDBOX_BOT_QUEUE,
  SMS_INBOUND_QUEUE,
  SMS_SEND_QUEUE,
  SMS_STATUS_QUEUE,
  ZSendPayload,
} from "./send-queue.js";

export const smsSendJob = defineJob<z.infer<typeof ZSendPayload>, TAppContext>({
  name: SMS_SEND_QUEUE,
  payload: ZSendPayload,
  // Sending one text takes well under a second; a killed worker's sends come back quickly.
  expireInSeconds: 30,
  batchSize: 20,
  concurrency: 8,
  handle: async (payload, { app }) => {
    await sendQueuedMessage(app, payload, async (startAfter) => {
      await app.boss.send(SMS_SEND_QUEUE, payload, { startAfter });
    });
  },
});

const ZStatusPayload = z.object({
  orgId: z.uuid(),
  provider: z.string(),
  sid: z.string(),
  status: z.enum(["queued", "sent", "delivered", "failed", "undeliverable"]),
  errorCode: z.string().nullish(),
  errorMessage: z.string().nullish(),
});

export const smsStatusJob = defineJob<z.infer<typeof ZStatusPayload>, TAppContext>({
  name: SMS_STATUS_QUEUE,
  payload: ZStatusPayload,
  batchSize: 20,
  concurrency: 4,
  handle: async (payload, { app }) => {
    const changed = await applyDeliveryStatus(app, payload);
    if (
      changed &&
      payload.provider === "sandbox" &&
      payload.status === "delivered" &&
      (await sandboxBotEnabled(app, payload.orgId))
    ) {
      await app.boss.send(
        SANDBOX_BOT_QUEUE,
        { orgId: payload.orgId, sid: payload.sid },
        { startAfter: new Date(Date.now() + 2500) },
      );
    }
  },
});

const ZInboundPayload = z.object({ orgId: z.uuid(), inboxId: z.uuid() });

/** Webhook deliveries accepted by the api (inbox row + this job, one transaction) are processed here. */
export const smsInboundJob = defineJob<z.infer<typeof ZInboundPayload>, TAppContext>({
  name: SMS_INBOUND_QUEUE,
  payload: ZInboundPayload,
  batchSize: 20,
  concurrency: 4,
  handle: async ({ orgId, inboxId }, { app }) => {
    const entry = await withOrg(app.db.appPool, orgId, (tx) => getInbox(tx, inboxId));
    if (!entry || entry.processed_at) return;
    const p = entry.payload;
    if (entry.kind === "inbound") {
      await receiveInbound(app, {
        orgId,
        provider: entry.provider,
        sid: p.MessageSid ?? p.sid ?? "",
        from: p.From ?? "",
        to: p.To ?? "",
        body: p.Body ?? "",
      });
    } else if (entry.kind === "status") {
      await applyDeliveryStatus(app, {
        orgId,
        provider: entry.provider,
        sid: p.MessageSid ?? "",
        status: (p.NormalizedStatus ?? "sent") as z.infer<typeof ZStatusPayload>["status"],
        errorCode: p.ErrorCode ?? null,
        errorMessage: p.ErrorMessage ?? null,
      });
    }
    await withOrg(app.db.appPool, orgId, (tx) => markInboxProcessed(tx, inboxId));
  },
});

export const sandboxBotJob = defineJob<{ orgId: string; sid: string }, TAppContext>({
  name: SANDBOX_BOT_QUEUE,
  payload: z.object({ orgId: z.uuid(), sid: z.string() }),
  concurrency: 2,
  handle: async (payload, { app }) => runSandboxBot(app, payload),
});
