import { randomBytes } from "node:crypto";
import type { Socket } from "socket.io-client";
import twilio from "twilio";
import { afterAll, beforeAll } from "vitest";
import { freePortFor as freePort } from "../src/cli/bench/free-port.js";
import { buildCampaign, waitUntil } from "./campaign-helpers.js";
import { startFakeTwilio, type TFakeTwilio } from "./fakes/fake-twilio.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

/**
 * Shared setup of the Twilio test files: a local fake Twilio, and the real process (api + worker)
 * configured to send through it and to receive its webhooks, started once per file.
 */

export const sid = (prefix = "SM") => `${prefix}${randomBytes(16).toString("hex")}`;
const ourNumber = () => `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

export type TMessageRow = {
  id: string;
  status: string;
  body: string;
  to_number: string;
  from_number: string;
  provider: string;
  provider_sid: string | null;
  error_code: string | null;
  kind: string;
  direction: string;
  conversation_id: string;
};

export type TTwilioHarness = ReturnType<typeof useTwilioHarness>;

/**
 * Starts the fake Twilio and the app in `beforeAll` and stops them in `afterAll`. `fake`, `app` and
 * `publicUrl` can be read once `beforeAll` has run (inside tests); the helpers can be destructured.
 */
export function useTwilioHarness() {
  let fake: TFakeTwilio | undefined;
  let app: TTestApp | undefined;
  let publicUrl: string | undefined;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    fake = await startFakeTwilio({ authToken: `twilio-test-token-${randomBytes(8).toString("hex")}` });
    const port = await freePort();
    publicUrl = `http://127.0.0.1:${port}`;
    app = await startTestApp({
      env: {
        PORT: String(port),
        PUBLIC_URL: publicUrl,
        TWILIO_ACCOUNT_SID: fake.accountSid,
        TWILIO_AUTH_TOKEN: fake.authToken,
        TWILIO_API_URL: fake.url,
        SANDBOX_DELIVERY_DELAY_MS: "50",
      },
    });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await app?.close();
    await fake?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the Twilio harness has not started (${what})`);
    return value;
  };
  const theFake = () => started(fake, "fake");
  const theApp = () => started(app, "app");
  const inboundUrl = () => `${started(publicUrl, "publicUrl")}/webhooks/twilio/inbound`;
  const statusUrl = () => `${started(publicUrl, "publicUrl")}/webhooks/twilio/status`;

  const harness = {
    /** The fake Twilio the app sends through. */
    get fake(): TFakeTwilio {
      return theFake();
    },
    /** The app under test. */
    get app(): TTestApp {
      return theApp();
    },
    /** The app's PUBLIC_URL: the base of the webhook URLs Twilio signs. */
    get publicUrl(): string {
      return started(publicUrl, "publicUrl");
    },
    /** Socket.io clients to disconnect when the file is done. */
    sockets,
    inboundUrl,
    statusUrl,
    twilioNumber,
    twilioCampaign,
    launch,
    messagesOf,
    waitForStatus,
    inboxDrained,
    counts,
    inboundParams,
    postInbound,
    signatureFor,
  };

  /** A Twilio number of the organisation (optionally behind a Messaging Service). */
  async function twilioNumber(orgId: string, messagingServiceSid: string | null = null): Promise<string> {
    const e164 = ourNumber();
    await ownerQuery(
      theApp(),
      "insert into phone_numbers (org_id, e164, provider, label, messaging_service_sid) values ($1, $2, 'twilio', 'Twilio', $3)",
      [orgId, e164, messagingServiceSid],
    );
    return e164;
  }

  /** An organisation with a Twilio number and a campaign of `leads` leads that sends from it. */
  async function twilioCampaign(leads: number, messagingServiceSid: string | null = null) {
    const org = await buildOrg(theApp());
    const number = await twilioNumber(org.orgId, messagingServiceSid);
    const built = await buildCampaign(theApp(), org.session, {
      leads,
      settings: { sendingNumbers: [number] },
    });
    const phones = Array.from({ length: leads }, (_, i) => `+1202${String(5_000_001 + i).padStart(7, "0")}`);
    return { ...org, ...built, number, phones };
  }

  async function launch(api: Awaited<ReturnType<typeof twilioCampaign>>["api"], campaignId: string) {
    await api.campaigns.transition({ campaignId, to: "active" });
  }

  function messagesOf(campaignId: string) {
    return ownerQuery<TMessageRow>(
      theApp(),
      "select * from messages where campaign_id = $1 order by created_at, to_number",
      [campaignId],
    );
  }

  function waitForStatus(campaignId: string, statuses: string[], count: number, what: string) {
    return waitUntil(
      async () => (await messagesOf(campaignId)).filter((m) => statuses.includes(m.status)).length >= count,
      20_000,
      what,
    );
  }

  /** Waits until every webhook inbox entry has been processed by the sms.inbound job. */
  function inboxDrained() {
    return waitUntil(
      async () =>
        (
          await ownerQuery<{ n: number }>(
            theApp(),
            "select count(*)::int as n from webhook_inbox where processed_at is null",
          )
        )[0]?.n === 0,
      15_000,
      "the webhook inbox to be processed",
    );
  }

  /** What a webhook for `orgId` could have left behind: inbox rows, messages, queued sms.inbound jobs. */
  async function counts(orgId: string) {
    return (
      await ownerQuery<{ inbox: number; messages: number; jobs: number }>(
        theApp(),
        `select (select count(*)::int from webhook_inbox where org_id = $1) as inbox,
                (select count(*)::int from messages where org_id = $1) as messages,
                (select count(*)::int from pgboss.job where name = 'sms.inbound' and data->>'orgId' = $1::text) as jobs`,
        [orgId],
      )
    )[0];
  }

  function inboundParams(from: string, to: string, body: string, messageSid = sid()): Record<string, string> {
    return {
      AccountSid: theFake().accountSid,
      ApiVersion: "2010-04-01",
      Body: body,
      From: from,
      FromCountry: "US",
      MessageSid: messageSid,
      NumMedia: "0",
      NumSegments: "1",
      SmsMessageSid: messageSid,
      SmsSid: messageSid,
      SmsStatus: "received",
      To: to,
      ToCountry: "US",
    };
  }

  async function postInbound(params: Record<string, string>, headers: Record<string, string> = {}) {
    const response = await fetch(inboundUrl(), {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(params).toString(),
    });
    return {
      status: response.status,
      type: response.headers.get("content-type"),
      text: await response.text(),
    };
  }

  /** What Twilio puts in X-Twilio-Signature: HMAC-SHA1 over the URL and the sorted parameters. */
  async function signatureFor(url: string, params: Record<string, string>, token = theFake().authToken) {
    return twilio.getExpectedTwilioSignature(token, url, params);
  }

  return harness;
}
