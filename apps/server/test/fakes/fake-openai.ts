import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for an OpenAI-compatible chat completions API (OpenRouter's shape), for tests that
 * drive the real AI SDK client code against it. It answers `POST /api/v1/chat/completions` and
 * `POST /v1/chat/completions` (non-streaming), checks `Authorization: Bearer <apiKey>`, records every
 * request, and plays a script of behaviours, one per request: per model when the test scripted that
 * model, else from the shared queue. With nothing scripted it answers 500, so a test that makes more
 * calls than it planned fails loudly.
 */

export type TFakeUsage = { prompt_tokens: number; completion_tokens: number };

export type TFakeToolCall = { name: string; arguments: unknown; id?: string };

export type TFakeOpenAiBehaviour =
  /** Content is the JSON of `object` (for a `response_format: json_schema` request). */
  | { kind: "json"; object: unknown; usage?: TFakeUsage }
  /** Plain text content. */
  | { kind: "text"; text: string; usage?: TFakeUsage }
  /** The assistant asks for tool calls (finish_reason "tool_calls"). */
  | { kind: "tool_calls"; calls: TFakeToolCall[]; usage?: TFakeUsage }
  /** Content that is not JSON at all. */
  | { kind: "invalid_json"; text?: string; usage?: TFakeUsage }
  /** Waits, then behaves as `then` (by default a 200 with `{}`) — long enough to trip a timeout. */
  | { kind: "slow"; delayMs: number; then?: TFakeOpenAiBehaviour }
  /** An HTTP error like OpenRouter's: `{error: {message, code}}`. */
  | { kind: "status"; status: number; message?: string };

export type TFakeOpenAiRequest = {
  path: string;
  authorization: string | null;
  model: string | null;
  messages: unknown[];
  tools: { type: string; function: { name: string; description?: string; parameters?: unknown } }[] | null;
  toolChoice: unknown;
  responseFormat: {
    type: string;
    json_schema?: { name?: string; strict?: boolean; schema?: unknown };
  } | null;
  body: Record<string, unknown>;
  /** The behaviour it played, or null when refused or unscripted. */
  behaviour: TFakeOpenAiBehaviour["kind"] | null;
  status: number;
};

export type TFakeOpenAi = {
  /** The API root for OPENROUTER_BASE_URL, e.g. http://127.0.0.1:40123/api/v1 */
  baseUrl: string;
  /** The same server under /v1, as an OpenAI-compatible client would use it. */
  v1Url: string;
  apiKey: string;
  /** Every request received, in order (refused ones included). */
  requests: TFakeOpenAiRequest[];
  /** Requests for one model. */
  requestsFor: (model: string) => TFakeOpenAiRequest[];
  /**
   * Queues behaviours for any model (used when the requested model has no script of its own).
   * `script("model#schema", …)` scripts only requests for that structured-output name.
   */
  enqueue: (...behaviours: TFakeOpenAiBehaviour[]) => void;
  /** Queues behaviours for one model. */
  script: (model: string, ...behaviours: TFakeOpenAiBehaviour[]) => void;
  /** Clears scripts and recorded requests. */
  reset: () => void;
  close: () => Promise<void>;
};

const PATHS = new Set(["/api/v1/chat/completions", "/v1/chat/completions"]);
const DEFAULT_USAGE: TFakeUsage = { prompt_tokens: 120, completion_tokens: 30 };

export async function startFakeOpenAi(options: { apiKey?: string } = {}): Promise<TFakeOpenAi> {
  const apiKey = options.apiKey ?? "sk-fake-openrouter-key";
  const requests: TFakeOpenAiRequest[] = [];
  const sharedQueue: TFakeOpenAiBehaviour[] = [];
  const modelQueues = new Map<string, TFakeOpenAiBehaviour[]>();
  const timers = new Set<NodeJS.Timeout>();
  let nextId = 1;

  const takeBehaviour = (model: string | null, schema: string | null): TFakeOpenAiBehaviour | undefined => {
    // A script for "model#schema" (e.g. the Overseer's "turn_verdict") wins over one for the model.
    const forSchema = model && schema ? modelQueues.get(`${model}#${schema}`) : undefined;
    if (forSchema && forSchema.length > 0) return forSchema.shift();
    const own = model ? modelQueues.get(model) : undefined;
    if (own && own.length > 0) return own.shift();
    return sharedQueue.shift();
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed || res.writableEnded) return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const completion = (
    model: string,
    message: Record<string, unknown>,
    finishReason: string,
    usage: TFakeUsage = DEFAULT_USAGE,
  ) => ({
    id: `chatcmpl-fake-${nextId++}`,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finishReason }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  });

  const play = async (
    behaviour: TFakeOpenAiBehaviour,
    model: string,
    res: ServerResponse,
    record: TFakeOpenAiRequest,
  ): Promise<void> => {
    switch (behaviour.kind) {
      case "json":
        record.status = 200;
        return send(
          res,
          200,
          completion(model, { content: JSON.stringify(behaviour.object) }, "stop", behaviour.usage),
        );
      case "text":
        record.status = 200;
        return send(res, 200, completion(model, { content: behaviour.text }, "stop", behaviour.usage));
      case "invalid_json":
        record.status = 200;
        return send(
          res,
          200,
          completion(model, { content: behaviour.text ?? "Sure! {message: oops" }, "stop", behaviour.usage),
        );
      case "tool_calls":
        record.status = 200;
        return send(
          res,
          200,
          completion(
            model,
            {
              content: null,
              tool_calls: behaviour.calls.map((call, index) => ({
                id: call.id ?? `call_${nextId}_${index}`,
                type: "function",
                function: { name: call.name, arguments: JSON.stringify(call.arguments) },
              })),
            },
            "tool_calls",
            behaviour.usage,
          ),
        );
      case "slow":
        await sleep(behaviour.delayMs);
        return play(behaviour.then ?? { kind: "json", object: {} }, model, res, record);
      case "status":
        record.status = behaviour.status;
        return send(res, behaviour.status, {
          error: { message: behaviour.message ?? `fake error ${behaviour.status}`, code: behaviour.status },
        });
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
    } catch {
      body = {};
    }
    const model = typeof body.model === "string" ? body.model : null;
    const record: TFakeOpenAiRequest = {
      path,
      authorization: req.headers.authorization ?? null,
      model,
      messages: Array.isArray(body.messages) ? body.messages : [],
      tools: Array.isArray(body.tools) ? (body.tools as TFakeOpenAiRequest["tools"]) : null,
      toolChoice: body.tool_choice ?? null,
      responseFormat: (body.response_format as TFakeOpenAiRequest["responseFormat"]) ?? null,
      body,
      behaviour: null,
      status: 0,
    };
    requests.push(record);

    if (req.method !== "POST" || !PATHS.has(path)) {
      record.status = 404;
      return send(res, 404, { error: { message: `No route ${req.method} ${path}`, code: 404 } });
    }
    if (record.authorization !== `Bearer ${apiKey}`) {
      record.status = 401;
      return send(res, 401, { error: { message: "No auth credentials found", code: 401 } });
    }
    if (!model) {
      record.status = 400;
      return send(res, 400, { error: { message: "model is required", code: 400 } });
    }
    const behaviour = takeBehaviour(model, record.responseFormat?.json_schema?.name ?? null);
    if (!behaviour) {
      record.status = 500;
      return send(res, 500, { error: { message: `fake-openai: nothing scripted for ${model}`, code: 500 } });
    }
    record.behaviour = behaviour.kind;
    await play(behaviour, model, res, record);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      send(res, 500, { error: { message: String(error), code: 500 } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}/api/v1`,
    v1Url: `${origin}/v1`,
    apiKey,
    requests,
    requestsFor: (model) => requests.filter((request) => request.model === model),
    enqueue: (...behaviours) => {
      sharedQueue.push(...behaviours);
    },
    script: (model, ...behaviours) => {
      const queue = modelQueues.get(model) ?? [];
      queue.push(...behaviours);
      modelQueues.set(model, queue);
    },
    reset: () => {
      requests.length = 0;
      sharedQueue.length = 0;
      modelQueues.clear();
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
