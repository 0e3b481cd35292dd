import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AudioError, findFfmpeg, transcodeForSpeech } from "./ffmpeg.js";

const ffmpeg = findFfmpeg(undefined);
// CI installs ffmpeg (.ci/run); a green CI run must have run these.
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the audio tests");
const dir = mkdtempSync(join(tmpdir(), "plaibook-audio-"));

/** A real recording-like file: 3.5 s of a 440 Hz tone, stereo 44.1 kHz, in the given container. */
function tone(name: string, codecArgs: string[] = []): string {
  const path = join(dir, name);
  execFileSync(ffmpeg as string, [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "sine=frequency=440:duration=3.5:sample_rate=44100",
    "-ac",
    "2",
    ...codecArgs,
    path,
  ]);
  return path;
}

describe.skipIf(!ffmpeg)("converting recordings for speech-to-text with ffmpeg", () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ["call.wav", []],
    ["call.mp3", []],
    ["call.ogg", ["-c:a", "libvorbis"]],
    ["call.flac", []],
    ["call.m4a", ["-c:a", "aac"]],
  ] as const)("turns %s into 16 kHz mono WAV and measures its duration", async (name, codec) => {
    const out = join(dir, `${name}.16k.wav`);
    const { durationSeconds } = await transcodeForSpeech(ffmpeg as string, tone(name, [...codec]), out);
    // Lossy encoders pad a few milliseconds.
    expect(durationSeconds).toBeGreaterThan(3.45);
    expect(durationSeconds).toBeLessThan(3.6);
    // The WAV header: PCM, 1 channel, 16 kHz, 16 bits.
    const header = readFileSync(out).subarray(0, 44);
    expect({
      format: header.readUInt16LE(20),
      channels: header.readUInt16LE(22),
      rate: header.readUInt32LE(24),
      bits: header.readUInt16LE(34),
    }).toEqual({ format: 1, channels: 1, rate: 16_000, bits: 16 });
  });

  it("refuses a text file renamed .mp3 with a reason that says so", async () => {
    const fake = join(dir, "notes.mp3");
    writeFileSync(fake, "Meeting notes: call Maria back on Thursday.\n".repeat(50));
    const error = await transcodeForSpeech(ffmpeg as string, fake, join(dir, "notes.16k.wav")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AudioError);
    expect(error).toMatchObject({ kind: "not_audio" });
    expect((error as Error).message).toMatch(/^Not an audio file ffmpeg can read: /);
  });

  it("falls back to the ffmpeg bundled with the npm package when none is installed, and it converts", async () => {
    const bundled = findFfmpeg(undefined, "/nonexistent-bin");
    expect(bundled).toMatch(/@ffmpeg-installer\/linux-x64\/ffmpeg$/);
    const source = join(dir, "for-bundled.wav");
    execFileSync(ffmpeg as string, [
      "-v",
      "error",
      "-y",
      "-f",
      "lavfi",
      "-i",
      "sine=frequency=440:duration=2:sample_rate=44100",
      "-ac",
      "2",
      source,
    ]);
    const converted = await transcodeForSpeech(bundled as string, source, join(dir, "bundled.16k.wav"));
    expect(converted.durationSeconds).toBeCloseTo(2, 1);
    // FFMPEG_PATH wins over both, and no ffmpeg anywhere is null.
    expect(findFfmpeg(source, "")).toBeNull();
    expect(findFfmpeg(undefined, "", () => null)).toBeNull();
  });

  it("says when ffmpeg is not there", async () => {
    expect(findFfmpeg("/nonexistent/ffmpeg")).toBeNull();
    await expect(
      transcodeForSpeech("/nonexistent/ffmpeg", "in.wav", join(dir, "x.wav")),
    ).rejects.toMatchObject({
      kind: "missing_tool",
    });
  });
});
