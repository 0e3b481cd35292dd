import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../apps/server/src/modules/demo/index.js";
import { ownerQuery, startTestApp, type TTestApp } from "../apps/server/test/harness.js";
import { chromiumOrSkip, launchChromium } from "./browser.js";

const chromiumPath = chromiumOrSkip();
const WEB_DIST = fileURLToPath(new URL("../apps/web/dist", import.meta.url));

describe.skipIf(!chromiumPath)("web app in a real browser", () => {
  let app: TTestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ env: { WEB_DIST_DIR: WEB_DIST } });
    await seedDemo(app.services.db.appPool);
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("an admin logs in, opens Settings → Team and invites a user", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const consoleErrors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") consoleErrors.push(message.text());
    });
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(/\/login/);
    await page.getByLabel("Email").fill("admin@demo.plaibook.test");
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Welcome, Adam").waitFor();

    await page.getByRole("link", { name: "Team" }).click();
    await page.waitForURL(/\/settings\/team/);
    await page.getByRole("cell", { name: "manager@demo.plaibook.test" }).waitFor();

    await page.getByRole("button", { name: "Invite user" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill("new.hire@example.test");
    await dialog.getByLabel("Name").fill("New Hire");
    await dialog.getByLabel("Role").selectOption("rep");
    await dialog.getByRole("button", { name: "Send invite" }).click();
    await page.getByText("Invite link").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("cell", { name: "new.hire@example.test" }).waitFor();

    const [stored] = await ownerQuery<{ role: string; status: string }>(
      app,
      "select role, status from users where email = 'new.hire@example.test'",
    );
    expect(stored).toEqual({ role: "rep", status: "invited" });

    // The session survives a reload through the refresh cookie.
    await page.reload();
    await page.getByRole("cell", { name: "new.hire@example.test" }).waitFor();
    expect(page.url()).toMatch(/\/settings\/team/);
    expect(consoleErrors.filter((e) => !e.includes("401"))).toEqual([]);
    await page.close();
  });
});
