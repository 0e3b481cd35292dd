import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { TAppContext } from "../../app-context.js";
import { AudioError, findFfmpeg, transcodeForSpeech } from "../../integrations/audio/ffmpeg.js";
import { withOrg } from "../../platform/db/with-org.js";
import { defineJob, type TJobContext } from "../../platform/queue/jobs.js";
import { announceCallProgress } from "./events.js";
import { CALL_QUEUES, CALL_STEP_RETRIES, enqueueCallStep, type TCallJob } from "./pipeline.js";
import { findCall, publicCall, type TCallRecord, updateCallStep } from "./queries.js";

const ZCallJob = z.object({ orgId: z.uuid(), callId: z.uuid() });

/** Marks the call failed with a reason a manager can act on; the queue moves on. */
async function failCall(app: TAppContext, job: TCallJob, reason: string): Promise<void> {
  const call = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    await updateCallStep(tx, job.callId, { status: "failed", progress: 100, reason });
    return findCall(tx, job.callId);
  });
  if (call) announceCallProgress(app.publish, job.orgId, publicCall(call));
}

/**
 * Runs one step only while the call is at it (`at`), so a retried or duplicated job never redoes a
 * finished step; after the last retry the call is marked failed with the reason instead of waiting
 * for ever.
 */
async function step(
  app: TAppContext,
  job: TCallJob,
  ctx: TJobContext<TAppContext>,
  at: TCallRecord["status"],
  what: string,
  work: (call: TCallRecord) => Promise<void>,
): Promise<void> {
  const call = await withOrg(app.db.appPool, job.orgId, (tx) => findCall(tx, job.callId));
  if (!call || call.status !== at) return;
  try {
    await work(call);
  } catch (error) {
    if (error instanceof AudioError && error.kind !== "failed") return failCall(app, job, error.message);
    if (ctx.retryCount >= CALL_STEP_RETRIES) {
      const message = error instanceof Error ? error.message : String(error);
      return failCall(app, job, `${what} failed after ${ctx.retryCount + 1} tries: ${message}`);
    }
    throw error;
  }
}

/** Moves the call on from `from` (if it is still there) and queues the next step, in one transaction. */
async function advance(
  app: TAppContext,
  job: TCallJob,
  from: TCallRecord["status"],
  next: Parameters<typeof updateCallStep>[2],
  then: "transcode" | null,
): Promise<void> {
  const call = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    const current = await findCall(tx, job.callId, { lock: true });
    if (!current || current.status !== from) return null;
    await updateCallStep(tx, job.callId, next);
    if (then) await enqueueCallStep(app.boss, tx, then, job);
    return findCall(tx, job.callId);
  });
  if (call) announceCallProgress(app.publish, job.orgId, publicCall(call));
}

/** The recording is in storage (an upload put it there; a phone system's source will fetch it here). */
export const callIngestJob = defineJob<TCallJob, TAppContext>({
  name: CALL_QUEUES.ingest,
  payload: ZCallJob,
  retryLimit: CALL_STEP_RETRIES,
  handle: (job, ctx) =>
    step(ctx.app, job, ctx, "received", "Receiving the recording", async (call) => {
      if (!(await ctx.app.blobs.head(call.originalKey)))
        throw new AudioError("not_audio", "The recording is missing from storage; upload it again");
      await advance(ctx.app, job, "received", { status: "transcoding", progress: 10 }, "transcode");
    }),
});

/** ffmpeg to 16 kHz mono WAV (what speech-to-text wants), measuring the duration. */
export const callTranscodeJob = defineJob<TCallJob, TAppContext>({
  name: CALL_QUEUES.transcode,
  payload: ZCallJob,
  retryLimit: CALL_STEP_RETRIES,
  concurrency: 2,
  // A long recording takes seconds; a killed worker's call comes back after this.
  expireInSeconds: 300,
  handle: (job, ctx) =>
    step(ctx.app, job, ctx, "transcoding", "Converting the recording", async (call) => {
      const { app } = ctx;
      const ffmpeg = findFfmpeg(app.config.FFMPEG_PATH);
      if (!ffmpeg)
        throw new AudioError("missing_tool", "ffmpeg is not installed: install it or set FFMPEG_PATH");
      const dir = await mkdtemp(join(tmpdir(), "plaibook-call-"));
      try {
        const original = join(dir, call.originalKey.split("/").at(-1) ?? "original");
        await pipeline(await app.blobs.get(call.originalKey), createWriteStream(original));
        const speech = join(dir, "speech-16k.wav");
        const { durationSeconds } = await transcodeForSpeech(ffmpeg, original, speech);
        const audioKey = `${job.orgId}/calls/${job.callId}/speech-16k.wav`;
        await app.blobs.put(audioKey, createReadStream(speech), { contentType: "audio/wav" });
        // Speech-to-text and the analysis come next (not built yet): a supplied transcript goes
        // straight to analysis; without one the call waits, saying why.
        await advance(
          app,
          job,
          "transcoding",
          call.suppliedTranscript
            ? { status: "analyzing", progress: 60, audioKey, durationSeconds }
            : {
                status: "needs_transcript",
                progress: 40,
                audioKey,
                durationSeconds,
                reason:
                  "No speech-to-text is set up for this organisation: upload the call with its transcript",
              },
          null,
        );
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }),
});
