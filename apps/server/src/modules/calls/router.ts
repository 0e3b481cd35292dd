import { ZCallListQuery, ZCallSettings, ZSuppliedTranscript } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { recordAudit } from "../audit/record-audit.js";
import { signedAudioUrl } from "./audio-link.js";
import { readCallSettings, saveCallSettings } from "./call-settings.js";
import { announceCallProgress } from "./events.js";
import { getCallDetail, listCallReps, listCalls } from "./read-calls.js";
import { retryCall, supplyTranscript } from "./retry-call.js";

export const callsRouter = router({
  /** Calls the person may see, filtered and paged on the server. */
  list: procedureWith("calls.view")
    .input(ZCallListQuery)
    .query(({ ctx, input }) => listCalls(ctx.uc.tx, ctx.uc.actor, input)),

  /** One call with its transcript, analysis, waveform and a signed link to its audio. */
  get: procedureWith("calls.view")
    .input(z.object({ id: z.uuid() }))
    .query(async ({ ctx, input }) => {
      const call = await getCallDetail(ctx.uc.tx, ctx.uc.actor, input.id);
      return { ...call, audioUrl: await signedAudioUrl(ctx.services.tokens, ctx.uc.actor.orgId, call.id) };
    }),

  retry: procedureWith("calls.upload")
    .input(z.object({ id: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const call = await retryCall(ctx.uc, ctx.services.app.boss, input.id);
      ctx.uc.afterCommit?.(() => announceCallProgress(ctx.services.app.publish, ctx.uc.actor.orgId, call));
      return call;
    }),

  /** The transcript of a call that waits for one (a JSON file the person has); the analysis follows. */
  supplyTranscript: procedureWith("calls.upload")
    .input(z.object({ id: z.uuid(), transcript: ZSuppliedTranscript }))
    .mutation(async ({ ctx, input }) => {
      const call = await supplyTranscript(ctx.uc, ctx.services.app.boss, input.id, input.transcript);
      ctx.uc.afterCommit?.(() => announceCallProgress(ctx.services.app.publish, ctx.uc.actor.orgId, call));
      return call;
    }),

  reps: procedureWith("calls.view").query(({ ctx }) => listCallReps(ctx.uc.tx, ctx.uc.actor)),
});

export const callSettingsRouter = router({
  get: procedureWith("calls.view").query(({ ctx }) => readCallSettings(ctx.uc.tx)),

  update: procedureWith("calls.settings")
    .input(ZCallSettings)
    .mutation(async ({ ctx, input }) => {
      await saveCallSettings(ctx.uc.tx, input);
      await recordAudit(ctx.uc.tx, ctx.uc.meta, {
        action: "org.call_settings_updated",
        orgId: ctx.uc.actor.orgId,
        actorUserId: ctx.uc.actor.userId,
        details: {
          transcription: input.transcription.engine,
          customObjections: input.customObjections.length,
        },
      });
      return readCallSettings(ctx.uc.tx);
    }),
});
