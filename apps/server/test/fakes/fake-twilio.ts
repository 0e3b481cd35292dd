import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { countSegments } from "@plaibook/shared";
import twilio from "twilio";

/**
 * A local stand-in for the Twilio REST API (2010-04-01 Messages resource), for tests that drive the
 * official SDK against it through TWILIO_API_URL. It checks Basic auth like Twilio, validates the form
 * body, answers 201 with a realistic message resource, fails on demand per `To` number, records
 * every request, and can report delivery by posting signed status callbacks.
 */

/** A synchronous API failure: Twilio's HTTP status and error code (21610, 30006, 20500 …). */
export type TFakeTwilioFailure = { status: number; code: number; message?: string };

/** What the carrier later says about an accepted message, posted to its StatusCallback. */
export type TFakeTwilioOutcome =
  | { status: "delivered" }
  | { status: "undelivered" | "failed"; errorCode: number };

export type TFakeTwilioRequest = {
  method: string;
  path: string;
  /** The account in the URL path, when the path names one. */
  accountSid: string | null;
  auth: { username: string; password: string } | null;
  contentType: string | null;
  form: Record<string, string>;
  /** What the fake answered. */
  status: number;
};

export type TFakeTwilioMessage = {
  sid: string;
  to: string;
  from: string | null;
  body: string;
  messagingServiceSid: string | null;
  statusCallback: string | null;
  status: "accepted" | "queued" | "sent" | "delivered" | "undelivered" | "failed";
  errorCode: number | null;
  createdAt: Date;
};

export type TCallbackResult = { url: string; params: Record<string, string>; status: number };

export type TFakeTwilio = {
  /** Base URL for TWILIO_API_URL, e.g. http://127.0.0.1:40123 */
  url: string;
  accountSid: string;
  authToken: string;
  /** Every request received, in order (including refused ones). */
  requests: TFakeTwilioRequest[];
  /** Messages it accepted (201), in order. */
  messages: TFakeTwilioMessage[];
  /** `To` number → the error to answer instead of accepting. */
  failures: Map<string, TFakeTwilioFailure>;
  /** `To` number → what `deliver()` (or autoDeliver) reports for it; default delivered. */
  outcomes: Map<string, TFakeTwilioOutcome>;
  /** `To` number → milliseconds to wait before answering (a slow or hung API). */
  delays: Map<string, number>;
  /** Accepted messages to `to` (or all). */
  sentTo: (to?: string) => TFakeTwilioMessage[];
  /**
   * Posts a signed status callback for `sid` to its StatusCallback URL (or `options.url`), as Twilio
   * does, and returns what our server answered. `status` defaults to the message's outcome.
   */
  deliver: (
    sid: string,
    options?: { status?: string; errorCode?: number; url?: string },
  ) => Promise<TCallbackResult>;
  /** Callbacks posted so far (by deliver or autoDeliver). */
  callbacks: TCallbackResult[];
  close: () => Promise<void>;
};

const API_VERSION = "2010-04-01";
const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;
const MESSAGE_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\/([^/]+)\.json$/;

const MESSAGES: Record<number, string> = {
  20003: "Authenticate",
  20404: "The requested resource was not found",
  20500: "An internal server error has occurred",
  21211: "Invalid 'To' Phone Number",
  21602: "Message body is required.",
  21603: "The 'From' phone number is required.",
  21604: "A 'To' phone number is required.",
  21610: "Attempt to send to unsubscribed recipient",
  21612: "The 'To' phone number is not currently reachable via SMS",
  30003: "Unreachable destination handset",
  30005: "Unknown destination handset",
  30006: "Landline or unreachable carrier",
};

