import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planDueTouches } from "../src/modules/campaigns/index.js";
import { buildCampaign } from "./campaign-helpers.js";
import { buildOrg, buildUser, caller, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

describe("the organisation's SMS identity", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  it("names the business on first touches and answers HELP with the organisation's text", async () => {
    const { session, orgId } = await buildOrg(app, "Long Legal Name LLC");
    const api = caller(app, { accessToken: session.accessToken });
    expect((await api.orgs.smsSettings()).businessName).toBe("Long Legal Name LLC");
    const settings = {
      businessName: "BugBusters",
      helpText: "BugBusters: call (555) 010-2000 for help. Reply STOP to opt out.",
      optOutConfirmation: "BugBusters: you are unsubscribed. Reply START to come back.",
    };
    expect(await api.orgs.updateSmsSettings(settings)).toEqual(settings);

    const { campaign } = await buildCampaign(app, session, { leads: 1 });
    await api.campaigns.transition({ campaignId: campaign.id, to: "active" });
    await planDueTouches(app.services.app, { orgId, campaignId: campaign.id });
    const [first] = await ownerQuery<{ body: string }>(
      app,
      "select body from messages where campaign_id = $1",
      [campaign.id],
    );
    expect(first?.body).toContain("BugBusters");
    expect(first?.body).not.toContain("Long Legal Name");

    const [conversation] = await api.conversations.list({ campaignId: campaign.id });
    if (!conversation) throw new Error("no conversation");
    await api.sandbox.reply({ conversationId: conversation.id, body: "HELP" });
    const thread = (await api.conversations.get({ conversationId: conversation.id })).messages;
    expect(thread.find((m) => m.kind === "compliance")?.body).toBe(settings.helpText);
  });

  it("refuses a HELP text that does not say how to opt out, and non-admins", async () => {
    const { session, orgId } = await buildOrg(app);
    const api = caller(app, { accessToken: session.accessToken });
    await expect(
      api.orgs.updateSmsSettings({
        businessName: "Acme",
        helpText: "Call us any time for help!",
        optOutConfirmation: "You are unsubscribed.",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("STOP") });
    const manager = await buildUser(app, orgId, "manager");
    await expect(
      caller(app, { accessToken: manager.session.accessToken }).orgs.updateSmsSettings({
        businessName: "Acme",
        helpText: "Acme: reply STOP to opt out.",
        optOutConfirmation: "You are unsubscribed.",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
