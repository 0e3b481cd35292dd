import { ZCallAnalysis, ZOrgAiSettings } from "@plaibook/shared";
import { billableUsage } from "../../ai/routing.js";
import type { TAppContext } from "../../app-context.js";
import { withOrg } from "../../platform/db/with-org.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { enginesFor } from "../agent/engines.js";
import { recordModelUsage } from "../billing/record-usage.js";
import { readCallSettings } from "./call-settings.js";
import { ZCallJob } from "./jobs.js";
import { CALL_QUEUES, CALL_STEP_RETRIES, STEP_PROGRESS, type TCallJob } from "./pipeline.js";
import { findTranscript, saveAnalysis } from "./queries.js";
import { advance, CallInputError, runStep } from "./step.js";

/** The transcript, the org's AI settings and its own objection subcategories, read in one go. */
async function loadAnalysisInput(app: TAppContext, job: TCallJob) {
  return withOrg(app.db.appPool, job.orgId, async (tx) => {
    const { rows } = await tx.client.query<{ ai_settings: unknown }>(
      "select ai_settings from organizations limit 1",
    );
    return {
      segments: await findTranscript(tx, job.callId),
      aiSettings: ZOrgAiSettings.parse(rows[0]?.ai_settings ?? {}),
      callSettings: await readCallSettings(tx),
    };
  });
}

/** Stages, objections, outcome, talk metrics and coaching, by the org's engines (LLM → offline). */
export const callAnalyzeJob = defineJob<TCallJob, TAppContext>({
  name: CALL_QUEUES.analyze,
  payload: ZCallJob,
  retryLimit: CALL_STEP_RETRIES,
  concurrency: 4,
  expireInSeconds: 300,
  heartbeatSeconds: 10,
  handle: (job, ctx) =>
    runStep(ctx.app, job, ctx, "analyzing", "Analysing the call", async () => {
      const { app } = ctx;
      const { segments, aiSettings, callSettings } = await loadAnalysisInput(app, job);
      if (!segments || segments.length === 0)
        throw new CallInputError("The call has no transcript to analyse: retry it to transcribe it again");
      const result = await enginesFor(app.config, aiSettings).callAnalyzer.analyze({
        segments,
        customObjections: callSettings.customObjections,
      });
      // Whichever engine answered, nothing unchecked is stored.
      const analysis = ZCallAnalysis.parse(result.analysis);
      const engine = result.usage.engine === "offline" ? "offline" : result.usage.model;
      await advance(
        app,
        job,
        "analyzing",
        { status: "analyzed", progress: STEP_PROGRESS.analyzed },
        null,
        async (tx) => {
          await saveAnalysis(tx, job.callId, analysis, engine);
          await recordModelUsage(tx, {
            orgId: job.orgId,
            conversationId: null,
            refType: "call_analysis",
            refId: job.callId,
            usage: billableUsage(result),
            prices: app.config.AI_MODEL_PRICES,
          });
        },
      );
    }),
});
