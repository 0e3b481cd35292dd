import { openAsBlob } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import type { TTranscriptSegment } from "@plaibook/shared";
import { z } from "zod";
import { findFfmpeg, SPEECH_SAMPLE_RATE } from "../audio/ffmpeg.js";
import { type Transcriber, TranscriptionError, type TTranscribeInput } from "../ports.js";
import { cutWav, prepareSpeechTracks, type TSpeechTrack, toTranscriptionError } from "./channels.js";
import { labelByTurns, mergeByStart, placeInCall, type TTimedText } from "./segments.js";

/**
 * Speech-to-text through an OpenAI-compatible `POST {baseUrl}/audio/transcriptions` (OpenAI's whisper-1,
 * or a server that speaks the same protocol): multipart `file`, `model`, `response_format=verbose_json`,
 * `timestamp_granularities[]=segment`; the answer's `segments` carry start, end and text.
 *
 * Who spoke: a two-channel recording is sent one channel at a time (16 kHz mono WAV each), the
 * `repChannel` channel's segments labelled rep and the other's customer, then merged in time order. A
 * one-channel recording is sent as the 16 kHz mono file and its speakers guessed by turns (segments.ts).
 *
 * The API takes files up to 25 MB: a track longer than `chunkSeconds` (10 minutes of 16 kHz mono WAV is
 * about 19 MB) is cut into pieces sent one after another, their timings shifted by where they start. A
 * word cut at a boundary may be lost or split.
 */

export type TOpenAiTranscriberOptions = {
  /** e.g. https://api.openai.com/v1 */
  baseUrl: string;
  apiKey: string;
  model?: string;
  /** Per request (upload and recognition of one piece). */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** The ffmpeg binary; else `ffmpeg` on the PATH. */
  ffmpeg?: string;
  /** Longest piece sent in one request. */
  chunkSeconds?: number;
  /** Further tries of one piece after a retryable failure (429, 5xx, network, timeout, bad answer). */
  retries?: number;
  /** First wait before a retry (doubled each time) when the server gives no Retry-After. */
  retryDelayMs?: number;
  /** Where the per-channel and chunk WAVs are written (removed afterwards). */
  workDir?: string;
};

export const OPENAI_UPLOAD_LIMIT_BYTES = 25 * 1024 * 1024;
const DEFAULT_CHUNK_SECONDS = 600;
const MAX_RETRY_AFTER_SECONDS = 60;

/** The verbose_json answer; only what we use is required, anything else may come along. */
const ZVerboseTranscription = z.object({
  text: z.string(),
  duration: z.coerce.number().min(0).optional(),
  segments: z
    .array(z.object({ start: z.number().min(0), end: z.number().min(0), text: z.string() }))
    .optional(),
});

