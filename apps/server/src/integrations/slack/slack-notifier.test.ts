import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeSlack, type TFakeSlack } from "../../../test/fakes/fake-slack.js";
import { type Notifier, NotifyError } from "../ports.js";
import {
  createSlackBotNotifier,
  createSlackWebhookNotifier,
  formatEscalationAlert,
} from "./slack-notifier.js";

let fake: TFakeSlack;

beforeEach(async () => {
  fake = await startFakeSlack();
});
afterEach(async () => {
  await fake.close();
});

function webhook(
  overrides: { webhookUrl?: string; fetch?: typeof fetch; timeoutMs?: number } = {},
): Notifier {
  return createSlackWebhookNotifier({ webhookUrl: fake.webhookUrl, timeoutMs: 2_000, ...overrides });
}

function bot(
  overrides: { token?: string; channel?: string; fetch?: typeof fetch; timeoutMs?: number } = {},
): Notifier {
  return createSlackBotNotifier({
    token: fake.botToken,
    channel: "C0123ALERTS",
    baseUrl: fake.apiUrl,
    timeoutMs: 2_000,
    ...overrides,
  });
}

async function notifyError(promise: Promise<unknown>): Promise<NotifyError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(NotifyError);
  return error as NotifyError;
}

const alert = formatEscalationAlert({
  orgName: "Acme Pest & Lawn",
  leadName: "Tom <b> & Co",
  leadPhone: "+15125550100",
  campaignName: "Spring <promo>",
  reason: "Asked for a <human> & a refund",
  lastMessage: "> not a quote\n<!channel> call me NOW <https://evil.example|click>",
  conversationUrl: "https://app.plaibook.test/conversations/c_123?tab=sms&focus=1",
});

describe.each([
  ["webhook", () => webhook()],
  ["bot", () => bot()],
] as const)("%s notifier", (via, make) => {
  it("posts the alert with escaped text and the conversation link", async () => {
    await make().post(alert);

    expect(fake.posts).toHaveLength(1);
    const posted = fake.posts[0];
    expect(posted?.via).toBe(via);
    expect(posted?.text).toContain("Tom &lt;b&gt; &amp; Co");
    expect(posted?.text).toContain(
      "<https://app.plaibook.test/conversations/c_123?tab=sms&amp;focus=1|Open conversation>",
    );
    const blocks = JSON.stringify(posted?.blocks);
    expect(blocks).toContain("&lt;!channel&gt; call me NOW &lt;https://evil.example|click&gt;");
    expect(blocks).toContain("Asked for a &lt;human&gt; &amp; a refund");
    expect(blocks).not.toContain("<!channel>");
    expect(blocks).toContain('"url":"https://app.plaibook.test/conversations/c_123?tab=sms&focus=1"');
  });

  it("maps 429 with Retry-After to rate_limited with the delay", async () => {
    fake.setBehaviour({ kind: "rate_limited", retryAfter: "7" });
    const error = await notifyError(make().post({ text: "hi" }));
    expect(error.kind).toBe("rate_limited");
    expect(error.retryAfterSeconds).toBe(7);
    expect(fake.posts).toHaveLength(0);
  });

  it.each([null, "soon", "-3"])("maps 429 with Retry-After %s to permanent", async (retryAfter) => {
    fake.setBehaviour({ kind: "rate_limited", retryAfter });
    const error = await notifyError(make().post({ text: "hi" }));
    expect(error.kind).toBe("permanent");
    expect(error.retryAfterSeconds).toBeNull();
  });

  it("maps HTTP 500 to retryable", async () => {
    fake.setBehaviour({ kind: "server_error" });
    const error = await notifyError(make().post({ text: "hi" }));
    expect(error.kind).toBe("retryable");
    expect(error.message).toContain("500");
  });

  it("maps an archived channel to permanent", async () => {
    fake.setBehaviour({ kind: "archived" });
    const error = await notifyError(make().post({ text: "hi" }));
    expect(error.kind).toBe("permanent");
    expect(error.message).toMatch(via === "webhook" ? /410 channel_is_archived/ : /is_archived/);
  });

  it("maps a timeout and a refused connection to retryable", async () => {
    fake.setBehaviour({ kind: "delay", ms: 1_000 });
    const slow = via === "webhook" ? webhook({ timeoutMs: 100 }) : bot({ timeoutMs: 100 });
    const timedOut = await notifyError(slow.post({ text: "hi" }));
    expect(timedOut.kind).toBe("retryable");
    expect(timedOut.message).toContain("no answer within 100 ms");

    const refusing: typeof fetch = () => Promise.reject(new TypeError("fetch failed"));
    const down = via === "webhook" ? webhook({ fetch: refusing }) : bot({ fetch: refusing });
    expect((await notifyError(down.post({ text: "hi" }))).kind).toBe("retryable");
  });
});

