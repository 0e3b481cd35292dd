import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDueTouches } from "../src/modules/campaigns/index.js";
import { buildCampaign } from "./campaign-helpers.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

describe("sending rate limits", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  it("keeps a number within its per-minute limit across every campaign that sends from it", async () => {
    const { session, orgId } = await buildOrg(app);
    const [number] = (await buildCampaign(app, session, { leads: 0 })).numbers;
    if (!number) throw new Error("no sending number");
    const settings = { sendingNumbers: [number.e164], perNumberPerMinute: 3, perCampaignPerMinute: 100 };
    const a = await buildCampaign(app, session, { leads: 5, settings });
    const b = await buildCampaign(app, session, { leads: 5, settings });
    await a.api.campaigns.transition({ campaignId: a.campaign.id, to: "active" });
    await b.api.campaigns.transition({ campaignId: b.campaign.id, to: "active" });
    const now = new Date();
    const first = await planDueTouches(app.services.app, { orgId, campaignId: a.campaign.id, now });
    const second = await planDueTouches(app.services.app, { orgId, campaignId: b.campaign.id, now });
    expect(first.planned + second.planned).toBe(3);
    expect(second.planned).toBe(0);
    expect(second.reason).toMatch(/rate limit/);
    // Paced across the minute: 20 s apart at 3 per minute.
    const starts = await ownerQuery<{ t: Date }>(
      app,
      "select scheduled_for as t from messages where from_number = $1 order by t",
      [number.e164],
    );
    expect(starts.map((s) => Math.round((s.t.getTime() - now.getTime()) / 1000))).toEqual([0, 20, 40]);
    // A minute later the number has room again.
    const later = new Date(now.getTime() + 61_000);
    expect(
      (await planDueTouches(app.services.app, { orgId, campaignId: b.campaign.id, now: later })).planned,
    ).toBe(3);
  });

  it("keeps a campaign within its own per-minute limit", async () => {
    const { session, orgId } = await buildOrg(app);
    const c = await buildCampaign(app, session, {
      leads: 10,
      settings: { perNumberPerMinute: 100, perCampaignPerMinute: 4 },
    });
    await c.api.campaigns.transition({ campaignId: c.campaign.id, to: "active" });
    const now = new Date();
    expect((await planDueTouches(app.services.app, { orgId, campaignId: c.campaign.id, now })).planned).toBe(
      4,
    );
    expect((await planDueTouches(app.services.app, { orgId, campaignId: c.campaign.id, now })).planned).toBe(
      0,
    );
  });
});
