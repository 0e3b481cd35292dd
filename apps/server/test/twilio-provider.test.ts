import { describe, expect, it } from "vitest";
import { SmsSendError } from "../src/integrations/ports.js";
import { createTwilioSms } from "../src/integrations/twilio/twilio-sms.js";
import { waitUntil } from "./campaign-helpers.js";
import { ownerQuery } from "./harness.js";
import { sid, useTwilioHarness } from "./twilio-harness.js";

/** Sending through the real Twilio SDK against the fake Twilio API, and how its errors are mapped. */
describe("Twilio: the real SDK and webhooks against a local fake Twilio", () => {
  const tw = useTwilioHarness();
  const { twilioCampaign, launch, messagesOf, waitForStatus, statusUrl } = tw;

  describe("sending through the SDK", () => {
    it("calls the Messages resource with Basic auth, To, From, Body and the status callback", async () => {
      const { api, campaign, number, phones } = await twilioCampaign(2);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent", "delivered"], 2, "two texts sent through Twilio");

      const sent = await messagesOf(campaign.id);
      expect(sent).toHaveLength(2);
      for (const m of sent) {
        expect(m.provider).toBe("twilio");
        const accepted = tw.fake.messages.find((f) => f.sid === m.provider_sid);
        expect(accepted, `Twilio accepted ${m.provider_sid}`).toBeDefined();
        const request = tw.fake.requests.find((r) => r.status === 201 && r.form.To === m.to_number);
        expect(request).toMatchObject({
          method: "POST",
          path: `/2010-04-01/Accounts/${tw.fake.accountSid}/Messages.json`,
          accountSid: tw.fake.accountSid,
          auth: { username: tw.fake.accountSid, password: tw.fake.authToken },
          contentType: expect.stringContaining("application/x-www-form-urlencoded"),
        });
        expect(request?.form).toEqual({
          To: m.to_number,
          From: number,
          Body: m.body,
          StatusCallback: `${tw.publicUrl}/webhooks/twilio/status`,
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
      const accepted = tw.fake.messages.find((f) => f.sid === m?.provider_sid);
      expect(accepted).toMatchObject({ messagingServiceSid: service, from: null, status: "accepted" });
      const request = tw.fake.requests.find((r) => r.form.MessagingServiceSid === service);
      expect(request?.form.From).toBeUndefined();
      expect(request?.form.To).toBe(m?.to_number);
    });

    it("is refused with Twilio's 20003 when the credentials are wrong, as a non-retryable rejection", async () => {
      const provider = createTwilioSms({
        accountSid: tw.fake.accountSid,
        authToken: "not-the-right-token",
        apiUrl: tw.fake.url,
        statusCallbackUrl: null,
      });
      const error = await provider
        .send({ clientRef: "x", orgId: "x", from: "+15550000000", to: "+12025550100", body: "hi" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SmsSendError);
      expect(error).toMatchObject({ kind: "rejected", code: "20003", retryable: false });
      expect(tw.fake.requests.at(-1)).toMatchObject({
        status: 401,
        auth: { password: "not-the-right-token" },
      });
    });
    it("gives up on a hung API call after its timeout, as an ambiguous error that is never retried", async () => {
      const provider = createTwilioSms({
        accountSid: tw.fake.accountSid,
        authToken: tw.fake.authToken,
        apiUrl: tw.fake.url,
        statusCallbackUrl: null,
        timeoutMs: 300,
      });
      const to = "+12025559001";
      tw.fake.delays.set(to, 3000);
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
        tw.fake.delays.delete(to);
      }
    });
  });

  describe("error mapping", () => {
    it("21610: the message fails, the number is opted out org-wide (carrier) and the lead's stage is opted_out", async () => {
      const { api, campaign, orgId, phones } = await twilioCampaign(1);
      const phone = phones[0] as string;
      tw.fake.failures.set(phone, { status: 400, code: 21610 });
      try {
        await launch(api, campaign.id);
        await waitForStatus(campaign.id, ["failed"], 1, "the 21610 failure");
      } finally {
        tw.fake.failures.delete(phone);
      }
      const [m] = await messagesOf(campaign.id);
      expect(m).toMatchObject({ status: "failed", error_code: "21610", provider_sid: null });
      const optOuts = await ownerQuery(
        tw.app,
        "select phone, source, keyword from opt_outs where org_id = $1",
        [orgId],
      );
      expect(optOuts).toEqual([{ phone, source: "carrier", keyword: "21610" }]);
      const stages = await ownerQuery<{ stage: string }>(
        tw.app,
        "select stage from campaign_leads where campaign_id = $1",
        [campaign.id],
      );
      expect(stages).toEqual([{ stage: "opted_out" }]);
      expect(tw.fake.requests.some((r) => r.form.To === phone && r.status === 400)).toBe(true);
    });

    it("30006 at send time: the message is undeliverable and the lead leaves the campaign, not opted out", async () => {
      const { api, campaign, orgId, phones } = await twilioCampaign(1);
      const phone = phones[0] as string;
      tw.fake.failures.set(phone, { status: 400, code: 30006 });
      try {
        await launch(api, campaign.id);
        await waitForStatus(campaign.id, ["undeliverable"], 1, "the 30006 failure");
      } finally {
        tw.fake.failures.delete(phone);
      }
      expect((await messagesOf(campaign.id))[0]).toMatchObject({
        status: "undeliverable",
        error_code: "30006",
      });
      expect(await ownerQuery(tw.app, "select 1 from opt_outs where org_id = $1", [orgId])).toEqual([]);
      expect(
        await ownerQuery(tw.app, "select stage from campaign_leads where campaign_id = $1", [campaign.id]),
      ).toEqual([{ stage: "undeliverable" }]);
    });

    it("30006 reported later by status callback: undelivered → undeliverable", async () => {
      const { api, campaign, phones } = await twilioCampaign(1);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 1, "the text sent");
      const [m] = await messagesOf(campaign.id);
      const callback = await tw.fake.deliver(m?.provider_sid as string, {
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
        await ownerQuery(tw.app, "select stage from campaign_leads where campaign_id = $1", [campaign.id]),
      ).toEqual([{ stage: "undeliverable" }]);
      expect(phones).toHaveLength(1);
    });

    it("429 and 503 are retried (Twilio did not take the message); 500 is not (it may have)", async () => {
      const provider = createTwilioSms({
        accountSid: tw.fake.accountSid,
        authToken: tw.fake.authToken,
        apiUrl: tw.fake.url,
        statusCallbackUrl: null,
      });
      const to = "+12025559000";
      for (const [failure, retryable] of [
        [{ status: 500, code: 20500 }, false],
        [{ status: 503, code: 20503 }, true],
        [{ status: 429, code: 20429 }, true],
      ] as const) {
        tw.fake.failures.set(to, failure);
        const error = await provider
          .send({ clientRef: "x", orgId: "x", from: "+15550000000", to, body: "hi" })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(SmsSendError);
        expect((error as SmsSendError).retryable, String(failure.status)).toBe(retryable);
      }
      tw.fake.failures.delete(to);

      // Through the pipeline: the send job fails while Twilio answers 503, then runs again and sends.
      const { api, campaign, phones } = await twilioCampaign(1);
      const phone = phones[0] as string;
      tw.fake.failures.set(phone, { status: 503, code: 20503 });
      let recovered = false;
      try {
        await launch(api, campaign.id);
        await waitUntil(async () => (await messagesOf(campaign.id)).length === 1, 10_000, "the first touch");
        const [m] = await messagesOf(campaign.id);
        await waitUntil(
          async () =>
            (
              await ownerQuery<{ n: number }>(
                tw.app,
                "select count(*)::int as n from pgboss.job where name = 'sms.send' and data->>'messageId' = $1 and state = 'retry'",
                [m?.id],
              )
            )[0]?.n === 1,
          15_000,
          "the send job to fail and wait for a retry",
        );
        tw.fake.failures.delete(phone);
        recovered = true;
        await waitUntil(
          async () =>
            (
              await ownerQuery<{ n: number }>(
                tw.app,
                "select count(*)::int as n from pgboss.job where name = 'sms.send' and data->>'messageId' = $1 and state = 'completed' and retry_count >= 1",
                [m?.id],
              )
            )[0]?.n === 1,
          20_000,
          "the retried send job to complete",
        );
      } finally {
        if (!recovered) tw.fake.failures.delete(phone);
      }
      const [m] = await messagesOf(campaign.id);
      // Requeued after the 503, sent once on the retry.
      expect(m?.status).toMatch(/^(sent|delivered)$/);
      expect(tw.fake.sentTo(phone).filter((f) => f.sid === m?.provider_sid).length).toBe(1);
      expect(
        tw.fake.requests.filter((r) => r.form.To === phone && r.status === 503).length,
      ).toBeGreaterThanOrEqual(1);
    });
  });
});
