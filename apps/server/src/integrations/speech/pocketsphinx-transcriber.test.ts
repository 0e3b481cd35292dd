import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ZSuppliedTranscript } from "@plaibook/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg, transcodeForSpeech } from "../audio/ffmpeg.js";
import type { TTranscribeInput } from "../ports.js";
import { createTranscriber } from "./index.js";
import {
  createPocketsphinxParser,
  createPocketsphinxTranscriber,
  findPocketsphinx,
  measurePocketsphinxRtf,
} from "./pocketsphinx-transcriber.js";

const ffmpeg = findFfmpeg(undefined);
const pocketsphinx = findPocketsphinx(undefined);
// CI installs both (.ci/run); a green CI run must have run these.
if ((!ffmpeg || !pocketsphinx) && process.env.CI === "true")
  throw new Error("pocketsphinx or ffmpeg is missing: CI requires them for the offline speech-to-text tests");

const fixtures = join(import.meta.dirname, "../../../test/fixtures/calls");
const dir = mkdtempSync(join(tmpdir(), "plaibook-sphinx-test-"));
// The first four lines of the call (two each), to keep a decoder that runs near real time on two
// cores to a few seconds per channel.
const EXCERPT_SECONDS = 17.4;
const truth = ZSuppliedTranscript.parse(
  JSON.parse(readFileSync(join(fixtures, "pest-control-booked.transcript.json"), "utf8")),
).segments.filter((s) => s.end <= EXCERPT_SECONDS);

describe("reading PocketSphinx's output", () => {
  it("pocketsphinx_continuous -time yes: one utterance per <s>…</s>, fillers and pronunciation marks dropped", () => {
    const parse = createPocketsphinxParser("continuous");
    const output = [
      "yes no and the kids come this week",
      "<s> 7.800 7.890 0.999300",
      "yes 7.900 8.390 0.995808",
      "<sil> 8.400 8.800 0.999700",
      "the(2) 8.810 9.170 0.981570",
      "[NOISE] 9.180 9.370 0.079167",
      "week 11.280 11.650 0.448076",
      "</s> 11.660 12.050 1.000000",
      "<s> 13.000 13.100 1.000000",
      "<sil> 13.100 14.000 1.000000",
      "</s> 14.010 14.470 1.000000",
      "open 15.000 15.500 0.5",
    ];
    const results = output.map((line) => parse(line)).filter(Boolean);
    expect(results).toEqual([
      { start: 7.9, end: 11.65, text: "yes the week" },
      { start: 14.47, end: 14.47, text: "" },
    ]);
    // An utterance still open when the output ends.
    expect(parse(null)).toEqual({ start: 15, end: 15.5, text: "open" });
  });

  it("pocketsphinx 5 live: a JSON line per utterance", () => {
    const parse = createPocketsphinxParser("v5");
    expect(
      parse(
        '{"b":1.250,"d":2.500,"p":0.912,"t":"go forward ten meters","w":[{"t":"go","b":1.25,"d":0.2,"p":1}]}',
      ),
    ).toEqual({ start: 1.25, end: 3.75, text: "go forward ten meters" });
    expect(parse('{"b":0.000,"d":0.010,"p":1.000,"t":"","w":[]}')).toEqual({ start: 0, end: 0.01, text: "" });
    expect(parse("INFO: something else")).toBeNull();
  });
});

describe("choosing a transcriber", () => {
  it("returns none, with the reason, when speech-to-text is off or not set up", () => {
    expect(createTranscriber({ engine: "supplied_only", repChannel: "left" }, {})).toEqual({
      transcriber: null,
      reason: expect.stringContaining("Speech-to-text is off"),
    });
    expect(createTranscriber({ engine: "openai", repChannel: "left" }, {}).reason).toMatch(
      /TRANSCRIBE_API_KEY is not set/,
    );
    expect(
      createTranscriber({ engine: "openai", repChannel: "left" }, { apiKey: "sk-test-key" }).transcriber
        ?.name,
    ).toBe("openai");
    expect(
      createTranscriber(
        { engine: "pocketsphinx", repChannel: "left" },
        { pocketsphinxPath: "/nonexistent/ps" },
      ),
    ).toEqual({
      transcriber: null,
      reason: expect.stringContaining("pocketsphinx is not installed on this machine"),
    });
  });
});

