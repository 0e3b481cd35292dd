import { z } from "zod";
import { type Notifier, NotifyError } from "../ports.js";
import { excerpt, postToSlack, rateLimitError } from "./slack-http.js";

export type TSlackBotConfig = {
  /** Bot token `xoxb-…` with `chat:write`. */
  token: string;
  /** Channel ID (preferred) or name. */
  channel: string;
  /** Tests point this at a fake. */
  baseUrl?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** Web API answers HTTP 200 for API-level errors: `{ok:false, error}`. */
const ZPostMessageAnswer = z.looseObject({
  ok: z.boolean(),
  error: z.string().optional(),
  ts: z.string().optional(),
  channel: z.string().optional(),
});

/** Web API errors that say Slack failed this time, not that the request is wrong. */
const TRANSIENT_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);
const RATE_LIMIT_ERRORS = new Set(["ratelimited", "rate_limited"]);

/** Posts as a bot through `chat.postMessage`. Never retries: the job queue does. */
export function createSlackBotNotifier(config: TSlackBotConfig): Notifier {
  const what = "Slack chat.postMessage";
  const url = `${(config.baseUrl ?? "https://slack.com/api").replace(/\/+$/, "")}/chat.postMessage`;
  const options = { fetch: config.fetch ?? fetch, timeoutMs: config.timeoutMs ?? 10_000 };
  return {
    name: "slack_bot",
    post: async (message) => {
      const answer = await postToSlack(
        what,
        url,
        {
          headers: {
            authorization: `Bearer ${config.token}`,
            "content-type": "application/json; charset=utf-8",
          },
          body: JSON.stringify({
            channel: config.channel,
            text: message.text,
            ...(message.blocks ? { blocks: message.blocks } : {}),
          }),
        },
        options,
      );
      if (answer.status === 429) throw rateLimitError(what, answer.retryAfterSeconds);
      if (answer.status >= 500) throw new NotifyError("retryable", `${what}: HTTP ${answer.status}`);
      if (answer.status !== 200) {
        throw new NotifyError("permanent", `${what}: HTTP ${answer.status} ${excerpt(answer.text)}`.trim());
      }

      const json = parseJson(answer.text);
      if (json === undefined) {
        throw new NotifyError("retryable", `${what}: the response is not JSON ("${excerpt(answer.text)}")`);
      }
      const parsed = ZPostMessageAnswer.safeParse(json);
      if (!parsed.success) {
        throw new NotifyError(
          "retryable",
          `${what}: unexpected response (${z.prettifyError(parsed.error).replace(/\s+/g, " ")})`,
        );
      }
      if (parsed.data.ok) return;
      const error = parsed.data.error ?? "unknown_error";
      if (RATE_LIMIT_ERRORS.has(error)) {
        // The job queue backs off on its own when Slack gives no Retry-After here.
        throw new NotifyError("rate_limited", `${what}: ${error}`, answer.retryAfterSeconds);
      }
      if (TRANSIENT_ERRORS.has(error)) throw new NotifyError("retryable", `${what}: ${error}`);
      // invalid_auth, channel_not_found, not_in_channel, is_archived, msg_too_long, …: retrying will not help.
      throw new NotifyError("permanent", `${what}: ${error}`);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
