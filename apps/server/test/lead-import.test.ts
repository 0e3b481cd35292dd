import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCampaign } from "./campaign-helpers.js";
import { buildOrg, buildUser, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const DEMO_CSV = readFileSync(
  fileURLToPath(new URL("../../web/public/demo-leads.csv", import.meta.url)),
  "utf8",
);

describe("CSV lead import", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  const upload = (token: string, csv: string, campaignId?: string) => {
    const form = new FormData();
    if (campaignId) form.append("campaignId", campaignId);
    form.append("file", new Blob([csv], { type: "text/csv" }), "leads.csv");
    return fetch(`${app.baseUrl}/api/v1/leads/import`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
  };

  it("imports good rows, merges duplicates by phone, and reports every bad row with its reason", async () => {
    const { session } = await buildOrg(app);
    const { campaign, api } = await buildCampaign(app, session, { leads: 0 });
    const res = await upload(session.accessToken, DEMO_CSV, campaign.id);
    expect(res.status).toBe(200);
    const { import: result } = (await res.json()) as {
      import: {
        id: string;
        status: string;
        rowsRead: number;
        imported: number;
        merged: number;
        rejected: number;
      };
    };
    expect(result).toMatchObject({ status: "completed", rowsRead: 18, imported: 13, merged: 1, rejected: 4 });

    const report = await fetch(`${app.baseUrl}/api/v1/leads/imports/${result.id}/rejected.csv`, {
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(report.headers.get("content-type")).toContain("text/csv");
    const lines = (await report.text()).trim().split("\n");
    expect(lines[0]).toBe("row,reason,raw");
    expect(lines).toHaveLength(5);
    expect(lines.join("\n")).toMatch(/not a valid phone number/);
    expect(lines.join("\n")).toMatch(/toll-free/);
    expect(lines.join("\n")).toMatch(/not a valid email address/);
    expect(lines.join("\n")).toMatch(/unknown time zone ""Mars\/Olympus""/);
    expect(lines[1]?.startsWith("16,")).toBe(true); // row numbers are file lines, header = 1

    const page = await api.leads.list({ campaignId: campaign.id, pageSize: 50 });
    expect(page.total).toBe(13);
    const byPhone = new Map(page.rows.map((l) => [l.phone, l]));
    expect(byPhone.get("+18085550105")).toMatchObject({
      timeZone: "Pacific/Honolulu",
      timeZoneSource: "area_code",
    });
    expect(byPhone.get("+14155550104")).toMatchObject({
      timeZone: "America/Los_Angeles",
      timeZoneSource: "column",
    });
    // The duplicate row merged into the first: its non-empty values won.
    expect(byPhone.get("+12125550101")).toMatchObject({
      email: "emma.j@example.com",
      company: "Johnson Dental Group",
    });
    expect((await api.campaigns.get({ campaignId: campaign.id })).funnel.queued).toBe(13);

    // Importing the same file again adds nothing new.
    const again = (await (await upload(session.accessToken, DEMO_CSV)).json()) as {
      import: { imported: number; merged: number };
    };
    expect(again.import).toMatchObject({ imported: 0, merged: 14 });
  });

  it("streams a large file in batches with flat memory", async () => {
    const { session, orgId } = await buildOrg(app);
    const rows = 20_000;
    const body = ["phone,name"]
      .concat(
        Array.from({ length: rows }, (_, i) => `+1303${String(5_000_000 + i).padStart(7, "0")},Person ${i}`),
      )
      .join("\n");
    const res = await upload(session.accessToken, body);
    expect(((await res.json()) as { import: { imported: number } }).import.imported).toBe(rows);
    expect(
      (
        await ownerQuery<{ n: number }>(app, "select count(*)::int as n from leads where org_id = $1", [
          orgId,
        ])
      )[0]?.n,
    ).toBe(rows);
  });

  it("fails a file with no phone column with a message that names the fix, and stores nothing", async () => {
    const { session, orgId } = await buildOrg(app);
    const res = await upload(session.accessToken, "name,email\nAna,ana@example.com\n");
    const { import: result } = (await res.json()) as { import: { status: string; error: string } };
    expect(result.status).toBe("failed");
    expect(result.error).toMatch(/no phone column/);
    expect(await ownerQuery(app, "select 1 from leads where org_id = $1", [orgId])).toHaveLength(0);
  });

  it("refuses uploads from roles that may not import", async () => {
    const { orgId } = await buildOrg(app);
    const rep = await buildUser(app, orgId, "rep");
    expect((await upload(rep.session.accessToken, DEMO_CSV)).status).toBe(403);
    expect((await upload("bad-token", DEMO_CSV)).status).toBe(401);
  });
});
