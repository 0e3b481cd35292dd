import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAppointment } from "../src/modules/appointments/book-appointment.js";
import { withOrg } from "../src/platform/db/with-org.js";
import { buildAgentCampaign, launchAndAwaitFirstTouch, waitUntil } from "./campaign-helpers.js";
import { startFakeFieldRoutes, type TFakeFieldRoutes } from "./fakes/fake-fieldroutes.js";
import { startFakeSlack, type TFakeSlack } from "./fakes/fake-slack.js";
import { ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const KEY = "fr-key-0123456789";
const TOKEN = "fr-token-0123456789";

const launch = buildAgentCampaign;
const start = launchAndAwaitFirstTouch;

async function nextAiReply(
  api: Awaited<ReturnType<typeof launch>>["api"],
  conversationId: string,
  body: string,
) {
  const before = (await api.conversations.get({ conversationId })).messages.filter(
    (m) => m.author === "ai",
  ).length;
  await api.sandbox.reply({ conversationId, body });
  let reply = "";
  await waitUntil(
    async () => {
      const ai = (await api.conversations.get({ conversationId })).messages.filter((m) => m.author === "ai");
      reply = ai.length > before ? (ai.at(-1)?.body ?? "") : "";
      return reply !== "";
    },
    15_000,
    `the answer to "${body}"`,
  );
  return reply;
}

describe("the agent with the team's CRM (local FieldRoutes) and Slack", () => {
  let app: TTestApp;
  let fieldRoutes: TFakeFieldRoutes;
  let slack: TFakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
    app = await startTestApp({ env: { SANDBOX_DELIVERY_DELAY_MS: "20" } });
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
    await fieldRoutes?.close();
  });

  it("uses the customer's service history and books the CRM's open spot", async () => {
    const { api, campaign, zone, orgId } = await launch(app);
    const thursday = DateTime.now().setZone(zone).plus({ days: 1 }).startOf("day");
    const day = thursday.plus({ days: (4 - thursday.weekday + 7) % 7 }).toISODate() as string;
    fieldRoutes = await startFakeFieldRoutes({
      authenticationKey: KEY,
      authenticationToken: TOKEN,
      customers: [
        { customerID: 7001, officeID: 1, fname: "Lead1", lname: "Test", status: 1, phone1: "2025000001" },
      ],
      appointments: [
        { appointmentID: 900, customerID: 7001, date: "2026-08-14", start: "09:00:00", type: 3, status: 1 },
      ],
      serviceTypes: [{ typeID: 3, description: "Quarterly pest control" }],
      spots: [
        {
          spotID: 501,
          officeID: 1,
          routeID: 40,
          date: day,
          start: "10:00:00",
          end: "11:00:00",
          currentAppointment: null,
          apiCanSchedule: 1,
        },
        {
          spotID: 502,
          officeID: 1,
          routeID: 40,
          date: day,
          start: "13:00:00",
          end: "14:00:00",
          currentAppointment: null,
          apiCanSchedule: 1,
        },
      ],
    });
    await api.integrations.save({
      kind: "fieldroutes",
      settings: { baseUrl: fieldRoutes.url, officeId: "1", timeZone: zone, serviceTypeId: "3" },
      secrets: { authenticationKey: KEY, authenticationToken: TOKEN },
    });
    const conversationId = await start(api, campaign.id);
    // The Cockpit shows the same customer beside the conversation.
    const context = await api.conversations.crmContext({ conversationId });
    expect(context).toMatchObject({ crm: "fieldroutes", error: null, customer: { externalId: "7001" } });
    expect(context.customer?.serviceHistory[0]).toMatchObject({
      date: "2026-08-14",
      service: "Quarterly pest control",
    });

    const welcome = await nextAiReply(api, conversationId, "we're already customers of yours");
    expect(welcome).toContain("Quarterly pest control");

    const booked = await nextAiReply(api, conversationId, "can you do thursday at 10?");
    expect(booked).toContain("booked for Thursday");
    const [appointment] = await ownerQuery<{ provider: string; external_id: string; starts_at: Date }>(
      app,
      "select provider, external_id, starts_at from appointments where org_id = $1",
      [orgId],
    );
    expect(appointment?.provider).toBe("fieldroutes");
    expect(DateTime.fromJSDate(appointment?.starts_at as Date, { zone }).toFormat("yyyy-MM-dd HH:mm")).toBe(
      `${day} 10:00`,
    );
    const created = fieldRoutes.requests.find((r) => r.path === "/api/appointment/create");
    expect(created?.params).toMatchObject({ customerID: "7001", spotID: "501", rejectOccupiedSpots: 1 });
    expect(String(fieldRoutes.state.spots.find((s) => String(s.spotID) === "501")?.currentAppointment)).toBe(
      appointment?.external_id,
    );
  });

  it("never books two overlapping appointments, however many race for the slot", async () => {
    const { api, orgId } = await launch(app);
    const [lead] = (await api.leads.list({})).rows;
    if (!lead) throw new Error("no lead");
    const start = new Date(Date.now() + 3 * 86_400_000);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withOrg(app.services.db.appPool, orgId, (tx) =>
          recordAppointment(tx, {
            orgId,
            leadId: lead.id,
            conversationId: null,
            sourceMessageId: null,
            // Half the racers ask for a slot shifted by 30 minutes: it overlaps too.
            start: new Date(start.getTime() + (i % 2) * 30 * 60_000),
            end: new Date(start.getTime() + (i % 2) * 30 * 60_000 + 3_600_000),
            provider: "internal",
            externalId: null,
            bookedBy: "ai",
            leadTimeZone: "America/New_York",
            leadName: "Lead",
          }),
        ),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    expect(outcomes.filter((o) => !o.ok)).toHaveLength(11);
  });

  it("retries the Slack alert after Slack's Retry-After", async () => {
    const { api, campaign } = await launch(app);
    await api.integrations.save({
      kind: "slack",
      settings: { mode: "webhook" },
      secrets: { webhookUrl: slack.webhookUrl },
    });
    const conversationId = await start(api, campaign.id);
    slack.setBehaviour({ kind: "rate_limited", retryAfter: "1" });
    const before = slack.requests.length;
    await nextAiReply(api, conversationId, "This is the third time I've asked. I'm calling my lawyer.");
    await waitUntil(async () => slack.requests.length > before, 10_000, "the first Slack attempt");
    slack.setBehaviour({ kind: "ok" });
    await waitUntil(
      async () => slack.posts.some((p) => JSON.stringify(p).includes("lawyer")),
      15_000,
      "the retried alert",
    );
    const { conversation } = await api.conversations.get({ conversationId });
    expect(conversation.control).toBe("human");
    const [escalation] = await api.escalations.list({});
    expect(escalation?.conversationId).toBe(conversationId);
    await api.escalations.acknowledge({ escalationId: escalation?.id ?? "" });
    expect((await api.escalations.list({}))[0]?.acknowledgedByName).toBe("Owner");
  });
});
