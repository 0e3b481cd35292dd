import { spawn } from "node:child_process";
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
import { AudioError, SPEECH_SAMPLE_RATE } from "../audio/ffmpeg.js";
import { TranscriptionError, type TTranscribeInput } from "../ports.js";

/**
 * ffmpeg helpers for speech-to-text: how many channels a recording has, splitting a two-channel call into
 * one 16 kHz mono WAV per channel (one speaker each), and cutting a long WAV into pieces. ffmpeg reads
 * and writes the files itself; nothing here holds more than a WAV header in memory.
 */

type TRunOptions = { timeoutMs?: number; signal?: AbortSignal };

/** A mixed-down channel this quiet (dB) means the two channels carry the same signal (mono in stereo). */
const SAME_SIGNAL_DB = -50;

/**
 * The channel count of a recording's first audio stream, read from the header of a WAV that ffmpeg
 * decodes a tenth of a second into (what ffmpeg will actually hand the splitter, whatever the container
 * claims).
 */
export async function probeChannels(ffmpeg: string, inputPath: string, options: TRunOptions = {}) {
  let header = Buffer.alloc(0);
  await runFfmpeg(
    ffmpeg,
    [
      ...["-i", inputPath, "-map", "0:a:0", "-t", "0.1", "-fflags", "+bitexact", "-map_metadata", "-1"],
      ...["-c:a", "pcm_s16le", "-f", "wav", "pipe:1"],
    ],
    {
      ...options,
      onStdout: (chunk) => {
        if (header.length < 4096) header = Buffer.concat([header, chunk]);
      },
    },
  );
  const format = readWavFormat(header);
  if (!format) throw new AudioError("not_audio", "ffmpeg decoded no audio stream from the recording");
  return format.channels;
}

/**
 * True when the two channels of a stereo recording carry the same signal (a mono call saved as stereo):
 * transcribing each channel would then give every line twice, once per speaker.
 */
export async function channelsAreIdentical(ffmpeg: string, inputPath: string, options: TRunOptions = {}) {
  const stderr = await runFfmpeg(
    ffmpeg,
    ["-i", inputPath, "-map", "0:a:0", "-af", "pan=mono|c0=c0-c1,volumedetect", "-f", "null", "-"],
    { ...options, logLevel: "info" },
  );
  const max = /max_volume:\s*(-?[\d.]+|-inf) dB/.exec(stderr)?.[1];
  return max === undefined ? false : max === "-inf" || Number(max) <= SAME_SIGNAL_DB;
}

/** Splits a two-channel recording into two 16 kHz mono WAVs, channel 0 (left) and channel 1 (right). */
export async function splitStereo(
  ffmpeg: string,
  inputPath: string,
  outputs: { left: string; right: string },
  options: TRunOptions = {},
): Promise<{ left: TWavTrack; right: TWavTrack }> {
  const pcm = ["-ar", String(SPEECH_SAMPLE_RATE), "-c:a", "pcm_s16le", "-fflags", "+bitexact"];
  await runFfmpeg(
    ffmpeg,
    [
      ...["-i", inputPath, "-map_metadata", "-1", "-filter_complex"],
      // pan, not channelsplit: it works whatever layout the file declares ("stereo", "2 channels", …).
      "[0:a:0]asplit=2[a][b];[a]pan=mono|c0=c0[left];[b]pan=mono|c0=c1[right]",
      ...["-map", "[left]", ...pcm, outputs.left, "-map", "[right]", ...pcm, outputs.right],
    ],
    options,
  );
  const [left, right] = await Promise.all([readWavTrack(outputs.left), readWavTrack(outputs.right)]);
  return { left, right };
}

/** Copies `lengthSeconds` of a 16 kHz mono WAV from `startSeconds` (sample-exact: PCM input). */
export async function cutWav(
  ffmpeg: string,
  inputPath: string,
  outputPath: string,
  startSeconds: number,
  lengthSeconds: number,
  options: TRunOptions = {},
): Promise<TWavTrack> {
  await runFfmpeg(
    ffmpeg,
    [
      ...["-ss", String(startSeconds), "-t", String(lengthSeconds), "-i", inputPath],
      ...["-map_metadata", "-1", "-ac", "1", "-ar", String(SPEECH_SAMPLE_RATE), "-c:a", "pcm_s16le"],
      ...["-fflags", "+bitexact", outputPath],
    ],
    options,
  );
  return readWavTrack(outputPath);
}

export type TWavTrack = { path: string; durationSeconds: number };

