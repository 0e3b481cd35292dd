import { z } from "zod";
import { type Notifier, NotifyError } from "../ports.js";
import { excerpt, postToSlack, rateLimitError } from "./slack-http.js";

export type TSlackWebhookConfig = {
  /** `https://hooks.slack.com/services/T…/B…/<secret>`: the URL is the credential. */
  webhookUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

/** An incoming webhook answers 200 with the plain text `ok`. */
const ZWebhookOk = z.string().refine((text) => text.trim() === "ok", "expected the body `ok`");

/** Posts to one channel through a Slack incoming webhook. Never retries: the job queue does. */
export function createSlackWebhookNotifier(config: TSlackWebhookConfig): Notifier {
  const what = "Slack webhook";
  const options = { fetch: config.fetch ?? fetch, timeoutMs: config.timeoutMs ?? 10_000 };
  return {
    name: "slack_webhook",
    post: async (message) => {
      const answer = await postToSlack(
        what,
        config.webhookUrl,
        {
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }),
        },
        options,
      );
      if (answer.status === 429) throw rateLimitError(what, answer.retryAfterSeconds);
      // Errors are plain-text codes: 400 invalid_payload, 403 action_prohibited, 404 channel_not_found,
      // 410 channel_is_archived, 500 rollup_error.
      if (answer.status >= 500) {
        throw new NotifyError("retryable", `${what}: HTTP ${answer.status} ${excerpt(answer.text)}`.trim());
      }
      if (answer.status !== 200) {
        throw new NotifyError("permanent", `${what}: HTTP ${answer.status} ${excerpt(answer.text)}`.trim());
      }
      if (!ZWebhookOk.safeParse(answer.text).success) {
        // Not Slack's answer (a proxy or portal?): Slack likely never saw it, so it may be sent again.
        throw new NotifyError("retryable", `${what}: unexpected HTTP 200 body "${excerpt(answer.text)}"`);
      }
    },
  };
}
