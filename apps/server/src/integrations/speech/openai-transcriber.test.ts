import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type TSuppliedTranscript, ZSuppliedTranscript } from "@plaibook/shared";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  startFakeOpenAiTranscriptions,
  type TFakeOpenAiTranscriptions,
} from "../../../test/fakes/fake-openai-transcriptions.js";
import { findFfmpeg, transcodeForSpeech } from "../audio/ffmpeg.js";
import { TranscriptionError, type TTranscribeInput } from "../ports.js";
import { createOpenAiTranscriber, type TOpenAiTranscriberOptions } from "./openai-transcriber.js";

const ffmpeg = findFfmpeg(undefined);
// CI installs ffmpeg (.ci/run); a green CI run must have run these.
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the speech-to-text tests");

const fixtures = join(import.meta.dirname, "../../../test/fixtures/calls");
const dir = mkdtempSync(join(tmpdir(), "plaibook-openai-stt-"));
const stereoCall = join(fixtures, "pest-control-booked.mp3");
const truth: TSuppliedTranscript = ZSuppliedTranscript.parse(
  JSON.parse(readFileSync(join(fixtures, "pest-control-booked.transcript.json"), "utf8")),
);
const linesOf = (speaker: "rep" | "customer") => truth.segments.filter((s) => s.speaker === speaker);
/** Timings found in the audio match the placed ones within 0.1 s (frames of 20 ms, a -50 dB threshold). */
const near = (actual: number | undefined, expected: number | undefined) =>
  expect(Math.abs((actual ?? Number.NaN) - (expected ?? Number.NaN))).toBeLessThanOrEqual(0.1);

