import type { TAppContext } from "./app-context.js";
import { agentReplyJob, notifyJob, overseerTurnJob } from "./modules/agent/jobs.js";
import { pruneRefreshTokensJob } from "./modules/auth/jobs.js";
import { callAnalyzeJob } from "./modules/calls/analyze-job.js";
import { callIngestJob, callTranscodeJob } from "./modules/calls/jobs.js";
import { callTranscribeJob } from "./modules/calls/transcribe-job.js";
import { campaignTickJob } from "./modules/campaigns/jobs.js";
import { sandboxBotJob, smsInboundJob, smsSendJob, smsStatusJob } from "./modules/messaging/jobs.js";
import type { TJobDefinition } from "./platform/queue/jobs.js";

/** Every queue the worker role serves. */
export const allJobs: TJobDefinition<never, TAppContext>[] = [
  pruneRefreshTokensJob,
  campaignTickJob,
  smsSendJob,
  smsStatusJob,
  smsInboundJob,
  sandboxBotJob,
  agentReplyJob,
  overseerTurnJob,
  notifyJob,
  callIngestJob,
  callTranscodeJob,
  callTranscribeJob,
  callAnalyzeJob,
] as TJobDefinition<never, TAppContext>[];
