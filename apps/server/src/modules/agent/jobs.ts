import type { TAppContext } from "../../app-context.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { notifyEscalation } from "../escalations/notify-escalation.js";
import { analyzeTurn } from "../overseer/analyze-turn.js";
import { analyzeTurns } from "../overseer/analyze-turns.js";
import {
  AGENT_REPLY_QUEUE,
  NOTIFY_QUEUE,
  OVERSEER_TURN_QUEUE,
  type TMessageJob,
  type TNotifyJob,
  ZMessageJob,
  ZNotifyJob,
} from "./queues.js";
import { replyToLead } from "./reply-to-lead.js";
import { replyToLeads } from "./reply-to-leads.js";

export const agentReplyJob = defineJob<TMessageJob, TAppContext>({
  name: AGENT_REPLY_QUEUE,
  payload: ZMessageJob,
  // Two model attempts of 8 s each, plus tools: a stuck reply comes back within a minute.
  expireInSeconds: 60,
  // A whole batch costs a dozen statements, so big batches keep up with bursts of replies.
  batchSize: 100,
  concurrency: 8,
  // Busy queues are answered a batch at a time (a few statements per batch); one job alone, as ever.
  handleBatch: (payloads, { app }) => replyToLeads(app, payloads),
  handle: async (payload, { app, log }) => {
    const outcome = await replyToLead(app, payload);
    if (outcome.status === "skipped")
      log.debug({ ...payload, reason: outcome.reason }, "agent did not reply");
  },
});

export const overseerTurnJob = defineJob<TMessageJob, TAppContext>({
  name: OVERSEER_TURN_QUEUE,
  payload: ZMessageJob,
  expireInSeconds: 60,
  batchSize: 100,
  concurrency: 8,
  handleBatch: (payloads, { app }) => analyzeTurns(app, payloads),
  handle: async (payload, { app }) => {
    await analyzeTurn(app, payload);
  },
});

/** Slack alerts. Slack allows about one message a second per channel, so few run at once. */
export const notifyJob = defineJob<TNotifyJob, TAppContext>({
  name: NOTIFY_QUEUE,
  payload: ZNotifyJob,
  concurrency: 2,
  retryLimit: 5,
  handle: async (payload, { app }) => {
    await notifyEscalation(app, payload, async (afterSeconds) => {
      await app.boss.send(NOTIFY_QUEUE, payload, { startAfter: new Date(Date.now() + afterSeconds * 1000) });
    });
  },
});
