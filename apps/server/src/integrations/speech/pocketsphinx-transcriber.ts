import { spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import type { TTranscriptSegment } from "@plaibook/shared";
import { findFfmpeg } from "../audio/ffmpeg.js";
import { type Transcriber, TranscriptionError, type TTranscribeInput } from "../ports.js";
import { prepareSpeechTracks, readWavTrack, toTranscriptionError } from "./channels.js";
import { cleanText, labelByTurns, mergeByStart, type TTimedText } from "./segments.js";

/**
 * Offline speech-to-text with CMU PocketSphinx and its US English model. Accuracy is poor (see
 * ../shared/docs/DEPENDENCIES.md: WER around 70% on synthetic speech), so this is for trying the pipeline
 * without a speech-to-text account, not for judging calls.
 *
 * Two command-line programs exist: Debian 12 ships 0.8+5prealpha, whose `pocketsphinx_continuous
 * -infile x.wav -time yes` prints each utterance's words with their times between `<s>` and `</s>`;
 * PocketSphinx 5 has one `pocketsphinx` program whose `live` command prints a JSON line per utterance
 * (`b` start, `d` duration, `t` text, `w` words). Both are supported; both read 16 kHz mono WAV.
 */

export type TPocketsphinxFlavour = "continuous" | "v5";
export type TPocketsphinxBinary = { path: string; flavour: TPocketsphinxFlavour };

const INSTALL_HINT = "apt-get install pocketsphinx pocketsphinx-en-us, or set POCKETSPHINX_PATH";

/** `POCKETSPHINX_PATH`, else `pocketsphinx_continuous` or `pocketsphinx` on the PATH; null when none. */
export function findPocketsphinx(
  configured: string | undefined,
  path = process.env.PATH ?? "",
): TPocketsphinxBinary | null {
  const dirs = path.split(delimiter).filter(Boolean);
  const candidates = configured
    ? [configured]
    : [
        ...dirs.map((dir) => join(dir, "pocketsphinx_continuous")),
        ...dirs.map((dir) => join(dir, "pocketsphinx")),
      ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return { path: candidate, flavour: flavourOf(candidate) };
    } catch {
      // not here
    }
  }
  return null;
}

/** By the program's name: `pocketsphinx_continuous` (0.8/5prealpha) or anything else (5.x `pocketsphinx`). */
function flavourOf(path: string): TPocketsphinxFlavour {
  return basename(path).includes("continuous") ? "continuous" : "v5";
}

export type TPocketsphinxOptions = {
  /** A path (the flavour is read from its name) or what findPocketsphinx returned. */
  binary: string | TPocketsphinxBinary;
  /** The ffmpeg binary for splitting stereo calls; else `ffmpeg` on the PATH. */
  ffmpeg?: string;
  /** Extra decoder arguments (`-hmm`, `-lm`, `-dict` for another model). */
  args?: string[];
  /** Per channel; by default a minute plus four times the audio's length. */
  timeoutMs?: number;
  workDir?: string;
};

export const POCKETSPHINX_MODEL = "pocketsphinx-en-us";

export function createPocketsphinxTranscriber(options: TPocketsphinxOptions): Transcriber {
  const binary =
    typeof options.binary === "string"
      ? { path: options.binary, flavour: flavourOf(options.binary) }
      : options.binary;
  return {
    name: "pocketsphinx",
    async transcribe(input: TTranscribeInput) {
      const { signal } = input;
      const ffmpeg = options.ffmpeg ?? findFfmpeg(undefined);
      if (!ffmpeg)
        throw new TranscriptionError(
          "unavailable",
          "ffmpeg is not installed here; install it or set FFMPEG_PATH",
        );
      const dir = await mkdtemp(join(options.workDir ?? tmpdir(), "plaibook-sphinx-"));
      try {
        const tracks = await prepareSpeechTracks(ffmpeg, input, dir, { signal }).catch((error: unknown) => {
          throw toTranscriptionError(error, signal);
        });
        const total = tracks.reduce((sum, track) => sum + track.durationSeconds, 0) || 1;
        let before = 0;
        const lists: TTranscriptSegment[][] = [];
        for (const track of tracks) {
          const found = await decodeWithPocketsphinx(binary, track.path, {
            durationSeconds: track.durationSeconds,
            args: options.args,
            timeoutMs: options.timeoutMs,
            signal,
            onDecoded: (seconds) =>
              input.onProgress?.(Math.min(1, (before + Math.min(seconds, track.durationSeconds)) / total)),
          });
          before += track.durationSeconds;
          input.onProgress?.(Math.min(1, before / total));
          lists.push(
            track.speaker
              ? found.map((piece) => ({ speaker: track.speaker ?? "rep", ...piece }))
              : labelByTurns(found),
          );
        }
        return { segments: mergeByStart(...lists), model: POCKETSPHINX_MODEL };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/**
 * Runs the decoder over one 16 kHz mono WAV and reads its utterances as they come: start, end and text
 * (fillers and silences dropped, empty utterances skipped). `onDecoded` gets the seconds decoded so far.
 * A cancelled or timed-out run kills the decoder.
 */
export function decodeWithPocketsphinx(
  binary: TPocketsphinxBinary,
  wavPath: string,
  options: {
    durationSeconds: number;
    args?: string[] | undefined;
    timeoutMs?: number | undefined;
    signal?: AbortSignal | undefined;
    onDecoded?: (seconds: number) => void;
  },
): Promise<TTimedText[]> {
  const timeoutMs = options.timeoutMs ?? 60_000 + options.durationSeconds * 4000;
  const args =
    binary.flavour === "continuous"
      ? ["-infile", wavPath, "-time", "yes", ...(options.args ?? [])]
      : [...(options.args ?? []), "live", wavPath];
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted)
      return reject(new TranscriptionError("retryable", "Transcription was cancelled"));
    const child = spawn(binary.path, args, { stdio: ["ignore", "pipe", "pipe"] });
    const parser = createPocketsphinxParser(binary.flavour);
    const found: TTimedText[] = [];
    let pending = "";
    let stderr = "";
    const take = (line: string) => {
      const utterance = parser(line);
      if (!utterance) return;
      if (utterance.text) found.push(utterance);
      options.onDecoded?.(utterance.end);
    };
    child.stdout.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) take(line);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8000);
    });
    let stopped: "timeout" | "cancelled" | null = null;
    const kill = (why: "timeout" | "cancelled") => {
      stopped = why;
      child.kill("SIGKILL");
    };
    const timer = setTimeout(() => kill("timeout"), timeoutMs);
    const onAbort = () => kill("cancelled");
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child.on("error", (error: NodeJS.ErrnoException) => {
      done();
      reject(
        new TranscriptionError(
          "unavailable",
          error.code === "ENOENT" || error.code === "EACCES"
            ? `pocketsphinx is not installed on this machine (${binary.path} not found); ${INSTALL_HINT}`
            : `pocketsphinx could not start (${error.message}); ${INSTALL_HINT}`,
        ),
      );
    });
    child.on("close", (code) => {
      done();
      if (stopped === "cancelled")
        return reject(new TranscriptionError("retryable", "Transcription was cancelled"));
      if (stopped === "timeout")
        return reject(new TranscriptionError("retryable", `pocketsphinx was stopped after ${timeoutMs} ms`));
      if (pending) take(pending);
      const last = parser(null);
      if (last?.text) found.push(last);
      if (code === 0) return resolve(found);
      const said = errorLine(stderr);
      // The decoder runs but its model is not there (pocketsphinx without pocketsphinx-en-us).
      if (
        /No such file|Failed to (open|read)|cannot open/i.test(stderr) &&
        /model|\.dict|\.lm|mdef|feat\.params/i.test(stderr)
      )
        return reject(
          new TranscriptionError(
            "unavailable",
            `pocketsphinx's English model is missing (${said}); ${INSTALL_HINT}`,
          ),
        );
      reject(new TranscriptionError("failed", `pocketsphinx failed (exit ${code}): ${said}`));
    });
  });
}

