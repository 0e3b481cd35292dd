import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for Slack's incoming webhooks (`/services/T…/B…/<secret>`) and Web API
 * `chat.postMessage`, as integrations-reference.md §8 describes them: webhooks answer the plain text
 * `ok` or a plain-text error code with its HTTP status; the Web API answers HTTP 200 `{ok:false, error}`
 * for API errors and 429 + `Retry-After` when rate limited. Behaviours switch on demand; posts and
 * requests are recorded.
 */

/** How the fake answers the next posts (until changed). */
export type TFakeSlackBehaviour =
  | { kind: "ok" }
  /** Web API: HTTP 200 `{ok:false, error}`; webhook: the code with its documented HTTP status. */
  | { kind: "error"; error: string }
  /** HTTP 429, with `Retry-After: <retryAfter>` unless null. */
  | { kind: "rate_limited"; retryAfter: string | null }
  | { kind: "server_error" }
  /** Webhook: 410 `channel_is_archived`; Web API: `{ok:false, error:"is_archived"}`. */
  | { kind: "archived" }
  | { kind: "delay"; ms: number };

export type TFakeSlackPost = {
  via: "webhook" | "bot";
  channel: string | null;
  text: string | null;
  blocks: unknown[] | null;
};

export type TFakeSlackRequest = {
  method: string;
  path: string;
  contentType: string | null;
  authorization: string | null;
  body: string;
  /** What the fake answered. */
  status: number;
};

export type TFakeSlack = {
  url: string;
  /** A valid incoming webhook URL. */
  webhookUrl: string;
  /** `baseUrl` for the bot notifier (`…/api`). */
  apiUrl: string;
  botToken: string;
  /** Channels the bot is a member of. */
  channels: Set<string>;
  /** Messages Slack accepted, in order. */
  posts: TFakeSlackPost[];
  /** Every request, in order (including refused ones). */
  requests: TFakeSlackRequest[];
  setBehaviour: (behaviour: TFakeSlackBehaviour) => void;
  close: () => Promise<void>;
};

const WEBHOOK_PATH = "/services/T0FAKETEAM/B0FAKEHOOK/fakeWebhookSecret0123456789";
const WEBHOOK_STATUS: Record<string, number> = {
  invalid_payload: 400,
  user_not_found: 400,
  no_text: 400,
  action_prohibited: 403,
  invalid_token: 403,
  channel_not_found: 404,
  no_service: 404,
  channel_is_archived: 410,
  rollup_error: 500,
};

