import type { TMessageEvent } from "@plaibook/shared";
import { io } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { waitUntil } from "./campaign-helpers.js";
import { postSigned } from "./fakes/fake-twilio.js";
import { buildOrg, ownerQuery } from "./harness.js";
import { type TMessageRow, useTwilioHarness } from "./twilio-harness.js";

/** Twilio's webhooks: signatures, inbound texts, status callbacks, MessageSid dedupe and STOP. */
describe("Twilio: the real SDK and webhooks against a local fake Twilio", () => {
  const tw = useTwilioHarness();
  const {
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
    inboundUrl,
    statusUrl,
  } = tw;

  describe("webhooks", () => {
    it("stores a signed inbound text in its conversation, announces it, and answers TwiML", async () => {
      const { api, campaign, number, phones, session } = await twilioCampaign(2);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 2, "both first touches");
      const phone = phones[1] as string;
      const conversation = (await messagesOf(campaign.id)).find(
        (m) => m.to_number === phone,
      )?.conversation_id;

      const socket = io(tw.app.baseUrl, {
        transports: ["websocket"],
        auth: { token: session.accessToken },
        reconnection: false,
        forceNew: true,
      });
      tw.sockets.push(socket);
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
      const stored = await ownerQuery<TMessageRow>(tw.app, "select * from messages where provider_sid = $1", [
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
        tw.app,
        "select cl.stage from campaign_leads cl join leads l on l.id = cl.lead_id where cl.campaign_id = $1 and l.phone = $2",
        [campaign.id, phone],
      );
      expect(stage).toEqual([{ stage: "replied" }]);
    });

    it("refuses a missing, forged or tampered signature with 403 and stores nothing", async () => {
      const { orgId } = await buildOrg(tw.app);
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
        await ownerQuery(tw.app, "select 1 from leads where org_id = $1 and phone = '+12025550199'", [orgId]),
      ).toEqual([]);
    });

    it("stores a MessageSid posted twice only once", async () => {
      const { orgId } = await buildOrg(tw.app);
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
      const inbox = await ownerQuery(tw.app, "select kind from webhook_inbox where external_id = $1", [
        params.MessageSid,
      ]);
      expect(inbox).toEqual([{ kind: "inbound" }]);
      const stored = await ownerQuery<TMessageRow>(tw.app, "select * from messages where provider_sid = $1", [
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

    it("processes a burst of texts in batches: each once, and a lead's texts in the order sent", async () => {
      const { orgId } = await buildOrg(tw.app);
      const number = await twilioNumber(orgId);
      const leads = Array.from({ length: 12 }, (_, i) => `+1202555${String(3000 + i)}`);
      // Three texts from each lead, posted lead by lead in order, all at once across leads.
      await Promise.all(
        leads.map(async (phone) => {
          for (const n of [1, 2, 3]) {
            const params = inboundParams(phone, number, `text ${n} from ${phone}`);
            const res = await postInbound(params, {
              "x-twilio-signature": await signatureFor(inboundUrl(), params),
            });
            expect(res.status).toBe(200);
          }
        }),
      );
      await inboxDrained();
      const stored = await ownerQuery<{ from_number: string; body: string }>(
        tw.app,
        "select from_number, body from messages where org_id = $1 and direction = 'inbound' order by created_at, id",
        [orgId],
      );
      expect(stored).toHaveLength(36);
      for (const phone of leads)
        expect(stored.filter((m) => m.from_number === phone).map((m) => m.body)).toEqual([
          `text 1 from ${phone}`,
          `text 2 from ${phone}`,
          `text 3 from ${phone}`,
        ]);
      expect((await counts(orgId))?.inbox).toBe(36);
    });

    it("answers 404 for a number that is not ours, storing nothing", async () => {
      const jobs = async () =>
        (
          await ownerQuery<{ n: number }>(
            tw.app,
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
        await ownerQuery(tw.app, "select 1 from webhook_inbox where external_id = $1", [params.MessageSid]),
      ).toEqual([]);
      expect(await jobs()).toBe(before);
    });

    it("moves a message to delivered on a signed status callback, and a late 'sent' does not move it back", async () => {
      const { api, campaign } = await twilioCampaign(1);
      await launch(api, campaign.id);
      await waitForStatus(campaign.id, ["sent"], 1, "the text sent");
      const [m] = await messagesOf(campaign.id);
      const messageSid = m?.provider_sid as string;

      expect((await tw.fake.deliver(messageSid, { status: "delivered" })).status).toBe(200);
      await waitForStatus(campaign.id, ["delivered"], 1, "the delivered receipt");
      expect((await tw.fake.deliver(messageSid, { status: "sent" })).status).toBe(200);
      await inboxDrained();
      const [after] = await messagesOf(campaign.id);
      expect(after?.status).toBe("delivered");
      const receipts = await ownerQuery<{ external_id: string }>(
        tw.app,
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
              tw.app,
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

      const optOuts = await ownerQuery(tw.app, "select phone, source from opt_outs where org_id = $1", [
        orgId,
      ]);
      expect(optOuts).toEqual([{ phone, source: "keyword" }]);
      const compliance = await ownerQuery<TMessageRow>(
        tw.app,
        "select * from messages where campaign_id = $1 and kind = 'compliance'",
        [campaign.id],
      );
      expect(compliance).toHaveLength(1);
      const confirmation = compliance[0] as TMessageRow;
      expect(confirmation).toMatchObject({ provider: "twilio", from_number: number, to_number: phone });
      const viaTwilio = tw.fake.messages.filter((f) => f.sid === confirmation.provider_sid);
      expect(viaTwilio).toEqual([
        expect.objectContaining({ to: phone, from: number, body: confirmation.body }),
      ]);
      expect(
        await ownerQuery(tw.app, "select stage from campaign_leads where campaign_id = $1", [campaign.id]),
      ).toEqual([{ stage: "opted_out" }]);
    });
  });
});
