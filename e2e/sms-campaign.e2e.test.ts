import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../apps/server/src/modules/demo/index.js";
import { buildCampaign, waitUntil } from "../apps/server/test/campaign-helpers.js";
import { caller, ownerQuery, startTestApp, type TTestApp } from "../apps/server/test/harness.js";
import { chromiumOrSkip, launchChromium } from "./browser.js";

const chromiumPath = chromiumOrSkip();
const WEB_DIST = fileURLToPath(new URL("../apps/web/dist", import.meta.url));

describe.skipIf(!chromiumPath)("an SMS campaign seen from the phone simulator", () => {
  let app: TTestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ env: { WEB_DIST_DIR: WEB_DIST, SANDBOX_DELIVERY_DELAY_MS: "50" } });
    await seedDemo(app.services.db.appPool);
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the first touch, a question landing live, and STOP answered once", async () => {
    const session = await caller(app).auth.login({
      email: "manager@demo.plaibook.test",
      password: DEMO_PASSWORD,
    });
    const { api, campaign } = await buildCampaign(app, session, { leads: 1 });
    await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    await waitUntil(
      async () =>
        (
          await ownerQuery(app, "select 1 from messages where campaign_id = $1 and status = 'delivered'", [
            campaign.id,
          ])
        ).length === 1,
      20_000,
      "the first touch to be delivered",
    );

    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${app.baseUrl}/login`);
    await page.getByLabel("Email").fill("manager@demo.plaibook.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Welcome, ").waitFor();
    await page.getByRole("link", { name: "Phone simulator" }).click();
    await page
      .getByRole("list", { name: "Conversations" })
      .getByRole("button", { name: /Lead1 Test/ })
      .click();
    await page.getByText("Reply STOP to opt out.").first().waitFor();

    await page.getByRole("button", { name: "What does it cost?" }).click();
    await page.getByText("What does it cost?", { exact: true }).last().waitFor();
    // The AI agent answers from the playbook's FAQ, live.
    await page
      .getByText(/\$129 per visit/)
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByRole("button", { name: "STOP", exact: true }).click();
    await page
      .getByText(/you are unsubscribed/)
      .first()
      .waitFor({ timeout: 15_000 });

    const [lead] = await ownerQuery<{ phone: string }>(
      app,
      "select l.phone from campaign_leads cl join leads l on l.id = cl.lead_id where cl.campaign_id = $1",
      [campaign.id],
    );
    expect(await ownerQuery(app, "select 1 from opt_outs where phone = $1", [lead?.phone])).toHaveLength(1);
    const kinds = await ownerQuery<{ kind: string; direction: string }>(
      app,
      "select kind, direction from messages where campaign_id = $1 order by created_at",
      [campaign.id],
    );
    expect(kinds).toEqual([
      { kind: "first_touch", direction: "outbound" },
      { kind: "reply", direction: "inbound" },
      { kind: "reply", direction: "outbound" },
      { kind: "reply", direction: "inbound" },
      { kind: "compliance", direction: "outbound" },
    ]);
    await page.close();
  });
});
