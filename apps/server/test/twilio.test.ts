import { randomBytes } from "node:crypto";
import type { TMessageEvent } from "@plaibook/shared";
import { io, type Socket } from "socket.io-client";
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmsSendError } from "../src/integrations/ports.js";
import { createTwilioSms } from "../src/integrations/twilio/twilio-sms.js";
import { buildCampaign, waitUntil } from "./campaign-helpers.js";
import { postSigned, startFakeTwilio, type TFakeTwilio } from "./fakes/fake-twilio.js";
import { freePort } from "./free-port.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const sid = (prefix = "SM") => `${prefix}${randomBytes(16).toString("hex")}`;
const ourNumber = () => `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;

describe("Twilio: the real SDK and webhooks against a local fake Twilio", () => {
  let fake: TFakeTwilio;
  let app: TTestApp;
  let publicUrl: string;
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

  const inboundUrl = () => `${publicUrl}/webhooks/twilio/inbound`;
  const statusUrl = () => `${publicUrl}/webhooks/twilio/status`;

  /** A Twilio number of the organisation (optionally behind a Messaging Service). */
  async function twilioNumber(orgId: string, messagingServiceSid: string | null = null): Promise<string> {
    const e164 = ourNumber();
    await ownerQuery(
      app,
      "insert into phone_numbers (org_id, e164, provider, label, messaging_service_sid) values ($1, $2, 'twilio', 'Twilio', $3)",
      [orgId, e164, messagingServiceSid],
    );
    return e164;
  }

  /** An organisation with a Twilio number and a campaign of `leads` leads that sends from it. */
  async function twilioCampaign(leads: number, messagingServiceSid: string | null = null) {
    const org = await buildOrg(app);
    const number = await twilioNumber(org.orgId, messagingServiceSid);
    const built = await buildCampaign(app, org.session, { leads, settings: { sendingNumbers: [number] } });
    const phones = Array.from({ length: leads }, (_, i) => `+1202${String(5_000_001 + i).padStart(7, "0")}`);
    return { ...org, ...built, number, phones };
  }

  async function launch(api: Awaited<ReturnType<typeof twilioCampaign>>["api"], campaignId: string) {
    await api.campaigns.transition({ campaignId, to: "active" });
  }

  type TMessageRow = {
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
  const messagesOf = (campaignId: string) =>
    ownerQuery<TMessageRow>(
      app,
      "select * from messages where campaign_id = $1 order by created_at, to_number",
      [campaignId],
    );
  const waitForStatus = (campaignId: string, statuses: string[], count: number, what: string) =>
    waitUntil(
      async () => (await messagesOf(campaignId)).filter((m) => statuses.includes(m.status)).length >= count,
      20_000,
      what,
    );

  /** Waits until every webhook inbox entry has been processed by the sms.inbound job. */
  const inboxDrained = () =>
    waitUntil(
      async () =>
        (
          await ownerQuery<{ n: number }>(
            app,
            "select count(*)::int as n from webhook_inbox where processed_at is null",
          )
        )[0]?.n === 0,
      15_000,
      "the webhook inbox to be processed",
    );

  /** What a webhook for `orgId` could have left behind: inbox rows, messages, queued sms.inbound jobs. */
  const counts = async (orgId: string) =>
    (
      await ownerQuery<{ inbox: number; messages: number; jobs: number }>(
        app,
        `select (select count(*)::int from webhook_inbox where org_id = $1) as inbox,
                (select count(*)::int from messages where org_id = $1) as messages,
                (select count(*)::int from pgboss.job where name = 'sms.inbound' and data->>'orgId' = $1::text) as jobs`,
        [orgId],
      )
    )[0];

  function inboundParams(from: string, to: string, body: string, messageSid = sid()): Record<string, string> {
    return {
      AccountSid: fake.accountSid,
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
  const signatureFor = async (url: string, params: Record<string, string>, token = fake.authToken) =>
    twilio.getExpectedTwilioSignature(token, url, params);

  describe("sending through the SDK", () => {
    it("calls the Messages resource with Basic auth, To, From, Body and the status callback", async () => {
      const { api, campaign, number, phones } = await twilioCampaign(2);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent", "delivered"], 2, "two texts sent through Twilio");

      const sent = await messagesOf(campaign.id);
      expect(sent).toHaveLength(2);
      for (const m of sent) {
        expect(m.provider).toBe("twilio");
        const accepted = fake.messages.find((f) => f.sid === m.provider_sid);
        expect(accepted, `Twilio accepted ${m.provider_sid}`).toBeDefined();
        const request = fake.requests.find((r) => r.status === 201 && r.form.To === m.to_number);
        expect(request).toMatchObject({
          method: "POST",
          path: `/2010-04-01/Accounts/${fake.accountSid}/Messages.json`,
          accountSid: fake.accountSid,
          auth: { username: fake.accountSid, password: fake.authToken },
          contentType: expect.stringContaining("application/x-www-form-urlencoded"),
        });
        expect(request?.form).toEqual({
          To: m.to_number,
          From: number,
          Body: m.body,
          StatusCallback: `${publicUrl}/webhooks/twilio/status`,
        });
      }
      expect(sent.map((m) => m.to_number).sort()).toEqual(phones);
    });

    it("sends through the number's Messaging Service instead of From when it has one", async () => {
      const service = sid("MG");
      const { api, campaign } = await twilioCampaign(1, service);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 1, "the text sent through the Messaging Service");
      const [m] = await messagesOf(campaign.id);
      const accepted = fake.messages.find((f) => f.sid === m?.provider_sid);
      expect(accepted).toMatchObject({ messagingServiceSid: service, from: null, status: "accepted" });
      const request = fake.requests.find((r) => r.form.MessagingServiceSid === service);
      expect(request?.form.From).toBeUndefined();
      expect(request?.form.To).toBe(m?.to_number);
    });

    it("is refused with Twilio's 20003 when the credentials are wrong, as a non-retryable rejection", async () => {
      const provider = createTwilioSms({
        accountSid: fake.accountSid,
        authToken: "not-the-right-token",
        apiUrl: fake.url,
        statusCallbackUrl: null,
      });
      const error = await provider
        .send({ clientRef: "x", orgId: "x", from: "+15550000000", to: "+12025550100", body: "hi" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsSendError);
      expect(error).toMatchObject({ kind: "rejected", code: "20003", retryable: false });
      expect(fake.requests.at(-1)).toMatchObject({ status: 401, auth: { password: "not-the-right-token" } });
    });
    it("gives up on a hung API call after its timeout, as an ambiguous error that is never retried", async () => {
      const provider = createTwilioSms({
        accountSid: fake.accountSid,
        authToken: fake.authToken,
        apiUrl: fake.url,
        statusCallbackUrl: null,
        timeoutMs: 300,
      });
      const to = "+12025559001";
      fake.delays.set(to, 3000);
      const started = Date.now();
      try {
        const error = await provider
          .send({ clientRef: "x", orgId: "x", from: "+15550000000", to, body: "hi" })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SmsSendError);
        // Twilio may have taken it before the timeout: sending again could text twice.
        expect((error as SmsSendError).kind).toBe("ambiguous");
        expect((error as SmsSendError).retryable).toBe(false);
        expect(Date.now() - started).toBeLessThan(2500);
      } finally {
        fake.delays.delete(to);
      }
    });
  });

  describe("error mapping", () => {
    it("21610: the message fails, the number is opted out org-wide (carrier) and the lead's stage is opted_out", async () => {
      const { api, campaign, orgId, phones } = await twilioCampaign(1);
      const phone = phones[0] as string;
      fake.failures.set(phone, { status: 400, code: 21610 });
      try {
        await launch(api, campaign.id);
        await waitForStatus(campaign.id, ["failed"], 1, "the 21610 failure");
      } finally {
        fake.failures.delete(phone);
      }
      const [m] = await messagesOf(campaign.id);
      expect(m).toMatchObject({ status: "failed", error_code: "21610", provider_sid: null });
      const optOuts = await ownerQuery(app, "select phone, source, keyword from opt_outs where org_id = $1", [
        orgId,
      ]);
      expect(optOuts).toEqual([{ phone, source: "carrier", keyword: "21610" }]);
      const stages = await ownerQuery<{ stage: string }>(
        app,
        "select stage from campaign_leads where campaign_id = $1",
        [campaign.id],
      );
      expect(stages).toEqual([{ stage: "opted_out" }]);
      expect(fake.requests.some((r) => r.form.To === phone && r.status === 400)).toBe(true);
    });

    it("30006 at send time: the message is undeliverable and the lead leaves the campaign, not opted out", async () => {
      const { api, campaign, orgId, phones } = await twilioCampaign(1);
      const phone = phones[0] as string;
      fake.failures.set(phone, { status: 400, code: 30006 });
      try {
        await launch(api, campaign.id);
        await waitForStatus(campaign.id, ["undeliverable"], 1, "the 30006 failure");
      } finally {
        fake.failures.delete(phone);
      }
      expect((await messagesOf(campaign.id))[0]).toMatchObject({
        status: "undeliverable",
        error_code: "30006",
      });
      expect(await ownerQuery(app, "select 1 from opt_outs where org_id = $1", [orgId])).toEqual([]);
      expect(
        await ownerQuery(app, "select stage from campaign_leads where campaign_id = $1", [campaign.id]),
      ).toEqual([{ stage: "undeliverable" }]);
    });

    it("30006 reported later by status callback: undelivered → undeliverable", async () => {
      const { api, campaign, phones } = await twilioCampaign(1);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 1, "the text sent");
      const [m] = await messagesOf(campaign.id);
      const callback = await fake.deliver(m?.provider_sid as string, {
        status: "undelivered",
        errorCode: 30006,
      });
      expect(callback).toMatchObject({ status: 200, url: statusUrl() });
      await waitForStatus(campaign.id, ["undeliverable"], 1, "the undelivered receipt");
      expect((await messagesOf(campaign.id))[0]).toMatchObject({
        status: "undeliverable",
        error_code: "30006",
      });
      expect(
        await ownerQuery(app, "select stage from campaign_leads where campaign_id = $1", [campaign.id]),
      ).toEqual([{ stage: "undeliverable" }]);
      expect(phones).toHaveLength(1);
    });

    it("429 and 503 are retried (Twilio did not take the message); 500 is not (it may have)", async () => {
      const provider = createTwilioSms({
        accountSid: fake.accountSid,
        authToken: fake.authToken,
        apiUrl: fake.url,
        statusCallbackUrl: null,
      });
      const to = "+12025559000";
      for (const [failure, retryable] of [
        [{ status: 500, code: 20500 }, false],
        [{ status: 503, code: 20503 }, true],
        [{ status: 429, code: 20429 }, true],
      ] as const) {
        fake.failures.set(to, failure);
        const error = await provider
          .send({ clientRef: "x", orgId: "x", from: "+15550000000", to, body: "hi" })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SmsSendError);
        expect((error as SmsSendError).retryable, String(failure.status)).toBe(retryable);
      }
      fake.failures.delete(to);

      // Through the pipeline: the send job fails while Twilio answers 503, then runs again and sends.
      const { api, campaign, phones } = await twilioCampaign(1);
      const phone = phones[0] as string;
      fake.failures.set(phone, { status: 503, code: 20503 });
      let recovered = false;
      try {
        await launch(api, campaign.id);
        await waitUntil(async () => (await messagesOf(campaign.id)).length === 1, 10_000, "the first touch");
        const [m] = await messagesOf(campaign.id);
        await waitUntil(
          async () =>
            (
              await ownerQuery<{ n: number }>(
                app,
                "select count(*)::int as n from pgboss.job where name = 'sms.send' and data->>'messageId' = $1 and state = 'retry'",
                [m?.id],
              )
            )[0]?.n === 1,
          15_000,
          "the send job to fail and wait for a retry",
        );
        fake.failures.delete(phone);
        recovered = true;
        await waitUntil(
          async () =>
            (
              await ownerQuery<{ n: number }>(
                app,
                "select count(*)::int as n from pgboss.job where name = 'sms.send' and data->>'messageId' = $1 and state = 'completed' and retry_count >= 1",
                [m?.id],
              )
            )[0]?.n === 1,
          20_000,
          "the retried send job to complete",
        );
      } finally {
        if (!recovered) fake.failures.delete(phone);
      }
      const [m] = await messagesOf(campaign.id);
      // Requeued after the 503, sent once on the retry.
      expect(m?.status).toMatch(/^(sent|delivered)$/);
      expect(fake.sentTo(phone).filter((f) => f.sid === m?.provider_sid).length).toBe(1);
      expect(
        fake.requests.filter((r) => r.form.To === phone && r.status === 503).length,
      ).toBeGreaterThanOrEqual(1);
    });
  });

  describe("webhooks", () => {
    it("stores a signed inbound text in its conversation, announces it, and answers TwiML", async () => {
      const { api, campaign, number, phones, session } = await twilioCampaign(2);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 2, "both first touches");
      const phone = phones[1] as string;
      const conversation = (await messagesOf(campaign.id)).find(
        (m) => m.to_number === phone,
      )?.conversation_id;

      const socket = io(app.baseUrl, {
        transports: ["websocket"],
        auth: { token: session.accessToken },
        reconnection: false,
        forceNew: true,
      });
      sockets.push(socket);
      await new Promise<void>((resolve, reject) => {
        socket.once("connect", () => resolve());
        socket.once("connect_error", reject);
      });
      const announced = new Promise<TMessageEvent>((resolve) =>
        socket.on("message.created", (event: TMessageEvent) => {
          if (event.message.direction === "inbound") resolve(event);
        }),
      );

      const params = inboundParams(phone, number, "Sounds good, what does it cost?");
      const answer = await postInbound(params, {
        "x-twilio-signature": await signatureFor(inboundUrl(), params),
      });
      expect(answer.status).toBe(200);
      expect(answer.type).toContain("text/xml");
      expect(answer.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');

      const event = await announced;
      expect(event).toMatchObject({
        conversationId: conversation,
        message: {
          direction: "inbound",
          kind: "reply",
          body: "Sounds good, what does it cost?",
          status: "received",
        },
      });
      const stored = await ownerQuery<TMessageRow>(app, "select * from messages where provider_sid = $1", [
        params.MessageSid,
      ]);
      expect(stored).toHaveLength(1);
      expect(stored[0]).toMatchObject({
        conversation_id: conversation,
        from_number: phone,
        to_number: number,
        provider: "twilio",
      });
      const stage = await ownerQuery(
        app,
        "select cl.stage from campaign_leads cl join leads l on l.id = cl.lead_id where cl.campaign_id = $1 and l.phone = $2",
        [campaign.id, phone],
      );
      expect(stage).toEqual([{ stage: "replied" }]);
    });

    it("refuses a missing, forged or tampered signature with 403 and stores nothing", async () => {
      const { orgId } = await buildOrg(app);
      const number = await twilioNumber(orgId);
      await inboxDrained();
      const before = await counts(orgId);
      const params = inboundParams("+12025550199", number, "hello");
      const good = await signatureFor(inboundUrl(), params);

      expect((await postInbound(params)).status).toBe(403);
      expect((await postInbound(params, { "x-twilio-signature": "" })).status).toBe(403);
      const forged = await signatureFor(inboundUrl(), params, "some-other-auth-token");
      expect((await postInbound(params, { "x-twilio-signature": forged })).status).toBe(403);
      expect(
        (await postInbound({ ...params, Body: "hello, tampered" }, { "x-twilio-signature": good })).status,
      ).toBe(403);
      // Signed for another URL (a status callback replayed against the inbound endpoint).
      const elsewhere = await signatureFor(statusUrl(), params);
      expect((await postInbound(params, { "x-twilio-signature": elsewhere })).status).toBe(403);

      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await counts(orgId)).toEqual(before);
      expect(
        await ownerQuery(app, "select 1 from leads where org_id = $1 and phone = '+12025550199'", [orgId]),
      ).toEqual([]);
    });

    it("stores a MessageSid posted twice only once", async () => {
      const { orgId } = await buildOrg(app);
      const number = await twilioNumber(orgId);
      const params = inboundParams("+12025550142", number, "Is this still available?");
      const signature = await signatureFor(inboundUrl(), params);
      const [first, second] = await Promise.all([
        postInbound(params, { "x-twilio-signature": signature }),
        postInbound(params, { "x-twilio-signature": signature }),
      ]);
      expect([first.status, second.status]).toEqual([200, 200]);
      expect((await postInbound(params, { "x-twilio-signature": signature })).status).toBe(200);
      await inboxDrained();
      const inbox = await ownerQuery(app, "select kind from webhook_inbox where external_id = $1", [
        params.MessageSid,
      ]);
      expect(inbox).toEqual([{ kind: "inbound" }]);
      const stored = await ownerQuery<TMessageRow>(app, "select * from messages where provider_sid = $1", [
        params.MessageSid,
      ]);
      expect(stored).toHaveLength(1);
      // A text from a number with no conversation yet starts one with a new lead.
      expect(stored[0]).toMatchObject({
        direction: "inbound",
        from_number: "+12025550142",
        to_number: number,
      });
    });

    it("answers 404 for a number that is not ours, storing nothing", async () => {
      const jobs = async () =>
        (
          await ownerQuery<{ n: number }>(
            app,
            "select count(*)::int as n from pgboss.job where name = 'sms.inbound'",
          )
        )[0]?.n;
      const before = await jobs();
      const params = inboundParams("+12025550100", "+15559999999", "hi");
      const answer = await postInbound(params, {
        "x-twilio-signature": await signatureFor(inboundUrl(), params),
      });
      expect(answer.status).toBe(404);
      expect(
        await ownerQuery(app, "select 1 from webhook_inbox where external_id = $1", [params.MessageSid]),
      ).toEqual([]);
      expect(await jobs()).toBe(before);
    });

    it("moves a message to delivered on a signed status callback, and a late 'sent' does not move it back", async () => {
      const { api, campaign } = await twilioCampaign(1);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 1, "the text sent");
      const [m] = await messagesOf(campaign.id);
      const messageSid = m?.provider_sid as string;

      expect((await fake.deliver(messageSid, { status: "delivered" })).status).toBe(200);
      await waitForStatus(campaign.id, ["delivered"], 1, "the delivered receipt");
      expect((await fake.deliver(messageSid, { status: "sent" })).status).toBe(200);
      await inboxDrained();
      const [after] = await messagesOf(campaign.id);
      expect(after?.status).toBe("delivered");
      const receipts = await ownerQuery<{ external_id: string }>(
        app,
        "select external_id from webhook_inbox where kind = 'status' and external_id like $1 order by external_id",
        [`${messageSid}:%`],
      );
      expect(receipts.map((r) => r.external_id)).toEqual([`${messageSid}:delivered`, `${messageSid}:sent`]);

      // A status callback with a bad signature is refused like an inbound one.
      const params = {
        MessageSid: messageSid,
        MessageStatus: "failed",
        From: m?.from_number ?? "",
        To: m?.to_number ?? "",
      };
      const forged = await postSigned(statusUrl(), params, "some-other-auth-token");
      expect(forged).toBe(403);
    });

    it("an inbound STOP opts the number out and sends exactly one confirmation through Twilio", async () => {
      const { api, campaign, number, phones, orgId } = await twilioCampaign(1);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 1, "the first touch");
      const phone = phones[0] as string;

      const stop = inboundParams(phone, number, "STOP");
      expect(
        (await postInbound(stop, { "x-twilio-signature": await signatureFor(inboundUrl(), stop) })).status,
      ).toBe(200);
      await waitUntil(
        async () =>
          (
            await ownerQuery(
              app,
              "select 1 from messages where campaign_id = $1 and kind = 'compliance' and status = 'sent'",
              [campaign.id],
            )
          ).length === 1,
        15_000,
        "the opt-out confirmation to be sent",
      );
      // A second STOP (a new MessageSid) gets no second confirmation.
      const again = inboundParams(phone, number, "stop");
      expect(
        (await postInbound(again, { "x-twilio-signature": await signatureFor(inboundUrl(), again) })).status,
      ).toBe(200);
      await inboxDrained();
      await new Promise((resolve) => setTimeout(resolve, 500));

      const optOuts = await ownerQuery(app, "select phone, source from opt_outs where org_id = $1", [orgId]);
      expect(optOuts).toEqual([{ phone, source: "keyword" }]);
      const compliance = await ownerQuery<TMessageRow>(
        app,
        "select * from messages where campaign_id = $1 and kind = 'compliance'",
        [campaign.id],
      );
      expect(compliance).toHaveLength(1);
      const confirmation = compliance[0] as TMessageRow;
      expect(confirmation).toMatchObject({ provider: "twilio", from_number: number, to_number: phone });
      const viaTwilio = fake.messages.filter((f) => f.sid === confirmation.provider_sid);
      expect(viaTwilio).toEqual([
        expect.objectContaining({ to: phone, from: number, body: confirmation.body }),
      ]);
      expect(
        await ownerQuery(app, "select stage from campaign_leads where campaign_id = $1", [campaign.id]),
      ).toEqual([{ stage: "opted_out" }]);
    });
  });
});
