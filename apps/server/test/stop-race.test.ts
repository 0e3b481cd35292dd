import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDueTouches } from "../src/modules/campaigns/index.js";
import { lockConsent } from "../src/modules/compliance/queries.js";
import { receiveInbound } from "../src/modules/messaging/receive-message.js";
import { sendQueuedMessage } from "../src/modules/messaging/send-message.js";
import { withOrg } from "../src/platform/db/with-org.js";
import { buildCampaign, waitUntil } from "./campaign-helpers.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

/** No worker runs here: the test drives planning and sending itself, to control the race. */
describe("a STOP that races a queued message", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  async function queuedMessages(leads: number) {
    const { session, orgId } = await buildOrg(app);
    const { api, campaign } = await buildCampaign(app, session, { leads });
    await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    expect((await planDueTouches(app.services.app, { orgId, campaignId: campaign.id })).planned).toBe(leads);
    const rows = await ownerQuery<{ id: string; to_number: string; from_number: string }>(
      app,
      "select id, to_number, from_number from messages where campaign_id = $1 and status = 'queued' order by to_number",
      [campaign.id],
    );
    return { orgId, rows };
  }

  it("wins when it is being processed at the moment of sending: nothing goes out", async () => {
    const { orgId, rows } = await queuedMessages(1);
    const message = rows[0];
    if (!message) throw new Error("no queued message");
    let sendDone = false;
    const stop = withOrg(app.services.db.appPool, orgId, async (tx) => {
      await lockConsent(tx, orgId, message.to_number);
      const send = sendQueuedMessage(app.services.app, { orgId, messageId: message.id }, async () => {}).then(
        (outcome) => {
          sendDone = true;
          return outcome;
        },
      );
      // The send has claimed the message and now waits for the consent lock the STOP holds.
      await waitUntil(
        async () =>
          (
            await ownerQuery<{ n: number }>(
              app,
              "select count(*)::int as n from pg_locks where locktype = 'advisory' and not granted",
            )
          )[0]?.n === 1,
        5000,
        "the send to wait on the consent lock",
      );
      expect(sendDone).toBe(false);
      await tx.client.query(
        "insert into opt_outs (org_id, phone, source, keyword) values ($1, $2, 'keyword', 'STOP')",
        [orgId, message.to_number],
      );
      // Wrapped, so the transaction commits (releasing the lock) without waiting for the send.
      return { send };
    });
    const outcome = await (await stop).send;
    expect(outcome).toBe("blocked");
    const [stored] = await ownerQuery<{ status: string }>(app, "select status from messages where id = $1", [
      message.id,
    ]);
    expect(stored?.status).toBe("blocked");
    expect(
      await ownerQuery(app, "select 1 from sandbox_outbox where client_ref = $1", [message.id]),
    ).toHaveLength(0);
  });

  it("never lets a text out after the opt-out is recorded, when STOPs and sends run at the same time", async () => {
    const { orgId, rows } = await queuedMessages(20);
    await Promise.all(
      rows.flatMap((m, i) => [
        sendQueuedMessage(app.services.app, { orgId, messageId: m.id }, async () => {}),
        receiveInbound(app.services.app, {
          orgId,
          provider: "sandbox",
          sid: `SMrace${i}${Date.now()}`,
          from: m.to_number,
          to: m.from_number,
          body: "STOP",
        }),
      ]),
    );
    const late = await ownerQuery(
      app,
      `select o.phone from opt_outs o join sandbox_outbox s on s.to_number = o.phone
         join messages m on m.id::text = s.client_ref
        where o.org_id = $1 and m.kind <> 'compliance' and s.accepted_at > o.created_at`,
      [orgId],
    );
    expect(late).toEqual([]);
    const statuses = await ownerQuery<{ status: string; n: number }>(
      app,
      "select status, count(*)::int as n from messages where org_id = $1 and kind = 'first_touch' group by status order by status",
      [orgId],
    );
    expect(statuses.reduce((sum, s) => sum + s.n, 0)).toBe(20);
    expect(statuses.every((s) => s.status === "sent" || s.status === "blocked")).toBe(true);
  });
});

describe("quiet hours at planning time", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  it("does not text a lead in Honolulu at 7:00 Honolulu time, but texts one in New York at that instant", async () => {
    const { session, orgId } = await buildOrg(app);
    const { api, campaign } = await buildCampaign(app, session, { leads: 0 });
    const honolulu = await api.leads.create({
      phone: "(808) 555-0164",
      firstName: "Leilani",
      campaignId: campaign.id,
    });
    const newYork = await api.leads.create({
      phone: "(212) 555-0142",
      firstName: "Maria",
      campaignId: campaign.id,
    });
    expect(honolulu.timeZone).toBe("Pacific/Honolulu");
    await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    const sevenInHonolulu = new Date(Date.UTC(2026, 11, 1, 17, 0)); // 07:00 in Honolulu, 12:00 in New York
    const first = await planDueTouches(app.services.app, {
      orgId,
      campaignId: campaign.id,
      now: sevenInHonolulu,
    });
    expect(first.planned).toBe(1);
    const planned = await ownerQuery<{ lead_id: string }>(
      app,
      "select lead_id from messages where campaign_id = $1",
      [campaign.id],
    );
    expect(planned.map((p) => p.lead_id)).toEqual([newYork.id]);
    // An hour later it is 8:00 in Honolulu: now the lead there is planned too.
    const eightInHonolulu = new Date(sevenInHonolulu.getTime() + 3_600_000);
    expect(
      (await planDueTouches(app.services.app, { orgId, campaignId: campaign.id, now: eightInHonolulu }))
        .planned,
    ).toBe(1);
  });
});
