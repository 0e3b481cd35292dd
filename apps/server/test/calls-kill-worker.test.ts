import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TCall } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { findPocketsphinx } from "../src/integrations/speech/index.js";
import { waitUntil } from "./campaign-helpers.js";
import { runCli, type TCliRun } from "./cli.js";
import { buildOrg, caller, ownerQuery, startTestApp, TEST_SECRETS, type TTestApp } from "./harness.js";

const tools = Boolean(findFfmpeg(undefined) && findPocketsphinx(undefined));
if (!tools && process.env.CI === "true")
  throw new Error("ffmpeg and pocketsphinx are required in CI for the call pipeline kill test");

const RECORDING = join(import.meta.dirname, "fixtures", "calls", "solar-follow-up.mp3");

describe.skipIf(!tools)("a worker killed in the middle of a call's pipeline", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-call-kill-"));
  let app: TTestApp;
  const workers: TCliRun[] = [];
  const startWorker = () => {
    const worker = runCli(["serve", "--role", "worker", "--no-migrate"], {
      DATABASE_URL: app.dbUrl,
      ...TEST_SECRETS,
      PLAIBOOK_DATA_DIR: join(dir, "data"),
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      QUEUE_SUPERVISE_SECONDS: "2",
    });
    workers.push(worker);
    return worker;
  };
  beforeAll(async () => {
    app = await startTestApp({
      roles: { api: true, worker: false },
      env: { PLAIBOOK_DATA_DIR: join(dir, "data") },
    });
  });
  afterAll(async () => {
    for (const w of workers) w.child.kill("SIGKILL");
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("SIGKILL while transcribing, restart: the call resumes at that step and ends analysed, nothing done twice", async () => {
    const { session, orgId } = await buildOrg(app);
    await caller(app, { accessToken: session.accessToken }).callSettings.update({
      transcription: { engine: "pocketsphinx", repChannel: "left" },
      customObjections: [],
    });
    const form = new FormData();
    form.append("direction", "outbound");
    form.append("startedAt", "2026-11-30T15:04:05Z");
    form.append("file", new Blob([new Uint8Array(readFileSync(RECORDING))]), "solar.mp3");
    const res = await fetch(`${app.baseUrl}/api/v1/calls`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.accessToken}` },
      body: form,
    });
    const { id } = (await res.json()) as TCall;
    const callRow = async () =>
      (
        await ownerQuery<{
          status: string;
          audio_key: string | null;
          peaks: number[] | null;
          transcript_source: string | null;
        }>(app, "select status, audio_key, peaks, transcript_source from calls where id = $1", [id])
      )[0];

    const first = startWorker();
    await waitUntil(
      async () => (await callRow())?.status === "transcribing",
      60_000,
      "speech-to-text to start",
    );
    // Into the transcription (pocketsphinx takes seconds on this recording), then the plug is pulled.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await callRow();
    expect(atKill?.status).toBe("transcribing");
    expect(atKill?.transcript_source).toBeNull();

    startWorker();
    await waitUntil(
      async () => (await callRow())?.status === "analyzed",
      180_000,
      "the call to be analysed after the restart",
    );
    const done = await callRow();
    expect(done).toMatchObject({
      status: "analyzed",
      transcript_source: "pocketsphinx",
      audio_key: atKill?.audio_key,
    });
    expect(done?.peaks).toEqual(atKill?.peaks);
    // Each finished step ran once: one conversion, one analysis (and one line on the ledger for it).
    const jobs = await ownerQuery<{ name: string; state: string }>(
      app,
      "select name, state from pgboss.job where data->>'callId' = $1 order by created_on",
      [id],
    );
    const completed = (name: string) => jobs.filter((j) => j.name === name && j.state === "completed").length;
    expect(completed("call.ingest")).toBe(1);
    expect(completed("call.transcode")).toBe(1);
    expect(completed("call.transcribe")).toBe(1);
    expect(completed("call.analyze")).toBe(1);
    expect(
      await ownerQuery(
        app,
        "select 1 from usage_ledger where ref_type = 'call_analysis' and ref_id = $1 and org_id = $2",
        [id, orgId],
      ),
    ).toHaveLength(1);
  }, 300_000);
});
