import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ZSuppliedTranscript } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { CALL_FIXTURES, settledCall, uploadFixtureCall } from "./call-helpers.js";
import {
  startFakeOpenAiTranscriptions,
  type TFakeOpenAiTranscriptions,
} from "./fakes/fake-openai-transcriptions.js";
import { buildOrg, caller, startTestApp, type TTestApp } from "./harness.js";

const ffmpeg = findFfmpeg(undefined);
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the call tests");

describe.skipIf(!ffmpeg)("speech-to-text through an OpenAI-compatible API, in the pipeline", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-calls-stt-"));
  let stt: TFakeOpenAiTranscriptions;
  let app: TTestApp;
  let token = "";
  beforeAll(async () => {
    stt = await startFakeOpenAiTranscriptions();
    app = await startTestApp({
      env: {
        PLAIBOOK_DATA_DIR: join(dir, "data"),
        TRANSCRIBE_BASE_URL: stt.baseUrl,
        TRANSCRIBE_API_KEY: stt.apiKey,
      },
    });
    token = (await buildOrg(app, "STT Org")).session.accessToken;
    await caller(app, { accessToken: token }).callSettings.update({
      transcription: { engine: "openai", repChannel: "left" },
      customObjections: [],
    });
  });
  afterAll(async () => {
    await app?.close();
    await stt?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("transcribes each channel of a stereo call as one speaker, merges them in time, and analyses the result", async () => {
    // The fake hears the stretches of speech in each channel's audio and answers with these words.
    const { segments } = ZSuppliedTranscript.parse(
      JSON.parse(readFileSync(join(CALL_FIXTURES, "solar-follow-up.transcript.json"), "utf8")),
    );
    const textsOf = (speaker: string) => segments.filter((s) => s.speaker === speaker).map((s) => s.text);
    stt.enqueue({ kind: "speech", texts: textsOf("rep") }, { kind: "speech", texts: textsOf("customer") });

    const call = await settledCall(
      app,
      token,
      await uploadFixtureCall(app, token, "solar-follow-up"),
      60_000,
    );
    expect(call.status).toBe("analyzed");
    expect(stt.requests.map((r) => r.wav?.channels)).toEqual([1, 1]);
    expect(call.transcript?.source).toBe("openai");
    const heard = call.transcript?.segments ?? [];
    expect(heard.map((s) => s.speaker)).toEqual(segments.map((s) => s.speaker));
    heard.forEach((s, i) => {
      expect(s.text).toBe(segments[i]?.text);
      expect(Math.abs(s.start - (segments[i]?.start ?? 0))).toBeLessThan(0.5);
    });
    expect(call.analysis?.objections.map((o) => o.category)).toEqual(["price", "authority"]);
    expect(call.outcome).toBe("follow_up");
  });
});
