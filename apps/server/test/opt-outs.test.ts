import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCampaign } from "./campaign-helpers.js";
import { buildOrg, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

describe("opt-outs added by hand and by CSV", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  it("stop every campaign for those numbers, report bad rows, and export as CSV", async () => {
    const { session } = await buildOrg(app);
    const { campaign } = await buildCampaign(app, session, { leads: 3 });
    const auth = { authorization: `Bearer ${session.accessToken}` };
    const phones = await ownerQuery<{ phone: string }>(
      app,
      "select l.phone from campaign_leads cl join leads l on l.id = cl.lead_id where cl.campaign_id = $1 order by l.phone",
      [campaign.id],
    );
    const [first, second] = phones.map((p) => p.phone);

    const added = await fetch(`${app.baseUrl}/api/v1/opt-outs`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ phone: first }),
    });
    expect(added.status).toBe(201);

    const form = new FormData();
    form.append("file", new Blob([`phone\n${second}\nnot a phone\n`], { type: "text/csv" }), "stops.csv");
    const imported = await fetch(`${app.baseUrl}/api/v1/opt-outs/import`, {
      method: "POST",
      headers: auth,
      body: form,
    });
    expect(await imported.json()).toEqual({
      added: 1,
      rejected: [{ row: 3, reason: expect.stringContaining("not a phone") }],
    });

    const stages = await ownerQuery<{ phone: string; stage: string }>(
      app,
      "select l.phone, cl.stage from campaign_leads cl join leads l on l.id = cl.lead_id where cl.campaign_id = $1 order by l.phone",
      [campaign.id],
    );
    expect(stages.map((s) => s.stage)).toEqual(["opted_out", "opted_out", "queued"]);

    const csv = await (await fetch(`${app.baseUrl}/api/v1/opt-outs.csv`, { headers: auth })).text();
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("phone,source,keyword,created_at");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).join(","))).toEqual([
      `${first},api`,
      `${second},import`,
    ]);
  });
});
