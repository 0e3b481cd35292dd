import type { TAppContext } from "../../app-context.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { notifyEscalation } from "../escalations/notify-escalation.js";
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
import { replyToLeads } from "./reply-to-leads.js";

export const agentReplyJob = defineJob<TMessageJob, TAppContext>({
  name: AGENT_REPLY_QUEUE,
  payload: ZMessageJob,
  // Two model attempts of 8 s each, plus tools: a stuck reply comes back within a minute.
  expireInSeconds: 60,
  // A whole batch costs a dozen statements, so big batches keep up with bursts of replies.
  batchSize: 100,
  concurrency: 8,
  // A batch costs a few statements whatever its size (see replyToLeads).
  handleBatch: (payloads, { app }) => replyToLeads(app, payloads),
  handle: async (payload, { app }) => {
    const [error] = await replyToLeads(app, [payload]);
    if (error) throw error;
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
    const [error] = await analyzeTurns(app, [payload]);
    if (error) throw error;
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