describe.skipIf(!ffmpeg || !pocketsphinx)("offline speech-to-text with PocketSphinx", () => {
  const ff = ffmpeg as string;
  let input: TTranscribeInput;

  beforeAll(async () => {
    const excerpt = join(dir, "call.mp3");
    execFileSync(ff, [
      ...["-v", "error", "-y", "-i", join(fixtures, "pest-control-booked.mp3")],
      ...["-t", String(EXCERPT_SECONDS), "-c", "copy", excerpt],
    ]);
    const speechPath = join(dir, "call.16k.wav");
    const { durationSeconds } = await transcodeForSpeech(ff, excerpt, speechPath);
    input = { speechPath, originalPath: excerpt, durationSeconds, repChannel: "left" };
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is found on this machine", () => {
    expect(createTranscriber({ engine: "pocketsphinx", repChannel: "left" }, {}).transcriber?.name).toBe(
      "pocketsphinx",
    );
  });

  it("decodes each channel of a call into timed segments for its speaker", { timeout: 180_000 }, async () => {
    const progress: number[] = [];
    const { segments, model } = await createPocketsphinxTranscriber({
      binary: pocketsphinx ?? "",
      ffmpeg: ff,
    }).transcribe({ ...input, onProgress: (f) => progress.push(f) });

    expect(model).toBe("pocketsphinx-en-us");
    expect(segments.filter((s) => s.speaker === "rep").length).toBeGreaterThan(0);
    expect(segments.filter((s) => s.speaker === "customer").length).toBeGreaterThan(0);
    // Every segment lies over a line its speaker really said (the recogniser's timings are its own).
    for (const segment of segments) {
      expect(segment.text.trim()).not.toBe("");
      expect(segment.end).toBeGreaterThanOrEqual(segment.start);
      expect(segment.end).toBeLessThanOrEqual(input.durationSeconds + 0.05);
      const line = truth.find(
        (l) => l.speaker === segment.speaker && segment.start < l.end && segment.end > l.start,
      );
      expect(line, `${segment.speaker} at ${segment.start}: ${segment.text}`).toBeDefined();
    }
    expect(segments.map((s) => s.start)).toEqual([...segments.map((s) => s.start)].sort((a, b) => a - b));
    // espeak-ng's voice is hard for its model: a few of the words are right, most are not.
    const spoken = new Set(truth.flatMap((l) => l.text.toLowerCase().match(/[a-z]{3,}/g) ?? []));
    const heard = new Set(segments.flatMap((s) => s.text.toLowerCase().match(/[a-z]{3,}/g) ?? []));
    expect([...heard].filter((word) => spoken.has(word)).length).toBeGreaterThanOrEqual(2);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(1);
  });

  it("kills the decoder when the call is cancelled", { timeout: 60_000 }, async () => {
    const workDir = join(dir, "cancelled");
    mkdirSync(workDir);
    const controller = new AbortController();
    const started = Date.now();
    setTimeout(() => controller.abort(), 1500);
    const error = await createPocketsphinxTranscriber({ binary: pocketsphinx ?? "", ffmpeg: ff, workDir })
      .transcribe({ ...input, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "retryable", message: "Transcription was cancelled" });
    expect(Date.now() - started).toBeLessThan(10_000);
    // No decoder is left reading this test's files, and the scratch files are gone.
    const running = readdirSync("/proc")
      .filter((pid) => /^\d+$/.test(pid))
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes(workDir);
        } catch {
          return false;
        }
      });
    expect(running).toEqual([]);
    expect(readdirSync(workDir)).toEqual([]);
  });

  it("a decoder that runs too long is stopped as retryable", { timeout: 60_000 }, async () => {
    const error = await createPocketsphinxTranscriber({
      binary: pocketsphinx ?? "",
      ffmpeg: ff,
      timeoutMs: 300,
    })
      .transcribe(input)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "retryable", message: "pocketsphinx was stopped after 300 ms" });
  });

  it("a missing binary is unavailable, saying it is not installed", async () => {
    expect(findPocketsphinx("/nonexistent/pocketsphinx")).toBeNull();
    const error = await createPocketsphinxTranscriber({ binary: "/nonexistent/pocketsphinx", ffmpeg: ff })
      .transcribe(input)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      kind: "unavailable",
      message: expect.stringContaining("pocketsphinx is not installed on this machine"),
    });
  });

  it("measures its real-time factor", { timeout: 60_000 }, async () => {
    const short = join(dir, "first-line.16k.wav");
    execFileSync(ff, ["-v", "error", "-y", "-i", input.speechPath, "-t", "5.5", "-c", "copy", short]);
    const { audioSeconds, wallSeconds, rtf } = await measurePocketsphinxRtf(pocketsphinx ?? "", short);
    expect(audioSeconds).toBeCloseTo(5.5, 1);
    expect(wallSeconds).toBeGreaterThan(0);
    expect(rtf).toBeCloseTo(wallSeconds / audioSeconds, 5);
  });
});
