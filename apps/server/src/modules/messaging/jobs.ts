import { z } from "zod";
import type { TAppContext } from "../../app-context.js";
import { groupBy } from "../../platform/collections.js";
import { withOrg } from "../../platform/db/with-org.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { applyDeliveryStatus } from "./apply-status.js";
import { getInbox, getInboxEntries, markInboxEntriesProcessed, markInboxProcessed } from "./queries.js";
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

type TInboxEntry = Omit<NonNullable<Awaited<ReturnType<typeof getInbox>>>, "id">;

/** One webhook delivery: a text from a lead, or a delivery report. */
async function processInboxEntry(app: TAppContext, orgId: string, entry: TInboxEntry): Promise<void> {
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
}

/** Texts between the same two numbers stay in order; different conversations run side by side. */
const INBOX_LANES = 16;
const laneOf = (entry: TInboxEntry) =>
  entry.kind === "inbound"
    ? `${entry.payload.From}|${entry.payload.To}`
    : `status|${entry.payload.MessageSid}`;

/** Webhook deliveries accepted by the api (inbox row + this job, one transaction) are processed here. */
export const smsInboundJob = defineJob<z.infer<typeof ZInboundPayload>, TAppContext>({
  name: SMS_INBOUND_QUEUE,
  payload: ZInboundPayload,
  batchSize: 40,
  concurrency: 4,
  // A lead's second text must not overtake the first: one batch at a time, in the order received.
  inOrder: true,
  handle: async ({ orgId, inboxId }, { app }) => {
    const entry = await withOrg(app.db.appPool, orgId, (tx) => getInbox(tx, inboxId));
    if (!entry || entry.processed_at) return;
    await processInboxEntry(app, orgId, entry);
    await withOrg(app.db.appPool, orgId, (tx) => markInboxProcessed(tx, inboxId));
  },
  /**
   * A busy inbox: one read and one "processed" mark per organisation for the whole batch instead of
   * two transactions per delivery, and the deliveries themselves in parallel lanes (one per
   * conversation, across organisations). Each delivery is
   * idempotent on its MessageSid, so a batch cut short is simply run again.
   */
  handleBatch: async (payloads, { app }) => {
    const outcomes: (Error | null)[] = payloads.map(() => null);
    const jobs = payloads.map((payload, index) => ({ ...payload, index }));
    const byOrg = [...groupBy(jobs, (j) => j.orgId)];
    const entries = new Map<string, TInboxEntry & { received_at: Date }>();
    await Promise.all(
      byOrg.map(async ([orgId, ofOrg]) => {
        const found = await withOrg(app.db.appPool, orgId, (tx) =>
          getInboxEntries(
            tx,
            ofOrg.map((j) => j.inboxId),
          ),
        );
        for (const [id, entry] of found) entries.set(id, entry);
      }),
    );
    const received = (inboxId: string) => entries.get(inboxId)?.received_at.getTime() ?? 0;
    const inArrivalOrder = [...jobs].sort((a, b) => received(a.inboxId) - received(b.inboxId));
    const lanes = [
      ...groupBy(inArrivalOrder, (j) => {
        const entry = entries.get(j.inboxId);
        return entry ? `${j.orgId}|${laneOf(entry)}` : j.inboxId;
      }).values(),
    ];
    const done: { orgId: string; inboxId: string }[] = [];
    let next = 0;
    const runLane = async () => {
      for (let i = next++; i < lanes.length; i = next++) {
        for (const job of lanes[i] ?? []) {
          const entry = entries.get(job.inboxId);
          if (!entry || entry.processed_at) continue;
          try {
            await processInboxEntry(app, job.orgId, entry);
            done.push(job);
          } catch (error) {
            outcomes[job.index] = error instanceof Error ? error : new Error(String(error));
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(INBOX_LANES, lanes.length) }, runLane));
    await Promise.all(
      [...groupBy(done, (d) => d.orgId)].map(([orgId, ofOrg]) =>
        withOrg(app.db.appPool, orgId, (tx) =>
          markInboxEntriesProcessed(
            tx,
            ofOrg.map((d) => d.inboxId),
          ),
        ),
      ),
    );
    return outcomes;
  },
});

export const sandboxBotJob = defineJob<{ orgId: string; sid: string }, TAppContext>({
  name: SANDBOX_BOT_QUEUE,
  payload: z.object({ orgId: z.uuid(), sid: z.string() }),
  concurrency: 2,
  handle: async (payload, { app }) => runSandboxBot(app, payload),
});
