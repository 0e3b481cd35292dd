import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readWavFormat } from "../../src/integrations/speech/channels.js";

/**
 * A local stand-in for OpenAI's speech-to-text endpoint, `POST /v1/audio/transcriptions`: multipart
 * `file`, `model`, `response_format`, `timestamp_granularities[]`, with `Authorization: Bearer <key>`.
 * It checks the key (401 like OpenAI's "Incorrect API key provided"), the model (400 for one it does not
 * serve) and that a file came, records every request with what the uploaded WAV holds, and plays a script
 * of behaviours, one per accepted request. With nothing scripted it answers 500, so a test that makes
 * more requests than it planned fails loudly.
 */

export type TFakeSegment = { start: number; end: number; text: string };

export type TFakeTranscriptionBehaviour =
  /** verbose_json with these segments. */
  | { kind: "segments"; segments: TFakeSegment[]; duration?: number }
  /**
   * Finds the stretches of sound in the uploaded 16-bit WAV (pauses shorter than `minSilenceSeconds`
   * joined) and answers one segment per stretch, with `texts[i]` (else "speech i+1") as its text: a
   * transcript whose timings are those of the audio actually sent.
   */
  | { kind: "speech"; texts?: string[]; minSilenceSeconds?: number }
  /** A 200 whose body is not JSON. */
  | { kind: "invalid_json"; body?: string }
  /** A 200 with JSON that is not a transcription. */
  | { kind: "wrong_shape"; body?: unknown }
  /** An HTTP error in OpenAI's shape `{error: {message, type, code}}`. */
  | { kind: "status"; status: number; message?: string; retryAfter?: string }
  /** Waits, then behaves as `then` (by default an empty transcription): long enough to trip a timeout. */
  | { kind: "slow"; delayMs: number; then?: TFakeTranscriptionBehaviour }
  /** Closes the connection without answering (a network failure). */
  | { kind: "drop" };

export type TFakeTranscriptionRequest = {
  path: string;
  authorization: string | null;
  model: string | null;
  responseFormat: string | null;
  granularities: string[];
  fileName: string | null;
  fileType: string | null;
  fileBytes: number;
  /** The uploaded file's WAV header, when it is a WAV. */
  wav: { channels: number; sampleRate: number; durationSeconds: number } | null;
  /** The behaviour it played, or null when refused or unscripted. */
  behaviour: TFakeTranscriptionBehaviour["kind"] | null;
  status: number;
  /** The segments it answered with (for `segments` and `speech`). */
  answered: TFakeSegment[];
};

export type TFakeOpenAiTranscriptions = {
  /** The API root, e.g. http://127.0.0.1:40123/v1 */
  baseUrl: string;
  apiKey: string;
  requests: TFakeTranscriptionRequest[];
  enqueue: (...behaviours: TFakeTranscriptionBehaviour[]) => void;
  reset: () => void;
  close: () => Promise<void>;
};

const PATH = "/v1/audio/transcriptions";

