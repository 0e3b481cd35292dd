import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCampaign, waitUntil } from "./campaign-helpers.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

describe("an SMS campaign end to end in Sandbox mode", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SANDBOX_DELIVERY_DELAY_MS: "50" } });
  });
  afterAll(async () => app.close());

  it("refuses to launch without leads", async () => {
    const { session } = await buildOrg(app);
    const { api, campaign } = await buildCampaign(app, session, { leads: 0 });
    await expect(api.campaigns.transition({ campaignId: campaign.id, to: "active" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("launches, sends one identified first touch per lead, honours STOP once, and records replies", async () => {
    const { session, orgId } = await buildOrg(app, "Acme Pest");
    const { api, campaign } = await buildCampaign(app, session, { leads: 3 });
    const launched = await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    expect(launched.status).toBe("active");

    await waitUntil(
      async () =>
        (
          await ownerQuery<{ n: number }>(
            app,
            "select count(*)::int as n from messages where campaign_id = $1 and status = 'delivered'",
            [campaign.id],
          )
        )[0]?.n === 3,
      20_000,
      "three delivered first touches",
    );
    const firsts = await ownerQuery<{ body: string; to_number: string; segments: number }>(
      app,
      "select body, to_number, segments from messages where campaign_id = $1 and kind = 'first_touch'",
      [campaign.id],
    );
    expect(firsts).toHaveLength(3);
    for (const m of firsts) {
      expect(m.body).toContain("Acme Pest");
      expect(m.body).toContain("Reply STOP to opt out.");
      expect(m.segments).toBeGreaterThanOrEqual(1);
    }
    const outbox = await ownerQuery<{ n: number }>(
      app,
      "select count(*)::int as n from sandbox_outbox where org_id = $1",
      [orgId],
    );
    expect(outbox[0]?.n).toBe(3);
    const usage = await ownerQuery<{ cost: number }>(
      app,
      "select sum(cost_micros)::int as cost from usage_ledger where org_id = $1 and kind = 'sms_segment_out'",
      [orgId],
    );
    expect(usage[0]?.cost).toBeGreaterThan(0);
    expect((await api.campaigns.get({ campaignId: campaign.id })).funnel.contacted).toBe(3);

    const [first, second] = await api.conversations.list({ campaignId: campaign.id });
    if (!first || !second) throw new Error("expected conversations");
    await api.sandbox.reply({ conversationId: first.id, body: "stop" });
    await api.sandbox.reply({ conversationId: first.id, body: "STOP!" });
    await waitUntil(
      async () =>
        (await api.conversations.get({ conversationId: first.id })).messages.some(
          (m) => m.kind === "compliance" && m.status === "delivered",
        ),
      10_000,
      "the opt-out confirmation",
    );
    const thread = (await api.conversations.get({ conversationId: first.id })).messages;
    expect(thread.filter((m) => m.kind === "compliance")).toHaveLength(1);
    expect(thread.filter((m) => m.direction === "inbound")).toHaveLength(2);
    expect((await api.optOuts.list({})).rows.map((o) => o.phone)).toEqual([first.leadPhone]);

    await api.sandbox.reply({ conversationId: second.id, body: "What does it cost?" });
    const stages = await ownerQuery<{ stage: string; next: Date | null }>(
      app,
      "select cl.stage, cl.next_touch_at as next from campaign_leads cl join leads l on l.id = cl.lead_id where cl.campaign_id = $1 and l.phone = $2",
      [campaign.id, second.leadPhone],
    );
    expect(stages[0]).toEqual({ stage: "replied", next: null });
    const detail = await api.campaigns.get({ campaignId: campaign.id });
    expect(detail.funnel.opted_out).toBe(1);
    expect(detail.funnel.replied).toBe(1);
  });

  it("pauses and resumes", async () => {
    const { session } = await buildOrg(app);
    const { api, campaign } = await buildCampaign(app, session, { leads: 1 });
    await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    expect((await api.campaigns.transition({ campaignId: campaign.id, to: "paused" })).status).toBe("paused");
    await expect(api.campaigns.transition({ campaignId: campaign.id, to: "paused" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect((await api.campaigns.transition({ campaignId: campaign.id, to: "active" })).status).toBe("active");
    expect((await api.campaigns.transition({ campaignId: campaign.id, to: "completed" })).status).toBe(
      "completed",
    );
  });
});