export async function startFakeSlack(
  options: { botToken?: string; channels?: string[] } = {},
): Promise<TFakeSlack> {
  const botToken = options.botToken ?? "xoxb-fake-0000-bot-token";
  const channels = new Set(options.channels ?? ["C0123ALERTS"]);
  const posts: TFakeSlackPost[] = [];
  const requests: TFakeSlackRequest[] = [];
  let behaviour: TFakeSlackBehaviour = { kind: "ok" };
  let ts = 1_785_594_600;

  const server = createServer((req, res) => {
    readBody(req)
      .then(async (body) => {
        const record: TFakeSlackRequest = {
          method: req.method ?? "GET",
          path: new URL(req.url ?? "/", "http://fake.slack").pathname,
          contentType: req.headers["content-type"] ?? null,
          authorization: req.headers.authorization ?? null,
          body,
          status: 0,
        };
        requests.push(record);
        const current = behaviour;
        if (current.kind === "delay") {
          await new Promise((resolve) => setTimeout(resolve, current.ms));
          if (res.destroyed) return;
        }
        if (record.path === "/api/chat.postMessage") handleBot(req, record, res);
        else handleWebhook(req, record, res);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return;
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });

  function handleWebhook(req: IncomingMessage, record: TFakeSlackRequest, res: ServerResponse) {
    const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { "content-type": "text/html", ...headers });
      res.end(text);
    };
    if (record.path !== WEBHOOK_PATH) return answer(404, "no_service");
    if (req.method !== "POST") return answer(405, "invalid_method");
    const common = commonFailure();
    if (common) return answer(common.status, common.text, common.headers);
    if (behaviour.kind === "error") return answer(WEBHOOK_STATUS[behaviour.error] ?? 400, behaviour.error);
    if (behaviour.kind === "archived") return answer(410, "channel_is_archived");

    const payload = parsePayload(record);
    if (!payload) return answer(400, "invalid_payload");
    const { text, blocks } = payload;
    if (!text && !blocks) return answer(400, "no_text");
    posts.push({ via: "webhook", channel: null, text, blocks });
    return answer(200, "ok");
  }

  function handleBot(req: IncomingMessage, record: TFakeSlackRequest, res: ServerResponse) {
    const answer = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
      res.end(JSON.stringify(body));
    };
    const apiError = (error: string, extra: Record<string, unknown> = {}) =>
      answer(200, { ok: false, error, ...extra });
    if (req.method !== "POST") return apiError("invalid_request_method");
    const common = commonFailure();
    if (common) {
      record.status = common.status;
      res.writeHead(common.status, { "content-type": "text/plain", ...common.headers });
      res.end(common.text);
      return;
    }

    const payload = parsePayload(record);
    if (!payload) return apiError("invalid_json");
    const bearer = record.authorization?.startsWith("Bearer ") ? record.authorization.slice(7) : null;
    const token = bearer ?? payload.token;
    if (!token) return apiError("not_authed");
    if (token !== botToken) return apiError("invalid_auth");
    if (behaviour.kind === "error") return apiError(behaviour.error);
    if (behaviour.kind === "archived") return apiError("is_archived");
    if (!payload.channel) return apiError("channel_not_found");
    if (!channels.has(payload.channel)) return apiError("not_in_channel");
    if (!payload.text && !payload.blocks) return apiError("no_text");

    posts.push({ via: "bot", channel: payload.channel, text: payload.text, blocks: payload.blocks });
    ts += 1;
    const warnings = record.contentType?.includes("charset") ? [] : ["missing_charset"];
    return answer(200, {
      ok: true,
      channel: payload.channel,
      ts: `${ts}.000200`,
      message: { type: "message", text: payload.text ?? "", bot_id: "B0FAKEBOT", ts: `${ts}.000200` },
      ...(warnings.length > 0 ? { response_metadata: { warnings } } : {}),
    });
  }

  /** Failures both surfaces share: HTTP 429 and 500. */
  function commonFailure(): { status: number; text: string; headers: Record<string, string> } | null {
    if (behaviour.kind === "rate_limited") {
      return {
        status: 429,
        text: "rate_limited",
        headers: behaviour.retryAfter === null ? {} : { "retry-after": behaviour.retryAfter },
      };
    }
    if (behaviour.kind === "server_error") return { status: 500, text: "rollup_error", headers: {} };
    return null;
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    webhookUrl: `${url}${WEBHOOK_PATH}`,
    apiUrl: `${url}/api`,
    botToken,
    channels,
    posts,
    requests,
    setBehaviour: (next) => {
      behaviour = next;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type TPayload = {
  channel: string | null;
  text: string | null;
  blocks: unknown[] | null;
  token: string | null;
};

/** A JSON body, or a form body (the SDK's way; `payload=<json>` for webhooks, `blocks` as JSON text). */
function parsePayload(record: TFakeSlackRequest): TPayload | null {
  let fields: Record<string, unknown>;
  try {
    if (record.contentType?.includes("application/json")) {
      const parsed: unknown = JSON.parse(record.body);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return null;
      fields = parsed as Record<string, unknown>;
    } else {
      const form = Object.fromEntries(new URLSearchParams(record.body));
      fields = form.payload ? (JSON.parse(form.payload) as Record<string, unknown>) : form;
      if (typeof fields.blocks === "string") fields.blocks = JSON.parse(fields.blocks) as unknown;
    }
  } catch {
    return null;
  }
  if (fields.blocks !== undefined && !Array.isArray(fields.blocks)) return null;
  return {
    channel: typeof fields.channel === "string" && fields.channel !== "" ? fields.channel : null,
    text: typeof fields.text === "string" && fields.text !== "" ? fields.text : null,
    blocks: Array.isArray(fields.blocks) ? fields.blocks : null,
    token: typeof fields.token === "string" ? fields.token : null,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
