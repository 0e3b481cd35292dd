import type { TCallSettings } from "@plaibook/shared";
import type { Transcriber } from "../ports.js";
import { createOpenAiTranscriber } from "./openai-transcriber.js";
import { createPocketsphinxTranscriber, findPocketsphinx } from "./pocketsphinx-transcriber.js";

export { createOpenAiTranscriber, type TOpenAiTranscriberOptions } from "./openai-transcriber.js";
export {
  createPocketsphinxTranscriber,
  findPocketsphinx,
  measurePocketsphinxRtf,
  type TPocketsphinxBinary,
} from "./pocketsphinx-transcriber.js";

export type TTranscriberChoice = Pick<TCallSettings["transcription"], "engine"> &
  Partial<Pick<TCallSettings["transcription"], "repChannel">>;

export type TTranscriberEnv = {
  /** TRANSCRIBE_BASE_URL: an OpenAI-compatible API root. */
  baseUrl?: string | undefined;
  /** TRANSCRIBE_API_KEY */
  apiKey?: string | undefined;
  /** TRANSCRIBE_MODEL (whisper-1 by default). */
  model?: string | undefined;
  /** POCKETSPHINX_PATH; else pocketsphinx_continuous / pocketsphinx on the PATH. */
  pocketsphinxPath?: string | undefined;
  /** FFMPEG_PATH; else ffmpeg on the PATH (stereo calls are split per channel). */
  ffmpegPath?: string | undefined;
  /** Per request to the API. */
  timeoutMs?: number | undefined;
};

const OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";

/**
 * The organisation's speech-to-text, or null and why not (the call then waits for a transcript). The
 * rep's channel is not fixed here: it travels with each call in TTranscribeInput.
 */
export function createTranscriber(
  choice: TTranscriberChoice,
  env: TTranscriberEnv,
): { transcriber: Transcriber | null; reason: string | null } {
  switch (choice.engine) {
    case "supplied_only":
      return {
        transcriber: null,
        reason: "Speech-to-text is off for this organisation: upload the call's transcript",
      };
    case "openai": {
      if (!env.apiKey)
        return {
          transcriber: null,
          reason: "Speech-to-text with OpenAI is chosen but TRANSCRIBE_API_KEY is not set on the server",
        };
      return {
        transcriber: createOpenAiTranscriber({
          baseUrl: env.baseUrl ?? OPENAI_DEFAULT_BASE_URL,
          apiKey: env.apiKey,
          model: env.model ?? "whisper-1",
          ...(env.ffmpegPath ? { ffmpeg: env.ffmpegPath } : {}),
          ...(env.timeoutMs ? { timeoutMs: env.timeoutMs } : {}),
        }),
        reason: null,
      };
    }
    case "pocketsphinx": {
      const binary = findPocketsphinx(env.pocketsphinxPath);
      if (!binary)
        return {
          transcriber: null,
          reason: env.pocketsphinxPath
            ? `pocketsphinx is not installed on this machine (POCKETSPHINX_PATH ${env.pocketsphinxPath} is not an executable)`
            : "pocketsphinx is not installed on this machine (apt-get install pocketsphinx pocketsphinx-en-us)",
        };
      return {
        transcriber: createPocketsphinxTranscriber({
          binary,
          ...(env.ffmpegPath ? { ffmpeg: env.ffmpegPath } : {}),
        }),
        reason: null,
      };
    }
  }
}
