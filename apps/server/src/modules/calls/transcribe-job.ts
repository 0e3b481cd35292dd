import type { TTranscriptSegment } from "@plaibook/shared";
import type { TAppContext } from "../../app-context.js";
import { findFfmpeg } from "../../integrations/audio/ffmpeg.js";
import { TranscriptionError } from "../../integrations/ports.js";
import { createTranscriber } from "../../integrations/speech/index.js";
import { withOrg } from "../../platform/db/with-org.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { readCallSettings } from "./call-settings.js";
import { fetchBlob, withScratch, ZCallJob } from "./jobs.js";
import { CALL_QUEUES, CALL_STEP_RETRIES, STEP_PROGRESS, type TCallJob } from "./pipeline.js";
import { saveTranscript, type TCallRecord } from "./queries.js";
import { advance, CallInputError, progressReporter, runStep } from "./step.js";

/** Stores the transcript and hands the call to the analysis, in one transaction. */
function transcribed(
  app: TAppContext,
  job: TCallJob,
  transcript: { source: string; model: string | null; segments: TTranscriptSegment[] },
) {
  return advance(
    app,
    job,
    "transcribing",
    { status: "analyzing", progress: STEP_PROGRESS.analyzing },
    "analyze",
    (tx) => saveTranscript(tx, job.callId, transcript),
  );
}

/** The call waits, saying why; a transcript or a change of settings (then Retry) moves it on. */
function waitForTranscript(app: TAppContext, job: TCallJob, reason: string) {
  return advance(
    app,
    job,
    "transcribing",
    { status: "needs_transcript", progress: STEP_PROGRESS.transcribing, reason },
    null,
  );
}

async function speechToText(app: TAppContext, job: TCallJob, call: TCallRecord): Promise<void> {
  const settings = await withOrg(app.db.appPool, job.orgId, (tx) => readCallSettings(tx));
  const { transcriber, reason } = createTranscriber(settings.transcription, {
    baseUrl: app.config.TRANSCRIBE_BASE_URL,
    apiKey: app.config.TRANSCRIBE_API_KEY,
    model: app.config.TRANSCRIBE_MODEL,
    pocketsphinxPath: app.config.POCKETSPHINX_PATH,
    ffmpegPath: findFfmpeg(app.config.FFMPEG_PATH) ?? undefined,
  });
  if (!transcriber)
    return waitForTranscript(app, job, reason ?? "No speech-to-text is set up for this organisation");
  if (!call.audioKey || call.durationSeconds === null)
    throw new CallInputError("The converted recording is missing: retry the call to convert it again");
  const audioKey = call.audioKey;
  const durationSeconds = call.durationSeconds;

  await withScratch(async (dir) => {
    const originalPath = await fetchBlob(
      app.blobs,
      call.originalKey,
      dir,
      call.originalKey.split("/").at(-1) ?? "original",
    );
    const speechPath = await fetchBlob(app.blobs, audioKey, dir, "speech-16k.wav");
    try {
      const { segments, model } = await transcriber.transcribe({
        speechPath,
        originalPath,
        durationSeconds,
        repChannel: settings.transcription.repChannel,
        onProgress: progressReporter(app, job, STEP_PROGRESS.transcribing, STEP_PROGRESS.analyzing - 5),
      });
      if (segments.length === 0)
        return waitForTranscript(
          app,
          job,
          "Speech-to-text heard no speech in this recording: upload its transcript",
        );
      await transcribed(app, job, { source: transcriber.name, model, segments });
    } catch (error) {
      if (error instanceof TranscriptionError && error.kind === "unavailable")
        return waitForTranscript(app, job, error.message);
      throw error;
    }
  });
}

/** The source's transcript when it gave one; otherwise the org's speech-to-text, if it has one. */
export const callTranscribeJob = defineJob<TCallJob, TAppContext>({
  name: CALL_QUEUES.transcribe,
  payload: ZCallJob,
  retryLimit: CALL_STEP_RETRIES,
  retryDelay: 5,
  concurrency: 1,
  // Speech-to-text runs near real time on a small machine: an hour-long call needs its time.
  expireInSeconds: 2 * 60 * 60,
  heartbeatSeconds: 10,
  handle: (job, ctx) =>
    runStep(ctx.app, job, ctx, "transcribing", "Transcribing the call", async (call) => {
      if (call.suppliedTranscript)
        return transcribed(ctx.app, job, {
          source: "supplied",
          model: null,
          segments: call.suppliedTranscript.segments,
        });
      await speechToText(ctx.app, job, call);
    }),
});