describe("webhook notifier", () => {
  it("sends JSON {text, blocks} and succeeds on the body ok", async () => {
    await webhook().post({ text: "Missed call", blocks: [{ type: "divider" }] });
    const request = fake.requests[0];
    expect(request?.contentType).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({ text: "Missed call", blocks: [{ type: "divider" }] });
    expect(fake.posts[0]).toMatchObject({ via: "webhook", text: "Missed call" });
  });

  it.each([
    ["invalid_payload", 400],
    ["action_prohibited", 403],
    ["channel_not_found", 404],
  ])("maps %s (HTTP %i) to permanent without leaking the URL", async (code, status) => {
    fake.setBehaviour({ kind: "error", error: code });
    const error = await notifyError(webhook().post({ text: "hi" }));
    expect(error.kind).toBe("permanent");
    expect(error.message).toBe(`Slack webhook: HTTP ${status} ${code}`);
    expect(error.message).not.toContain("fakeWebhookSecret");
  });

  it("maps an unknown webhook to permanent", async () => {
    const error = await notifyError(
      webhook({ webhookUrl: `${fake.url}/services/T1/B1/revoked` }).post({ text: "x" }),
    );
    expect(error.kind).toBe("permanent");
    expect(error.message).toContain("no_service");
  });

  it("does not take an HTTP 200 without the body ok for success", async () => {
    const portal: typeof fetch = async () =>
      new Response("<html>Sign in to the Wi-Fi</html>", { status: 200 });
    const error = await notifyError(webhook({ fetch: portal }).post({ text: "hi" }));
    expect(error.kind).toBe("retryable");
    expect(error.message).toContain("unexpected HTTP 200 body");
  });
});

describe("bot notifier", () => {
  it("posts to chat.postMessage with the bearer token and a JSON charset", async () => {
    await bot().post({ text: "Missed call from +15125550100" });
    const request = fake.requests[0];
    expect(request?.path).toBe("/api/chat.postMessage");
    expect(request?.authorization).toBe(`Bearer ${fake.botToken}`);
    expect(request?.contentType).toBe("application/json; charset=utf-8");
    expect(JSON.parse(request?.body ?? "")).toEqual({
      channel: "C0123ALERTS",
      text: "Missed call from +15125550100",
    });
    expect(fake.posts[0]).toMatchObject({ via: "bot", channel: "C0123ALERTS" });
  });

  it("maps ok:false invalid_auth, channel_not_found and not_in_channel to permanent", async () => {
    const badToken = await notifyError(bot({ token: "xoxb-wrong" }).post({ text: "hi" }));
    expect([badToken.kind, badToken.message]).toEqual(["permanent", "Slack chat.postMessage: invalid_auth"]);
    expect(badToken.message).not.toContain("xoxb");

    const outsider = await notifyError(bot({ channel: "C0OTHER" }).post({ text: "hi" }));
    expect([outsider.kind, outsider.message]).toEqual([
      "permanent",
      "Slack chat.postMessage: not_in_channel",
    ]);

    fake.setBehaviour({ kind: "error", error: "channel_not_found" });
    const missing = await notifyError(bot().post({ text: "hi" }));
    expect([missing.kind, missing.message]).toEqual([
      "permanent",
      "Slack chat.postMessage: channel_not_found",
    ]);
    expect(fake.posts).toHaveLength(0);
  });

  it("maps ok:false ratelimited to rate_limited and internal_error to retryable", async () => {
    fake.setBehaviour({ kind: "error", error: "ratelimited" });
    const limited = await notifyError(bot().post({ text: "hi" }));
    expect(limited.kind).toBe("rate_limited");
    expect(limited.retryAfterSeconds).toBeNull();

    fake.setBehaviour({ kind: "error", error: "internal_error" });
    expect((await notifyError(bot().post({ text: "hi" }))).kind).toBe("retryable");
  });

  it("explains a response that is not a Web API answer", async () => {
    const html: typeof fetch = async () => new Response("<html>oops</html>", { status: 200 });
    const notJson = await notifyError(bot({ fetch: html }).post({ text: "hi" }));
    expect(notJson.kind).toBe("retryable");
    expect(notJson.message).toContain("not JSON");

    const shapeless: typeof fetch = async () => Response.json({ channel: "C0123ALERTS" });
    const noOk = await notifyError(bot({ fetch: shapeless }).post({ text: "hi" }));
    expect(noOk.kind).toBe("retryable");
    expect(noOk.message).toMatch(/unexpected response.*ok/);
  });
});
