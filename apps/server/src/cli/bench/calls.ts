import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { DEFAULT_CALL_SETTINGS } from "@plaibook/shared";
import { benchPostgres } from "./bench-postgres.js";
import { callResults, stepTimes } from "./calls-check.js";
import { makeCallInput, measureFfmpegReference, measureRtf } from "./calls-input.js";
import { uploadAll } from "./calls-load.js";
import { status, type TCleanups } from "./inbound-setup.js";
import { percentile, printReport, round } from "./report.js";

/** Calls per minute the brief asks of one worker. */
const TARGET_PER_MINUTE = 60;

/**
 * `plaibook bench calls`: N recordings of M minutes (a looped fixture, stereo MP3 at 32 kbps) with
 * their transcripts supplied, uploaded over the HTTP API (`POST /api/v1/calls`, a few at a time) to
 * one process running the api and one worker: ingest → transcode (ffmpeg to 16 kHz mono WAV, waveform)
 * → transcript (supplied, so no speech-to-text) → offline analysis → stored. Throughput is analysed
 * calls per minute from the first upload to the last call analysed; latency is each call's upload
 * recorded → analysed, from Postgres's clock. Each call must end analysed exactly once (one
 * `call_analysis` line on the usage ledger). Reference: the same ffmpeg conversion of the same
 * recording, run directly in a row (no queue, no database), as calls per minute. Beside it,
 * pocketsphinx's real-time factor on the fixture (null when it is not installed).
 *
 * Options: --calls (default 200), --minutes (5), --concurrency (uploads in flight, 4),
 * --reference-runs (10), --transcode-concurrency (to try another setting than the worker's own, which
 * is what runs by default). Files: calls-input.ts (the recording, transcript, reference, RTF),
 * calls-load.ts (the uploads and the wait, with the bar), calls-check.ts (what is read back from Postgres).
 */
