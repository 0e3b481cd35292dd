import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo, seedLiveConversations } from "../apps/server/src/modules/demo/index.js";
import { waitUntil } from "../apps/server/test/campaign-helpers.js";
import { caller, ownerQuery, startTestApp, type TTestApp } from "../apps/server/test/harness.js";
import { chromiumOrSkip, launchChromium } from "./browser.js";

const chromiumPath = chromiumOrSkip();
const WEB_DIST = fileURLToPath(new URL("../apps/web/dist", import.meta.url));

async function signIn(browser: Browser, baseUrl: string, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Welcome, ").waitFor();
  return page;
}

async function openInCockpit(page: Page, leadName: string) {
  await page.getByRole("link", { name: "Cockpit" }).click();
  const board = page.getByRole("list", { name: "Live conversations" });
  await board.getByRole("button", { name: new RegExp(`^${leadName}`) }).click();
  await page.getByRole("region", { name: `Conversation with ${leadName}` }).waitFor();
}

describe.skipIf(!chromiumPath)("the Cockpit, live in two browsers", () => {
  let app: TTestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp({ env: { WEB_DIST_DIR: WEB_DIST, SANDBOX_DELIVERY_DELAY_MS: "50" } });
    await seedDemo(app.services.db.appPool);
    await seedLiveConversations(app.services.db.appPool, app.services.queue.boss);
    browser = await launchChromium(chromiumPath as string);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("shows the AI's reply and verdict live, and a takeover to another manager", async () => {
    const dana = await caller(app).auth.login({
      email: "manager@demo.plaibook.test",
      password: DEMO_PASSWORD,
    });
    const api = caller(app, { accessToken: dana.accessToken });
    let graceId = "";
    await waitUntil(
      async () => {
        const board = await api.cockpit.board({});
        graceId = board.rows.find((r) => r.leadName === "Grace Bell")?.id ?? "";
        return board.rows.length === 6 && graceId !== "";
      },
      20_000,
      "the demo conversations",
    );

    const manager = await signIn(browser, app.baseUrl, "manager@demo.plaibook.test");
    await openInCockpit(manager, "Grace Bell");
    const other = await signIn(browser, app.baseUrl, "admin@demo.plaibook.test");
    await openInCockpit(other, "Grace Bell");
    // Nothing below may reload either page: this mark would be gone.
    for (const page of [manager, other])
      await page.evaluate(() => Object.assign(window, { stayedLive: true }));

    // The lead texts through the Sandbox: the agent's answer and the Overseer's verdict appear live.
    await api.sandbox.reply({ conversationId: graceId, body: "how much is it?" });
    const thread = manager.getByRole("region", { name: "Conversation with Grace Bell" });
    await thread.getByText("how much is it?").waitFor({ timeout: 15_000 });
    await thread.getByText(/\$129 per visit/).waitFor({ timeout: 15_000 });
    await waitUntil(
      async () => (await thread.getByText(/% adherence/).count()) >= 2,
      15_000,
      "the Overseer's verdicts on the question and the answer",
    );

    // Take over, text as a person, hand back: the other manager sees each step as it happens.
    await manager.getByRole("button", { name: "Take over" }).click();
    await other.getByText("Dana Manager took over").first().waitFor({ timeout: 10_000 });
    await manager
      .getByLabel("Message")
      .fill("Hi Grace, Dana here. It's $129 a visit; want me to book you in?");
    await manager.getByRole("button", { name: "Send" }).click();
    await other.getByText("Hi Grace, Dana here.", { exact: false }).first().waitFor({ timeout: 10_000 });
    await manager.getByRole("button", { name: "Hand back to AI" }).click();
    await other.getByText("Dana Manager handed back to the AI").first().waitFor({ timeout: 10_000 });
    await other.getByRole("button", { name: "Take over" }).waitFor();

    // The other manager works from the keyboard: t takes over, h hands back, ? lists the keys, j moves on.
    await other.getByRole("heading", { name: "Cockpit", level: 1 }).click();
    await other.keyboard.press("t");
    await manager.getByText("Adam Admin took over").first().waitFor({ timeout: 10_000 });
    await other.getByRole("button", { name: "Hand back to AI" }).waitFor();
    await other.keyboard.press("h");
    await manager.getByText("Adam Admin handed back to the AI").first().waitFor({ timeout: 10_000 });
    await other.keyboard.press("?");
    const help = other.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.waitFor();
    await other.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await other.keyboard.press("j");
    await other.getByRole("region", { name: "Conversation with Grace Bell" }).waitFor({ state: "detached" });

    // An angry lead elsewhere: an alert with the lead's name, the unread count goes up, one click opens it.
    await manager.getByRole("link", { name: "Escalations 1 unread" }).waitFor();
    const james = (await api.cockpit.board({})).rows.find((r) => r.leadName === "James Carter");
    await api.sandbox.reply({
      conversationId: james?.id as string,
      body: "This is harassment. Text me again and I'm calling my lawyer.",
    });
    await manager.getByText("Escalation: James Carter").waitFor({ timeout: 15_000 });
    await manager.getByRole("link", { name: "Escalations 2 unread" }).waitFor();
    await manager.getByRole("button", { name: "Open in Cockpit" }).click();
    await manager.getByRole("region", { name: "Conversation with James Carter" }).waitFor();

    for (const page of [manager, other])
      expect(await page.evaluate(() => (window as unknown as { stayedLive?: boolean }).stayedLive)).toBe(
        true,
      );
    const audit = await ownerQuery<{ action: string }>(
      app,
      "select action from audit_log where target_id = $1 and action like 'conversation.%' order by created_at",
      [graceId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      "conversation.take_over",
      "conversation.send",
      "conversation.hand_back",
      "conversation.take_over",
      "conversation.hand_back",
    ]);
    await manager.context().close();
    await other.context().close();
  });
});