export async function startFakeOpenAiTranscriptions(
  options: { apiKey?: string; models?: string[] } = {},
): Promise<TFakeOpenAiTranscriptions> {
  const apiKey = options.apiKey ?? "sk-fake-transcribe-key";
  const models = new Set(options.models ?? ["whisper-1"]);
  const requests: TFakeTranscriptionRequest[] = [];
  const queue: TFakeTranscriptionBehaviour[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(typeof body === "string" ? body : JSON.stringify(body));
  };

  const error = (res: ServerResponse, record: TFakeTranscriptionRequest, status: number, message: string) => {
    record.status = status;
    send(res, status, { error: { message, type: "invalid_request_error", param: null, code: null } });
  };

  const play = async (
    behaviour: TFakeTranscriptionBehaviour,
    res: ServerResponse,
    record: TFakeTranscriptionRequest,
    audio: Buffer,
  ): Promise<void> => {
    switch (behaviour.kind) {
      case "segments":
      case "speech": {
        const segments =
          behaviour.kind === "segments"
            ? behaviour.segments
            : findSpeech(audio, behaviour.minSilenceSeconds ?? 1).map((span, index) => ({
                ...span,
                text: behaviour.texts?.[index] ?? `speech ${index + 1}`,
              }));
        record.status = 200;
        record.answered = segments;
        const duration =
          (behaviour.kind === "segments" ? behaviour.duration : undefined) ??
          record.wav?.durationSeconds ??
          0;
        return send(res, 200, verboseJson(segments, duration));
      }
      case "invalid_json":
        record.status = 200;
        return send(res, 200, behaviour.body ?? "<html>Bad gateway</html>");
      case "wrong_shape":
        record.status = 200;
        return send(res, 200, behaviour.body ?? { transcript: [{ from: 0, to: 1, words: "hello" }] });
      case "status":
        record.status = behaviour.status;
        return send(
          res,
          behaviour.status,
          {
            error: {
              message: behaviour.message ?? `fake error ${behaviour.status}`,
              type: "server_error",
              code: null,
            },
          },
          behaviour.retryAfter === undefined ? {} : { "retry-after": behaviour.retryAfter },
        );
      case "slow":
        await sleep(behaviour.delayMs);
        return play(behaviour.then ?? { kind: "segments", segments: [] }, res, record, audio);
      case "drop":
        record.status = 0;
        res.socket?.destroy();
        return;
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const record: TFakeTranscriptionRequest = {
      path,
      authorization: req.headers.authorization ?? null,
      model: null,
      responseFormat: null,
      granularities: [],
      fileName: null,
      fileType: null,
      fileBytes: 0,
      wav: null,
      behaviour: null,
      status: 0,
      answered: [],
    };
    requests.push(record);
    if (req.method !== "POST" || path !== PATH)
      return error(res, record, 404, `Invalid URL (${req.method} ${path})`);
    if (record.authorization !== `Bearer ${apiKey}`)
      return error(res, record, 401, "Incorrect API key provided: sk-*** . You can find your API key at …");

    let form: FormData;
    try {
      // The platform's own multipart parser (undici), as a browser's Request would read the body.
      form = await new Request("http://fake.local/", {
        method: "POST",
        headers: { "content-type": req.headers["content-type"] ?? "" },
        body: Buffer.concat(chunks),
      }).formData();
    } catch {
      return error(res, record, 400, "Could not parse multipart form");
    }
    const model = form.get("model");
    const format = form.get("response_format");
    const file = form.get("file");
    record.model = typeof model === "string" ? model : null;
    record.responseFormat = typeof format === "string" ? format : null;
    record.granularities = form.getAll("timestamp_granularities[]").filter((v) => typeof v === "string");
    let audio = Buffer.alloc(0);
    if (file && typeof file !== "string") {
      audio = Buffer.from(await file.arrayBuffer());
      record.fileName = file.name;
      record.fileType = file.type || null;
      record.fileBytes = audio.length;
      const wav = readWavFormat(audio);
      if (wav) {
        const bytesPerSecond = wav.sampleRate * wav.channels * (wav.bitsPerSample / 8);
        record.wav = {
          channels: wav.channels,
          sampleRate: wav.sampleRate,
          durationSeconds: (audio.length - wav.dataOffset) / bytesPerSecond,
        };
      }
    }
    if (!record.fileName || record.fileBytes === 0)
      return error(res, record, 400, "You must provide a file with a supported audio format");
    if (!record.model) return error(res, record, 400, "you must provide a model parameter");
    if (!models.has(record.model)) return error(res, record, 400, `Invalid model ${record.model}`);

    const behaviour = queue.shift();
    if (!behaviour) return error(res, record, 500, "fake-openai-transcriptions: nothing scripted");
    record.behaviour = behaviour.kind;
    await play(behaviour, res, record, audio);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => send(res, 500, { error: { message: String(e) } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    apiKey,
    requests,
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    reset: () => {
      requests.length = 0;
      queue.length = 0;
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function verboseJson(segments: TFakeSegment[], duration: number) {
  return {
    task: "transcribe",
    language: "english",
    duration,
    text: segments.map((s) => s.text).join(" "),
    segments: segments.map((s, id) => ({
      id,
      seek: 0,
      start: s.start,
      end: s.end,
      text: ` ${s.text}`,
      tokens: [],
      temperature: 0,
      avg_logprob: -0.2,
      compression_ratio: 1.2,
      no_speech_prob: 0.01,
    })),
  };
}

/** Stretches of a mono 16-bit WAV louder than -50 dBFS (the fixtures trim silence at -50 dB) in 20 ms frames, shorter pauses joined. */
function findSpeech(audio: Buffer, minSilenceSeconds: number): { start: number; end: number }[] {
  const wav = readWavFormat(audio);
  if (wav?.bitsPerSample !== 16 || wav.channels !== 1) return [];
  const frame = Math.round(wav.sampleRate * 0.02);
  const threshold = 32768 * 10 ** (-50 / 20);
  const spans: { start: number; end: number }[] = [];
  const samples = Math.floor((audio.length - wav.dataOffset) / 2);
  for (let first = 0; first + frame <= samples; first += frame) {
    let sum = 0;
    for (let i = first; i < first + frame; i++) {
      const value = audio.readInt16LE(wav.dataOffset + i * 2);
      sum += value * value;
    }
    if (Math.sqrt(sum / frame) < threshold) continue;
    const start = first / wav.sampleRate;
    const end = (first + frame) / wav.sampleRate;
    const last = spans.at(-1);
    if (last && start - last.end < minSilenceSeconds) last.end = end;
    else spans.push({ start, end });
  }
  const round = (s: number) => Math.round(s * 100) / 100;
  return spans
    .filter((s) => s.end - s.start >= 0.1)
    .map((s) => ({ start: round(s.start), end: round(s.end) }));
}