export async function startFakeTwilio(
  options: {
    accountSid?: string;
    authToken?: string;
    /** After accepting a message, report it sent then its outcome (when it has a StatusCallback). */
    autoDeliver?: boolean;
  } = {},
): Promise<TFakeTwilio> {
  const accountSid = options.accountSid ?? `AC${"a".repeat(32)}`;
  const authToken = options.authToken ?? "fake-twilio-auth-token";
  const requests: TFakeTwilioRequest[] = [];
  const messages: TFakeTwilioMessage[] = [];
  const failures = new Map<string, TFakeTwilioFailure>();
  const outcomes = new Map<string, TFakeTwilioOutcome>();
  const delays = new Map<string, number>();
  const callbacks: TCallbackResult[] = [];
  const pending = new Set<Promise<unknown>>();

  const server = createServer((req, res) => {
    readBody(req)
      .then(async (raw) => {
        const delay = delays.get(new URLSearchParams(raw).get("To") ?? "");
        if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
        if (res.destroyed) return;
        const record = handle(req, raw, res);
        requests.push(record);
      })
      .catch((error: unknown) => {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 20500, message: String(error), status: 500 }));
      });
  });

  function handle(req: IncomingMessage, raw: string, res: ServerResponse): TFakeTwilioRequest {
    const url = new URL(req.url ?? "/", "http://fake.twilio");
    const contentType = req.headers["content-type"] ?? null;
    const form = Object.fromEntries(new URLSearchParams(raw));
    const auth = parseBasicAuth(req.headers.authorization);
    const listMatch = MESSAGES_PATH.exec(url.pathname);
    const oneMatch = MESSAGE_PATH.exec(url.pathname);
    const pathAccount = listMatch?.[1] ?? oneMatch?.[1] ?? null;
    const record: TFakeTwilioRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      accountSid: pathAccount,
      auth,
      contentType,
      form,
      status: 0,
    };
    const answer = (status: number, body: unknown) => {
      record.status = status;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
      return record;
    };
    const error = (status: number, code: number, message?: string) =>
      answer(status, {
        code,
        message: message ?? MESSAGES[code] ?? `Error ${code}`,
        more_info: `https://www.twilio.com/docs/errors/${code}`,
        status,
      });

    if (!auth || auth.username !== accountSid || auth.password !== authToken) return error(401, 20003);
    if (pathAccount !== accountSid) return error(404, 20404);

    if (oneMatch && req.method === "GET") {
      const found = messages.find((m) => m.sid === oneMatch[2]);
      return found ? answer(200, toResource(found)) : error(404, 20404);
    }
    if (!listMatch || req.method !== "POST") return error(404, 20404);
    if (!contentType?.startsWith("application/x-www-form-urlencoded"))
      return error(400, 20001, "Content-Type must be application/x-www-form-urlencoded");

    const to = form.To;
    const from = form.From ?? null;
    const service = form.MessagingServiceSid ?? null;
    if (!to) return error(400, 21604);
    if (!from && !service) return error(400, 21603);
    if (!form.Body && !form.MediaUrl) return error(400, 21602);
    if (!/^\+[1-9]\d{6,14}$/.test(to)) return error(400, 21211);
    const failure = failures.get(to);
    if (failure) return error(failure.status, failure.code, failure.message);

    const message: TFakeTwilioMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      to,
      from,
      body: form.Body ?? "",
      messagingServiceSid: service,
      statusCallback: form.StatusCallback ?? null,
      // A Messaging Service send is "accepted" first (the service picks the sender), else "queued".
      status: service && !from ? "accepted" : "queued",
      errorCode: null,
      createdAt: new Date(),
    };
    messages.push(message);
    if (options.autoDeliver && message.statusCallback) {
      const run = (async () => {
        await fake.deliver(message.sid, { status: "sent" });
        await fake.deliver(message.sid);
      })().catch(() => undefined);
      pending.add(run);
      void run.finally(() => pending.delete(run));
    }
    return answer(201, toResource(message));
  }

  function toResource(m: TFakeTwilioMessage) {
    const now = m.createdAt.toUTCString().replace("GMT", "+0000");
    return {
      account_sid: accountSid,
      api_version: API_VERSION,
      body: m.body,
      date_created: now,
      date_sent: null,
      date_updated: now,
      direction: "outbound-api",
      error_code: m.errorCode,
      error_message: m.errorCode ? (MESSAGES[m.errorCode] ?? null) : null,
      from: m.from,
      messaging_service_sid: m.messagingServiceSid,
      num_media: "0",
      num_segments: String(countSegments(m.body).segments),
      price: null,
      price_unit: "USD",
      sid: m.sid,
      status: m.status,
      subresource_uris: {
        media: `/${API_VERSION}/Accounts/${accountSid}/Messages/${m.sid}/Media.json`,
      },
      to: m.to,
      uri: `/${API_VERSION}/Accounts/${accountSid}/Messages/${m.sid}.json`,
    };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const fake: TFakeTwilio = {
    url: `http://127.0.0.1:${port}`,
    accountSid,
    authToken,
    requests,
    messages,
    failures,
    outcomes,
    delays,
    callbacks,
    sentTo: (to) => messages.filter((m) => to === undefined || m.to === to),
    deliver: async (sid, opts = {}) => {
      const message = messages.find((m) => m.sid === sid);
      if (!message) throw new Error(`fake Twilio: no message ${sid}`);
      const url = opts.url ?? message.statusCallback;
      if (!url) throw new Error(`fake Twilio: message ${sid} has no StatusCallback`);
      const outcome = outcomes.get(message.to) ?? { status: "delivered" };
      const status = opts.status ?? outcome.status;
      const errorCode = opts.errorCode ?? ("errorCode" in outcome ? outcome.errorCode : undefined);
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: API_VERSION,
        From: message.from ?? "",
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
        ...((status === "undelivered" || status === "failed") && errorCode
          ? { ErrorCode: String(errorCode) }
          : {}),
      };
      message.status = status as TFakeTwilioMessage["status"];
      if (params.ErrorCode) message.errorCode = Number(params.ErrorCode);
      const response = await postSigned(url, params, authToken);
      const result = { url, params, status: response };
      callbacks.push(result);
      return result;
    },
    close: async () => {
      await Promise.allSettled([...pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** Posts form params to `url` with the X-Twilio-Signature Twilio would compute; returns the HTTP status. */
export async function postSigned(
  url: string,
  params: Record<string, string>,
  authToken: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(authToken, url, params),
      ...headers,
    },
    body: new URLSearchParams(params).toString(),
  });
  await response.arrayBuffer();
  return response.status;
}

function parseBasicAuth(header: string | undefined): { username: string; password: string } | null {
  if (!header?.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