export function createOpenAiTranscriber(options: TOpenAiTranscriberOptions): Transcriber {
  const fetchImpl = options.fetch ?? fetch;
  const model = options.model ?? "whisper-1";
  const timeoutMs = options.timeoutMs ?? 300_000;
  const chunkSeconds = options.chunkSeconds ?? DEFAULT_CHUNK_SECONDS;
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 1000;
  if (chunkSeconds * SPEECH_SAMPLE_RATE * 2 + 44 > OPENAI_UPLOAD_LIMIT_BYTES)
    throw new Error(`chunkSeconds ${chunkSeconds} makes pieces over the API's 25 MB limit`);
  const url = `${options.baseUrl.replace(/\/+$/, "")}/audio/transcriptions`;

  /** One piece of audio → its segments, with the piece's own timings. */
  async function transcribeFile(path: string, signal: AbortSignal | undefined): Promise<TTimedText[]> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await requestOnce(path, signal);
      } catch (error) {
        const failure = error instanceof RetryableFailure ? error : null;
        if (!failure || attempt >= retries || signal?.aborted) {
          throw failure ? new TranscriptionError("retryable", failure.message) : error;
        }
        const waitMs =
          failure.retryAfterSeconds !== null
            ? Math.min(failure.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS) * 1000
            : retryDelayMs * 2 ** attempt * (0.75 + Math.random() / 2);
        await sleep(waitMs, signal);
      }
    }
  }

  async function requestOnce(path: string, signal: AbortSignal | undefined): Promise<TTimedText[]> {
    const form = new FormData();
    form.append("file", (await openAsBlob(path, { type: "audio/wav" })) as Blob, basename(path));
    form.append("model", model);
    form.append("response_format", "verbose_json");
    form.append("timestamp_granularities[]", "segment");
    const timeout = AbortSignal.timeout(timeoutMs);
    let response: Response;
    let body: string;
    try {
      response = await fetchImpl(url, {
        method: "POST",
        headers: { authorization: `Bearer ${options.apiKey}` },
        body: form,
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
      body = await response.text();
    } catch (error) {
      if (signal?.aborted) throw new TranscriptionError("retryable", "Transcription was cancelled");
      if (timeout.aborted)
        throw new RetryableFailure(`The speech-to-text service gave no answer within ${timeoutMs} ms`);
      const cause =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : "";
      throw new RetryableFailure(`Could not reach the speech-to-text service${cause ? ` (${cause})` : ""}`);
    }
    if (!response.ok) throw statusError(response, body);
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new RetryableFailure(
        `The speech-to-text service answered with something that is not JSON: ${excerpt(body)}`,
      );
    }
    const parsed = ZVerboseTranscription.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RetryableFailure(
        `The speech-to-text service's answer is not a verbose_json transcription (${issue?.path.join(".") || "body"}: ${issue?.message})`,
      );
    }
    const { segments, text, duration } = parsed.data;
    // A compatible server that ignores timestamp_granularities still says what was said.
    if (!segments) return text.trim() ? [{ start: 0, end: duration ?? 0, text }] : [];
    return segments;
  }

  function statusError(response: Response, body: string): Error {
    const said = serverMessage(body);
    const status = response.status;
    if (status === 401 || status === 403)
      return new TranscriptionError(
        "unavailable",
        `The speech-to-text service refused the API key (HTTP ${status}: ${said}); check TRANSCRIBE_API_KEY`,
      );
    if (status === 408 || status === 409 || status === 429 || status >= 500) {
      const retryAfter = Number(response.headers.get("retry-after"));
      return new RetryableFailure(
        `The speech-to-text service is ${status === 429 ? "rate limiting us" : "failing"} (HTTP ${status}: ${said})`,
        Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : null,
      );
    }
    return new TranscriptionError(
      "failed",
      `The speech-to-text service refused the recording (HTTP ${status}: ${said})`,
    );
  }

  return {
    name: "openai",
    async transcribe(input: TTranscribeInput) {
      const { signal } = input;
      const ffmpeg = options.ffmpeg ?? findFfmpeg(undefined);
      if (!ffmpeg)
        throw new TranscriptionError(
          "unavailable",
          "ffmpeg is not installed here; install it or set FFMPEG_PATH",
        );
      const dir = await mkdtemp(join(options.workDir ?? tmpdir(), "plaibook-stt-"));
      try {
        const tracks = await prepareSpeechTracks(ffmpeg, input, dir, { signal }).catch((error: unknown) => {
          throw toTranscriptionError(error, signal);
        });
        const pieceCounts = tracks.map((track) =>
          Math.max(1, Math.ceil(track.durationSeconds / chunkSeconds)),
        );
        const total = pieceCounts.reduce((sum, count) => sum + count, 0);
        let done = 0;
        const lists: TTranscriptSegment[][] = [];
        for (const [index, track] of tracks.entries()) {
          const found = await transcribeTrack(track, pieceCounts[index] ?? 1, dir, ffmpeg, signal, () => {
            done += 1;
            input.onProgress?.(done / total);
          });
          lists.push(
            track.speaker
              ? found.map((piece) => ({ speaker: track.speaker ?? "rep", ...piece }))
              : labelByTurns(found),
          );
        }
        return { segments: mergeByStart(...lists), model };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };

  async function transcribeTrack(
    track: TSpeechTrack,
    pieces: number,
    dir: string,
    ffmpeg: string,
    signal: AbortSignal | undefined,
    onPiece: () => void,
  ): Promise<TTimedText[]> {
    if (pieces === 1) {
      const found = placeInCall(await transcribeFile(track.path, signal), 0, track.durationSeconds);
      onPiece();
      return found;
    }
    const all: TTimedText[] = [];
    for (let index = 0; index < pieces; index++) {
      const offset = index * chunkSeconds;
      const piecePath = join(dir, `${basename(track.path, ".wav")}-${String(index).padStart(3, "0")}.wav`);
      const piece = await cutWav(ffmpeg, track.path, piecePath, offset, chunkSeconds, { signal }).catch(
        (error: unknown) => {
          throw toTranscriptionError(error, signal);
        },
      );
      all.push(...placeInCall(await transcribeFile(piece.path, signal), offset, piece.durationSeconds));
      await rm(piece.path, { force: true });
      onPiece();
    }
    return all;
  }
}

/** A failure worth another try of the same piece; becomes TranscriptionError("retryable") when tries run out. */
class RetryableFailure extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

/** OpenAI's `{error: {message}}`, else the start of the body. */
function serverMessage(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } | string; message?: unknown };
    const message =
      typeof parsed.error === "string" ? parsed.error : (parsed.error?.message ?? parsed.message ?? null);
    if (typeof message === "string" && message.trim()) return excerpt(message);
  } catch {
    // not JSON
  }
  return excerpt(body) || "no message";
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TranscriptionError("retryable", "Transcription was cancelled"));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