describe.skipIf(!ffmpeg)("OpenAI-compatible speech-to-text against a local fake", () => {
  const ff = ffmpeg as string;
  let fake: TFakeOpenAiTranscriptions;
  let stereo: TTranscribeInput;
  let mono: TTranscribeInput;
  let dualMono: TTranscribeInput;

  beforeAll(async () => {
    fake = await startFakeOpenAiTranscriptions();
    const speechPath = join(dir, "call.16k.wav");
    const { durationSeconds } = await transcodeForSpeech(ff, stereoCall, speechPath);
    stereo = { speechPath, originalPath: stereoCall, durationSeconds, repChannel: "left" };
    // The same call recorded on one channel, and that one channel saved as a two-channel file.
    const monoPath = join(dir, "mono.mp3");
    execFileSync(ff, ["-v", "error", "-y", "-i", stereoCall, "-ac", "1", monoPath]);
    mono = { ...stereo, originalPath: monoPath };
    const dualPath = join(dir, "dual-mono.mp3");
    execFileSync(ff, ["-v", "error", "-y", "-i", monoPath, "-ac", "2", dualPath]);
    dualMono = { ...stereo, originalPath: dualPath };
  });
  afterAll(async () => {
    await fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => fake.reset());

  const transcriber = (options: Partial<TOpenAiTranscriberOptions> = {}) =>
    createOpenAiTranscriber({
      baseUrl: fake.baseUrl,
      apiKey: fake.apiKey,
      ffmpeg: ff,
      retries: 0,
      ...options,
    });

  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  it("sends each channel of a stereo call on its own, labels the rep's channel and merges in time order", async () => {
    fake.enqueue(
      { kind: "speech", texts: linesOf("rep").map((s) => s.text) },
      { kind: "speech", texts: linesOf("customer").map((s) => s.text) },
    );
    const progress: number[] = [];
    const result = await transcriber().transcribe({ ...stereo, onProgress: (f) => progress.push(f) });

    expect(fake.requests).toHaveLength(2);
    for (const request of fake.requests) {
      expect(request).toMatchObject({
        path: "/v1/audio/transcriptions",
        authorization: `Bearer ${fake.apiKey}`,
        model: "whisper-1",
        responseFormat: "verbose_json",
        granularities: ["segment"],
        fileType: "audio/wav",
        status: 200,
      });
      expect(request.wav).toMatchObject({ channels: 1, sampleRate: 16_000 });
      expect(request.wav?.durationSeconds).toBeCloseTo(stereo.durationSeconds, 1);
    }
    // The fake found exactly the rep's lines on the left channel and the customer's on the right.
    expect(fake.requests.map((r) => r.answered.length)).toEqual([
      linesOf("rep").length,
      linesOf("customer").length,
    ]);
    expect(result.model).toBe("whisper-1");
    expect(result.segments.map((s) => [s.speaker, s.text])).toEqual(
      truth.segments.map((s) => [s.speaker, s.text]),
    );
    for (const [index, segment] of result.segments.entries()) {
      near(segment.start, truth.segments[index]?.start);
      near(segment.end, truth.segments[index]?.end);
    }
    expect(progress).toEqual([0.5, 1]);
  });

  it("labels the right channel as the rep when the phone system records the rep there", async () => {
    fake.enqueue({ kind: "speech", texts: linesOf("rep").map((s) => s.text) }, { kind: "speech" });
    const { segments } = await transcriber().transcribe({ ...stereo, repChannel: "right" });
    expect(segments[0]).toMatchObject({ speaker: "customer", text: truth.segments[0]?.text });
    expect(segments.filter((s) => s.speaker === "rep").map((s) => s.text)).toEqual(
      linesOf("customer").map((_, i) => `speech ${i + 1}`),
    );
  });

  it("sends a one-channel call once and guesses speakers by turns (a pause of 0.6 s or more)", async () => {
    // What a speech-to-text service would hear on the mixed call: the lines, no speakers.
    fake.enqueue({
      kind: "segments",
      segments: truth.segments.map(({ start, end, text }) => ({ start, end, text })),
    });
    const { segments } = await transcriber().transcribe(mono);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.wav?.durationSeconds).toBeCloseTo(mono.durationSeconds, 1);
    // Lines here alternate with 0.6 s pauses, so the guess is right on this call.
    expect(segments.map((s) => [s.speaker, s.text])).toEqual(truth.segments.map((s) => [s.speaker, s.text]));
  });

  it("keeps a speaker across a short pause and treats a mono call saved as stereo as mono", async () => {
    fake.enqueue({
      kind: "segments",
      segments: [
        { start: 0.8, end: 3.1, text: " Hi, this is Mike with Green Shield." },
        { start: 3.3, end: 5.2, text: "Is this Maria?" },
        { start: 5.8, end: 7.3, text: "Yes, this is Maria." },
        { start: 7.4, end: 7.9, text: "   " },
      ],
    });
    const { segments } = await transcriber().transcribe(dualMono);
    expect(fake.requests).toHaveLength(1);
    expect(segments).toEqual([
      { speaker: "rep", start: 0.8, end: 3.1, text: "Hi, this is Mike with Green Shield." },
      { speaker: "rep", start: 3.3, end: 5.2, text: "Is this Maria?" },
      { speaker: "customer", start: 5.8, end: 7.3, text: "Yes, this is Maria." },
    ]);
  });

  it("cuts a track longer than the piece length and shifts each piece's timings into the call", async () => {
    const chunkSeconds = 10;
    const pieces = Math.ceil(stereo.durationSeconds / chunkSeconds);
    for (let i = 0; i < pieces * 2; i++) fake.enqueue({ kind: "speech" });
    const progress: number[] = [];
    const { segments } = await transcriber({ chunkSeconds }).transcribe({
      ...stereo,
      onProgress: (f) => progress.push(f),
    });

    expect(fake.requests).toHaveLength(pieces * 2);
    const lengths = fake.requests.map((r) => Math.round((r.wav?.durationSeconds ?? 0) * 100) / 100);
    const last = Math.round((stereo.durationSeconds - (pieces - 1) * chunkSeconds) * 100) / 100;
    expect(lengths).toEqual([10, 10, 10, last, 10, 10, 10, last]);
    expect(progress).toHaveLength(pieces * 2);
    expect(progress.at(-1)).toBe(1);
    // Each line comes back at its place in the call, in pieces that never cross a 10 s boundary (a piece
    // may start later than the boundary when the line pauses there).
    for (const speaker of ["rep", "customer"] as const) {
      const found = segments.filter((s) => s.speaker === speaker);
      for (const segment of found) {
        expect(Math.floor((segment.start + 0.001) / chunkSeconds)).toBe(
          Math.floor((segment.end - 0.001) / chunkSeconds),
        );
        expect(
          linesOf(speaker).some((line) => segment.start >= line.start - 0.1 && segment.end <= line.end + 0.1),
        ).toBe(true);
      }
      for (const line of linesOf(speaker)) {
        const inLine = found.filter((s) => s.start >= line.start - 0.1 && s.end <= line.end + 0.1);
        near(inLine[0]?.start, line.start);
        near(inLine.at(-1)?.end, line.end);
        const boundaries = Math.floor(line.end / chunkSeconds) - Math.floor(line.start / chunkSeconds);
        expect(inLine.length).toBeGreaterThanOrEqual(boundaries > 0 ? 2 : 1);
      }
    }
    expect(segments.map((s) => s.start)).toEqual([...segments.map((s) => s.start)].sort((a, b) => a - b));
  });

  it("a refused key is unavailable and says so", async () => {
    const error = await failure(transcriber({ apiKey: "sk-wrong" }).transcribe(stereo));
    expect(error).toBeInstanceOf(TranscriptionError);
    expect(error).toMatchObject({ kind: "unavailable" });
    expect((error as Error).message).toMatch(
      /refused the API key \(HTTP 401: Incorrect API key.*TRANSCRIBE_API_KEY/,
    );

    fake.enqueue({ kind: "status", status: 403, message: "Country not supported" });
    expect(await failure(transcriber().transcribe(stereo))).toMatchObject({
      kind: "unavailable",
      message: expect.stringContaining("HTTP 403: Country not supported"),
    });
  });

  it.each([
    [429, "rate limiting us (HTTP 429: Rate limit reached"],
    [500, "failing (HTTP 500: The server had an error"],
    [503, "failing (HTTP 503: The server had an error"],
  ])("HTTP %i is retryable", async (status, said) => {
    fake.enqueue({
      kind: "status",
      status,
      message: status === 429 ? "Rate limit reached for whisper-1" : "The server had an error",
    });
    const error = await failure(transcriber().transcribe(stereo));
    expect(error).toMatchObject({ kind: "retryable" });
    expect((error as Error).message).toContain(said);
  });

  it("tries a piece again after a retryable failure, waiting as Retry-After says", async () => {
    fake.enqueue(
      { kind: "status", status: 500 },
      { kind: "status", status: 429, retryAfter: "0" },
      { kind: "speech" },
      { kind: "speech" },
    );
    const { segments } = await transcriber({ retries: 2, retryDelayMs: 5 }).transcribe(stereo);
    expect(fake.requests.map((r) => r.status)).toEqual([500, 429, 200, 200]);
    expect(segments).toHaveLength(truth.segments.length);
  });

  it("no answer in time is retryable", async () => {
    fake.enqueue({ kind: "slow", delayMs: 5000 });
    const error = await failure(transcriber({ timeoutMs: 300 }).transcribe(stereo));
    expect(error).toMatchObject({
      kind: "retryable",
      message: expect.stringContaining("no answer within 300 ms"),
    });
  });

  it("a dropped connection is retryable", async () => {
    fake.enqueue({ kind: "drop" });
    expect(await failure(transcriber().transcribe(stereo))).toMatchObject({
      kind: "retryable",
      message: expect.stringContaining("Could not reach the speech-to-text service"),
    });
  });

  it("an answer that is not JSON, or not a transcription, is retryable and says what came", async () => {
    fake.enqueue({ kind: "invalid_json" });
    expect(await failure(transcriber().transcribe(stereo))).toMatchObject({
      kind: "retryable",
      message: expect.stringContaining("not JSON: <html>Bad gateway</html>"),
    });
    fake.enqueue({ kind: "wrong_shape" });
    expect(await failure(transcriber().transcribe(stereo))).toMatchObject({
      kind: "retryable",
      message: expect.stringMatching(/not a verbose_json transcription \(text: /),
    });
  });

  it("other refusals fail with the server's message", async () => {
    const error = await failure(transcriber({ model: "gpt-unknown" }).transcribe(stereo));
    expect(error).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("HTTP 400: Invalid model gpt-unknown"),
    });
  });

  it("stops when cancelled", async () => {
    fake.enqueue({ kind: "slow", delayMs: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const error = await failure(transcriber().transcribe({ ...stereo, signal: controller.signal }));
    expect(error).toMatchObject({ kind: "retryable", message: "Transcription was cancelled" });
  });

  it("a recording ffmpeg cannot read fails, and a missing ffmpeg is unavailable", async () => {
    const notAudio = join(fixtures, "not-audio.mp3");
    expect(await failure(transcriber().transcribe({ ...stereo, originalPath: notAudio }))).toMatchObject({
      kind: "failed",
      message: expect.stringContaining("Not an audio file ffmpeg can read"),
    });
    expect(await failure(transcriber({ ffmpeg: "/nonexistent/ffmpeg" }).transcribe(stereo))).toMatchObject({
      kind: "unavailable",
    });
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a piece length whose WAV would pass the API's 25 MB limit", () => {
    expect(() => transcriber({ chunkSeconds: 900 })).toThrow(/25 MB/);
  });
});
