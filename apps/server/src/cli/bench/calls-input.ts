import { spawn } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { TSuppliedTranscript } from "@plaibook/shared";
import { transcodeForSpeech } from "../../integrations/audio/ffmpeg.js";
import { findPocketsphinx, measurePocketsphinxRtf } from "../../integrations/speech/index.js";

/**
 * What `plaibook bench calls` feeds the pipeline, made once per run: a long stereo MP3 at 32 kbps
 * (8 kHz, as a phone system exports it) looping a test fixture, and the fixture's transcript repeated
 * at the same offsets. Also the two figures measured beside the pipeline: the bare ffmpeg conversion
 * (the reference) and pocketsphinx's real-time factor.
 */

const FIXTURES = join(import.meta.dirname, "..", "..", "..", "test", "fixtures", "calls");
export const CALL_FIXTURE = "pest-control-booked";

export type TCallInput = {
  /** The long recording (MP3). */
  recordingPath: string;
  recordingBytes: number;
  /** Its length as decoded by the pipeline's own conversion. */
  durationSeconds: number;
  /** The matching transcript, as the `transcript` field of the upload. */
  transcriptJson: string;
  segments: number;
  /** The fixture alone as 16 kHz mono WAV (for the pocketsphinx measurement). */
  fixtureWav: string;
};

export async function makeCallInput(ffmpeg: string, dir: string, minutes: number): Promise<TCallInput> {
  const fixtureMp3 = join(FIXTURES, `${CALL_FIXTURE}.mp3`);
  const fixtureWav = join(dir, "fixture-16k.wav");
  const { durationSeconds: period } = await transcodeForSpeech(ffmpeg, fixtureMp3, fixtureWav);
  const seconds = Math.round(minutes * 60);
  const recordingPath = join(dir, `call-${seconds}s.mp3`);
  await runTool(ffmpeg, [
    ...["-hide_banner", "-nostdin", "-v", "error", "-y", "-stream_loop", "-1", "-i", fixtureMp3],
    ...["-t", String(seconds), "-vn", "-ac", "2", "-ar", "8000", "-c:a", "libmp3lame", "-b:a", "32k"],
    recordingPath,
  ]);
  const { durationSeconds } = await transcodeForSpeech(ffmpeg, recordingPath, join(dir, "check.wav"));

  const fixture = JSON.parse(
    readFileSync(join(FIXTURES, `${CALL_FIXTURE}.transcript.json`), "utf8"),
  ) as TSuppliedTranscript;
  const segments: TSuppliedTranscript["segments"] = [];
  for (let offset = 0; offset < durationSeconds; offset += period) {
    for (const s of fixture.segments) {
      if (offset + s.start >= durationSeconds) break;
      const at = (t: number) => Math.round(Math.min(durationSeconds, offset + t) * 100) / 100;
      segments.push({ speaker: s.speaker, start: at(s.start), end: at(s.end), text: s.text });
    }
  }
  return {
    recordingPath,
    recordingBytes: statSync(recordingPath).size,
    durationSeconds,
    transcriptJson: JSON.stringify({ segments }),
    segments: segments.length,
    fixtureWav,
  };
}

/**
 * The reference: the pipeline's own conversion (transcodeForSpeech) of the same recording, run
 * directly `runs` times in a row from this process (no queue, no database, no blob store), as calls
 * per minute.
 */
export async function measureFfmpegReference(
  ffmpeg: string,
  recordingPath: string,
  dir: string,
  runs: number,
): Promise<{ callsPerMinute: number; meanMs: number }> {
  const out = join(dir, "reference.wav");
  await transcodeForSpeech(ffmpeg, recordingPath, out); // warm the page cache and the binary
  const started = performance.now();
  for (let i = 0; i < runs; i += 1) await transcodeForSpeech(ffmpeg, recordingPath, out);
  const ms = performance.now() - started;
  return { callsPerMinute: (runs * 60_000) / ms, meanMs: ms / runs };
}

/** Pocketsphinx's real-time factor (decode time / audio time) on the fixture; null and why when it cannot run. */
export async function measureRtf(
  wavPath: string,
  configured: string | undefined,
): Promise<{ rtf: number | null; audioSeconds?: number; wallSeconds?: number; note?: string }> {
  const binary = findPocketsphinx(configured);
  if (!binary)
    return {
      rtf: null,
      note: "pocketsphinx is not installed (apt-get install pocketsphinx pocketsphinx-en-us)",
    };
  try {
    const { rtf, audioSeconds, wallSeconds } = await measurePocketsphinxRtf(binary, wavPath);
    return { rtf, audioSeconds, wallSeconds };
  } catch (error) {
    return {
      rtf: null,
      note: `pocketsphinx failed: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} failed (exit ${code}): ${stderr.trim()}`)),
    );
  });
}