export async function benchCalls(options: Record<string, string>): Promise<boolean> {
  const n = Math.round(positive(options.calls ?? options.size, 200));
  const minutes = positive(options.minutes, 5);
  const concurrency = Math.round(positive(options.concurrency, 4));
  const referenceRuns = Math.round(positive(options.referenceRuns ?? options["reference-runs"], 10));
  const { callTranscodeJob } = await import("../../modules/calls/jobs.js");
  const transcodeOverride = options.transcodeConcurrency ?? options["transcode-concurrency"];
  const ownConcurrency = callTranscodeJob.concurrency;
  if (transcodeOverride) callTranscodeJob.concurrency = Math.round(positive(transcodeOverride, 2));
  const transcodeConcurrency = callTranscodeJob.concurrency ?? 2;

  const cleanups: TCleanups = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);

  try {
    const { findFfmpeg } = await import("../../integrations/audio/ffmpeg.js");
    const { loadConfig } = await import("../../platform/config.js");
    const ffmpeg = findFfmpeg(loadConfig().FFMPEG_PATH);
    if (!ffmpeg) throw new Error("ffmpeg is not installed: install it or set FFMPEG_PATH");
    const dir = mkdtempSync(join(tmpdir(), "plaibook-bench-calls-"));
    chmodSync(dir, 0o755);
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));

    status(`making a ${minutes}-minute recording and its transcript…`);
    const input = await makeCallInput(ffmpeg, dir, minutes);
    const { running, orgId, token, port } = await startCallsTarget(cleanups, join(dir, "data"));
    const owner = running.services.db.ownerPool;

    // Half the reference before the run and half after: other work on the machine comes and goes.
    const half = Math.max(1, Math.ceil(referenceRuns / 2));
    status(`reference: ffmpeg alone, ${half} conversions in a row…`);
    const before = await measureFfmpegReference(ffmpeg, input.recordingPath, dir, half);

    const load = await uploadAll({ port, token, input, n, concurrency, owner, orgId });
    const results = await callResults(owner, orgId, load.accepted);
    const steps = await stepTimes(owner, orgId);

    status(`reference again: ffmpeg alone, ${half} conversions in a row…`);
    const after = await measureFfmpegReference(ffmpeg, input.recordingPath, dir, half);
    const reference = {
      meanMs: (before.meanMs + after.meanMs) / 2,
      callsPerMinute: 60_000 / ((before.meanMs + after.meanMs) / 2),
    };

    status("pocketsphinx real-time factor on the fixture…");
    const rtf = await measureRtf(input.fixtureWav, running.services.config.POCKETSPHINX_PATH);

    const analyzed = results.latenciesMs.length;
    const windowMs = results.lastAnalyzedAt ? results.lastAnalyzedAt - load.startedAt : 0;
    const perMinute = windowMs > 0 ? (analyzed * 60_000) / windowMs : 0;
    const lost = n - load.accepted.length + results.notAnalyzed;
    const duplicated = results.duplicated + results.extraRows;
    const correct = lost === 0 && duplicated === 0 && results.unbilled === 0;
    const ok = correct && perMinute >= TARGET_PER_MINUTE;
    const cores = availableParallelism();
    const ownPct = (load.cpu.app ?? 0) + (load.cpu.ffmpeg ?? 0) + (load.cpu.postgres ?? 0);
    const cpuPerCall = analyzed > 0 ? ((ownPct / 100) * load.seconds) / analyzed : 0;
    const uploads = load.uploadMs.slice().sort((a, b) => a - b);
    printReport({
      bench: "calls",
      ok,
      n: analyzed,
      duration_s: round(windowMs / 1000, 1),
      throughput: round(perMinute, 1),
      throughput_unit: "calls/min",
      p50_ms: percentile(results.latenciesMs, 50),
      p99_ms: percentile(results.latenciesMs, 99),
      rss_mb: Math.round(peakRss / 1_048_576),
      lost,
      duplicated,
      reference: round(reference.callsPerMinute, 1),
      ratio: round(perMinute / reference.callsPerMinute, 3),
      reference_ms_per_call: round(reference.meanMs, 1),
      reference_before_after: [round(before.callsPerMinute, 1), round(after.callsPerMinute, 1)],
      calls: n,
      minutes,
      audio_seconds: round(input.durationSeconds, 1),
      recording_bytes: input.recordingBytes,
      transcript_segments: input.segments,
      concurrency,
      transcode_concurrency: transcodeConcurrency,
      upload_p50_ms: percentile(uploads, 50),
      upload_p99_ms: percentile(uploads, 99),
      upload_errors: load.errors,
      ...(load.errors > 0 ? { upload_statuses: load.statuses } : {}),
      ...(results.notAnalyzed > 0 ? { not_analyzed: results.reasons } : {}),
      unbilled: results.unbilled,
      ledger_lines: results.ledgerLines,
      steps,
      // 100 = one core busy for the whole window; `machine` includes everyone else's work.
      cpu_pct: load.cpu,
      // CPU spent per call (this process, ffmpeg, Postgres), and the rate this machine's cores allow when idle.
      cpu_s_per_call: round(cpuPerCall, 3),
      cpu_ceiling_per_min: cpuPerCall > 0 ? round((cores * 60) / cpuPerCall, 1) : null,
      pocketsphinx_rtf: rtf.rtf === null ? null : round(rtf.rtf, 3),
      ...(rtf.audioSeconds ? { pocketsphinx_audio_s: round(rtf.audioSeconds, 1) } : {}),
      ...(rtf.note ? { pocketsphinx_note: rtf.note } : {}),
      target_met: perMinute >= TARGET_PER_MINUTE,
    });
    return ok;
  } finally {
    callTranscodeJob.concurrency = ownConcurrency;
    clearInterval(sampler);
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/**
 * Postgres (DATABASE_URL or embedded), then the real process with the api and one worker on a free
 * port, blobs in `dataDir`; an organisation signed up through tRPC that takes supplied transcripts only.
 */
async function startCallsTarget(cleanups: TCleanups, dataDir: string) {
  const { loadConfig } = await import("../../platform/config.js");
  const { createLogger } = await import("../../platform/logger.js");
  const { runProcess } = await import("../../process.js");
  const { appRouter } = await import("../../router.js");
  const { url, embedded } = await benchPostgres(cleanups);
  const config = loadConfig({
    NODE_ENV: "production",
    DATABASE_URL: url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    PLAIBOOK_DEMO: "0",
    PLAIBOOK_DATA_DIR: dataDir,
    JWT_SECRET: randomBytes(32).toString("hex"),
    SECRETS_KEY: randomBytes(32).toString("hex"),
    ACCESS_TOKEN_TTL_SECONDS: "86400",
  });
  status("migrating and starting the api and one worker…");
  const running = await runProcess({
    config,
    log: createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" }),
    roles: { api: true, worker: true },
    migrate: true,
    seedDemo: false,
  });
  cleanups.push(async () => {
    // Pool.end() returns before its sockets close: without a listener, Postgres stopping right after
    // would surface as an unhandled 'error'.
    running.services.db.appPool.on("error", () => undefined);
    running.services.db.ownerPool.on("error", () => undefined);
    await running.stop();
  });
  const port = Number(new URL(running.url ?? "").port);

  let refreshToken: string | undefined;
  const caller = (accessToken: string | null) =>
    appRouter.createCaller({
      services: running.services,
      meta: { ip: "127.0.0.1", userAgent: "plaibook bench calls", requestId: randomUUID() },
      accessToken,
      cookies: {
        get refreshToken() {
          return refreshToken;
        },
        setRefreshToken: (value) => {
          refreshToken = value;
        },
        clearRefreshToken: () => {
          refreshToken = undefined;
        },
      },
    });
  const session = await caller(null).auth.signup({
    orgName: "Calls bench",
    name: "Bench Owner",
    email: `calls-bench-${randomBytes(4).toString("hex")}@example.test`,
    password: randomBytes(12).toString("hex"),
  });
  const token = session.accessToken;
  const orgId = session.org.id;
  await caller(token).callSettings.update({
    ...DEFAULT_CALL_SETTINGS,
    transcription: { ...DEFAULT_CALL_SETTINGS.transcription, engine: "supplied_only" },
  });
  if (!embedded) {
    cleanups.push(async () => {
      const owner = running.services.db.ownerPool;
      await owner.query("delete from pgboss.job where name like 'call.%' and data->>'orgId' = $1", [orgId]);
      await owner.query("delete from organizations where id = $1", [orgId]);
    });
  }
  return { running, orgId, token, port };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}