/**
 * Reads the decoder's output a line at a time; returns an utterance when one ends (null otherwise, and
 * `null` in, at the end of the output, flushes an utterance left open).
 */
export function createPocketsphinxParser(
  flavour: TPocketsphinxFlavour,
): (line: string | null) => TTimedText | null {
  if (flavour === "v5") {
    return (line) => {
      if (!line?.trim().startsWith("{")) return null;
      try {
        const value = JSON.parse(line) as { b?: unknown; d?: unknown; t?: unknown };
        if (typeof value.b !== "number" || typeof value.d !== "number") return null;
        return {
          start: value.b,
          end: value.b + value.d,
          text: cleanText(typeof value.t === "string" ? value.t : ""),
        };
      } catch {
        return null;
      }
    };
  }
  // pocketsphinx_continuous -time yes: a hypothesis line, then "word start end confidence" lines from
  // <s> to </s>. Words come as "the(2)" for alternative pronunciations; <sil>, [NOISE], ++…++ are fillers.
  let words: { word: string; start: number; end: number }[] = [];
  let utteranceEnd = 0;
  const flush = (end: number): TTimedText | null => {
    const said = words;
    words = [];
    const first = said[0];
    const last = said.at(-1);
    if (!first || !last) return end > 0 ? { start: end, end, text: "" } : null;
    return { start: first.start, end: last.end, text: cleanText(said.map((w) => w.word).join(" ")) };
  };
  return (line) => {
    if (line === null) return words.length > 0 ? flush(utteranceEnd) : null;
    const match = /^(\S+) (-?\d+(?:\.\d+)?) (-?\d+(?:\.\d+)?) (-?[\d.]+(?:e[-+]?\d+)?)$/.exec(line.trim());
    if (!match) return null;
    const [, word = "", start = "0", end = "0"] = match;
    utteranceEnd = Number(end);
    if (word === "<s>") {
      words = [];
      return null;
    }
    if (word === "</s>") return flush(Number(end));
    if (/^(<.*>|\[.*\]|\+\+.*\+\+)$/.test(word)) return null;
    words.push({ word: word.replace(/\(\d+\)$/, ""), start: Number(start), end: Number(end) });
    return null;
  };
}

/** Decodes one WAV and times it: the real-time factor is wall time over audio time (below 1 keeps up). */
export async function measurePocketsphinxRtf(
  binary: string | TPocketsphinxBinary,
  wavPath: string,
): Promise<{ audioSeconds: number; wallSeconds: number; rtf: number }> {
  const resolved = typeof binary === "string" ? { path: binary, flavour: flavourOf(binary) } : binary;
  const { durationSeconds } = await readWavTrack(wavPath);
  const started = process.hrtime.bigint();
  await decodeWithPocketsphinx(resolved, wavPath, { durationSeconds });
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    audioSeconds: durationSeconds,
    wallSeconds,
    rtf: durationSeconds > 0 ? wallSeconds / durationSeconds : 0,
  };
}

/** The decoder's own complaint: its last ERROR/FATAL line, else its last line. */
function errorLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.filter((line) => /ERROR|FATAL/.test(line)).at(-1) ?? lines.at(-1) ?? "no message").slice(
    0,
    300,
  );
}
