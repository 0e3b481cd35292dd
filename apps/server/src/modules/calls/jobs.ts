import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { z } from "zod";
import type { TAppContext } from "../../app-context.js";
import { AudioError, findFfmpeg, transcodeForSpeech } from "../../integrations/audio/ffmpeg.js";
import { computePeaks } from "../../integrations/audio/peaks.js";
import type { BlobStore } from "../../platform/blobs/index.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { CALL_QUEUES, CALL_STEP_RETRIES, STEP_PROGRESS, type TCallJob } from "./pipeline.js";
import { savePeaks } from "./queries.js";
import { advance, runStep } from "./step.js";

export const ZCallJob = z.object({ orgId: z.uuid(), callId: z.uuid() });

/** A scratch folder for one step's files, removed whatever happens. */
export async function withScratch<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "plaibook-call-"));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Copies a blob to a local file (ffmpeg and speech-to-text want files) and returns its path. */
export async function fetchBlob(blobs: BlobStore, key: string, dir: string, name: string): Promise<string> {
  const path = join(dir, name);
  await pipeline(await blobs.get(key), createWriteStream(path));
  return path;
}

/** The recording is in storage (an upload put it there; a phone system's source will fetch it here). */
export const callIngestJob = defineJob<TCallJob, TAppContext>({
  name: CALL_QUEUES.ingest,
  payload: ZCallJob,
  retryLimit: CALL_STEP_RETRIES,
  handle: (job, ctx) =>
    runStep(ctx.app, job, ctx, "received", "Receiving the recording", async (call) => {
      if (!(await ctx.app.blobs.head(call.originalKey)))
        throw new AudioError("not_audio", "The recording is missing from storage; upload it again");
      await advance(
        ctx.app,
        job,
        "received",
        { status: "transcoding", progress: STEP_PROGRESS.transcoding },
        "transcode",
      );
    }),
});

/** ffmpeg to 16 kHz mono WAV (what speech-to-text wants), measuring the duration and the waveform. */
export const callTranscodeJob = defineJob<TCallJob, TAppContext>({
  name: CALL_QUEUES.transcode,
  payload: ZCallJob,
  retryLimit: CALL_STEP_RETRIES,
  concurrency: 2,
  // A long recording takes seconds; a killed worker's call comes back after this.
  expireInSeconds: 300,
  heartbeatSeconds: 10,
  handle: (job, ctx) =>
    runStep(ctx.app, job, ctx, "transcoding", "Converting the recording", async (call) => {
      const { app } = ctx;
      const ffmpeg = findFfmpeg(app.config.FFMPEG_PATH);
      if (!ffmpeg)
        throw new AudioError("missing_tool", "ffmpeg is not installed: install it or set FFMPEG_PATH");
      await withScratch(async (dir) => {
        const original = await fetchBlob(
          app.blobs,
          call.originalKey,
          dir,
          call.originalKey.split("/").at(-1) ?? "original",
        );
        const speech = join(dir, "speech-16k.wav");
        const { durationSeconds } = await transcodeForSpeech(ffmpeg, original, speech);
        const peaks = await computePeaks(speech);
        const audioKey = `${job.orgId}/calls/${job.callId}/speech-16k.wav`;
        await app.blobs.put(audioKey, createReadStream(speech), { contentType: "audio/wav" });
        await advance(
          app,
          job,
          "transcoding",
          { status: "transcribing", progress: STEP_PROGRESS.transcribing, audioKey, durationSeconds },
          "transcribe",
          (tx) => savePeaks(tx, job.callId, peaks),
        );
      });
    }),
});