/** A WAV file's duration from its header and size (the data chunk runs to the end of the file). */
export async function readWavTrack(path: string): Promise<TWavTrack> {
  const handle = await open(path, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const format = readWavFormat(buffer.subarray(0, bytesRead));
    const { size } = await stat(path);
    if (!format) throw new AudioError("failed", `${path} is not a PCM WAV file`);
    const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
    return { path, durationSeconds: Math.max(0, size - format.dataOffset) / bytesPerSecond };
  } finally {
    await handle.close();
  }
}

/** The `fmt ` fields and where the `data` chunk starts, or null when the bytes are not a RIFF/WAVE header. */
export function readWavFormat(header: Buffer) {
  if (
    header.length < 12 ||
    header.toString("ascii", 0, 4) !== "RIFF" ||
    header.toString("ascii", 8, 12) !== "WAVE"
  )
    return null;
  let offset = 12;
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  while (offset + 8 <= header.length) {
    const id = header.toString("ascii", offset, offset + 4);
    const size = header.readUInt32LE(offset + 4);
    if (id === "fmt " && offset + 24 <= header.length) {
      format = {
        channels: header.readUInt16LE(offset + 10),
        sampleRate: header.readUInt32LE(offset + 12),
        bitsPerSample: header.readUInt16LE(offset + 22),
      };
    }
    if (id === "data") return format ? { ...format, dataOffset: offset + 8 } : null;
    offset += 8 + size + (size % 2);
  }
  return null;
}

/** What a transcriber sends to its engine: one 16 kHz mono WAV per speaker, or the mixed call. */
export type TSpeechTrack = TWavTrack & { speaker: "rep" | "customer" | null };

/**
 * A two-channel recording whose channels differ is split, one speaker per channel (`repChannel` is the
 * rep); anything else (mono, mono saved as stereo, more than two channels) is the transcode step's 16 kHz
 * mono file, speakers unknown.
 */
export async function prepareSpeechTracks(
  ffmpeg: string,
  input: TTranscribeInput,
  workDir: string,
  options: TRunOptions = {},
): Promise<TSpeechTrack[]> {
  const channels = await probeChannels(ffmpeg, input.originalPath, options);
  if (channels !== 2 || (await channelsAreIdentical(ffmpeg, input.originalPath, options))) {
    return [{ ...(await readWavTrack(input.speechPath)), speaker: null }];
  }
  const { left, right } = await splitStereo(
    ffmpeg,
    input.originalPath,
    { left: join(workDir, "left.wav"), right: join(workDir, "right.wav") },
    options,
  );
  const leftIsRep = input.repChannel === "left";
  return [
    { ...left, speaker: leftIsRep ? "rep" : "customer" },
    { ...right, speaker: leftIsRep ? "customer" : "rep" },
  ];
}

/** ffmpeg's and the file system's failures as a transcriber reports them; a cancelled run is retryable. */
export function toTranscriptionError(error: unknown, signal?: AbortSignal): TranscriptionError {
  if (error instanceof TranscriptionError) return error;
  if (signal?.aborted) return new TranscriptionError("retryable", "Transcription was cancelled");
  if (error instanceof AudioError) {
    if (error.kind === "missing_tool") return new TranscriptionError("unavailable", error.message);
    return new TranscriptionError("failed", `Could not prepare the recording: ${error.message}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TranscriptionError("failed", `Could not prepare the recording: ${message}`);
}

function runFfmpeg(
  ffmpeg: string,
  args: string[],
  options: TRunOptions & { onStdout?: (chunk: Buffer) => void; logLevel?: "error" | "info" },
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new AudioError("failed", "ffmpeg was cancelled"));
    const child = spawn(
      ffmpeg,
      ["-hide_banner", "-nostdin", "-v", options.logLevel ?? "error", "-y", ...args],
      { stdio: ["ignore", options.onStdout ? "pipe" : "ignore", "pipe"] },
    );
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => options.onStdout?.(chunk));
    child.stderr?.on("data", (chunk: Buffer) => {
      // Keep the end: volumedetect's summary and ffmpeg's final error come last.
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    let stopped: string | null = null;
    const kill = (why: string) => {
      stopped = why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill(`after ${timeoutMs} ms`), timeoutMs);
    const onAbort = () => kill("cancelled");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.on("error", (error) => {
      done();
      reject(
        new AudioError(
          "missing_tool",
          `ffmpeg could not start (${error.message}); install it or set FFMPEG_PATH`,
        ),
      );
    });
    child.on("close", (code) => {
      done();
      if (stopped) return reject(new AudioError("failed", `ffmpeg was stopped (${stopped})`));
      if (code === 0) return resolve(stderr);
      const said = lastLine(stderr);
      const notAudio =
        /Invalid data|could not find codec|does not contain any stream|Stream map .* matches no streams|moov atom not found|Invalid argument/i.test(
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

const lastLine = (text: string) =>
  text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? "";
