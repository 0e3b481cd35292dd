import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { stat } from "node:fs/promises";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";

/** Why a recording could not be converted: `not_audio` (corrupt, or not a recording at all) or `failed`. */
export class AudioError extends Error {
  constructor(
    readonly kind: "not_audio" | "failed" | "missing_tool",
    message: string,
  ) {
    super(message);
    this.name = "AudioError";
  }
}

/** 16 kHz, mono, 16-bit PCM: what speech-to-text engines expect. */
export const SPEECH_SAMPLE_RATE = 16_000;
const WAV_HEADER_BYTES = 44;

/**
 * The static ffmpeg that `@ffmpeg-installer/ffmpeg` ships (a 2018 build, enough to convert calls), so
 * `npm ci && npm start` converts recordings on a machine without ffmpeg installed.
 */
function bundledFfmpeg(): string | null {
  try {
    return (createRequire(import.meta.url)("@ffmpeg-installer/ffmpeg") as { path: string }).path;
  } catch {
    return null;
  }
}

/** `FFMPEG_PATH`, else `ffmpeg` on the PATH (newer), else the bundled one; null when there is none. */
export function findFfmpeg(
  configured: string | undefined,
  path = process.env.PATH ?? "",
  bundled: () => string | null = bundledFfmpeg,
): string | null {
  const bundledPath = configured ? null : bundled();
  const candidates = configured
    ? [configured]
    : [...path.split(delimiter).map((dir) => join(dir, "ffmpeg")), ...(bundledPath ? [bundledPath] : [])];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

/**
 * Converts a recording (wav, mp3, m4a, ogg, flac…) into 16 kHz mono WAV. The duration is that of the
 * audio actually decoded (the WAV's data size), not what the container claims.
 */
export async function transcodeForSpeech(
  ffmpeg: string,
  inputPath: string,
  outputPath: string,
  options: { timeoutMs?: number } = {},
): Promise<{ durationSeconds: number; bytes: number }> {
  const args = ["-hide_banner", "-nostdin", "-v", "error", "-y", "-i", inputPath];
  args.push(
    "-vn",
    "-ac",
    "1",
    "-ar",
    String(SPEECH_SAMPLE_RATE),
    "-c:a",
    "pcm_s16le",
    "-f",
    "wav",
    outputPath,
  );
  const stderr = await run(ffmpeg, args, options.timeoutMs ?? 120_000);
  const { size } = await stat(outputPath).catch(() => ({ size: 0 }));
  if (size <= WAV_HEADER_BYTES)
    throw new AudioError(
      "not_audio",
      `No audio could be decoded from the file${stderr ? `: ${stderr}` : ""}`,
    );
  return { durationSeconds: (size - WAV_HEADER_BYTES) / (SPEECH_SAMPLE_RATE * 2), bytes: size };
}

function run(command: string, args: string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      if (stderr.length < 4000) stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(
        new AudioError(
          "missing_tool",
          `ffmpeg could not start (${error.message}); install it or set FFMPEG_PATH`,
        ),
      );
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const said = firstLine(stderr);
      if (signal)
        return reject(new AudioError("failed", `ffmpeg was stopped (${signal}) after ${timeoutMs} ms`));
      if (code === 0) return resolve(said);
      // ffmpeg's own words for a file that is not audio ("Invalid data found when processing input").
      const notAudio =
        /Invalid data|could not find codec|does not contain any stream|Output file #0 does not contain|moov atom not found|Invalid argument/i.test(
          stderr,
        );
      reject(
        new AudioError(
          notAudio ? "not_audio" : "failed",
          notAudio ? `Not an audio file ffmpeg can read: ${said}` : `ffmpeg failed (exit ${code}): ${said}`,
        ),
      );
    });
  });
}

const firstLine = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .find(Boolean)
    ?.replace(/^.*?: /, "") ?? "";
