import { DateTime } from "luxon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrg } from "../src/platform/db/with-org.js";
import {
  buildAgentCampaign,
  type buildCampaign,
  launchAndAwaitFirstTouch,
  waitUntil,
} from "./campaign-helpers.js";
import { startFakeSlack, type TFakeSlack } from "./fakes/fake-slack.js";
import { ownerQuery, startTestApp, type TTestApp } from "./harness.js";

type TApi = Awaited<ReturnType<typeof buildCampaign>>["api"];

/** Texts as the lead and waits for the AI's answer (or for the Overseer to judge, when no answer is due). */
async function leadSays(api: TApi, conversationId: string, body: string, expectReply = true) {
  const before = (await api.conversations.get({ conversationId })).messages.filter(
    (m) => m.author === "ai",
  ).length;
  await api.sandbox.reply({ conversationId, body });
  if (!expectReply) {
    await waitUntil(
      async () => {
        const { messages, analyses } = await api.conversations.get({ conversationId });
        const last = messages.filter((m) => m.direction === "inbound").at(-1);
        return analyses.some((a) => a.messageId === last?.id);
      },
      15_000,
      `the Overseer's verdict on "${body}"`,
    );
    return null;
  }
  let reply: string | null = null;
  await waitUntil(
    async () => {
      const ai = (await api.conversations.get({ conversationId })).messages.filter((m) => m.author === "ai");
      reply = ai.length > before ? (ai.at(-1)?.body ?? null) : null;
      return reply !== null;
    },
    15_000,
    `the agent's answer to "${body}"`,
  );
  return reply as unknown as string;
}

async function launch(app: TTestApp, options: { approvalMode?: boolean } = {}) {
  const built = await buildAgentCampaign(app, options);
  return { ...built, conversationId: await launchAndAwaitFirstTouch(built.api, built.campaign.id) };
}

describe("the AI agent in a Sandbox campaign", () => {
  let app: TTestApp;
  let slack: TFakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
    app = await startTestApp({ env: { SANDBOX_DELIVERY_DELAY_MS: "20" } });
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
  });

  it("answers from the playbook, meets objections, books a real slot, and hands over to a person", async () => {
    const { api, conversationId, zone, orgId } = await launch(app);
    await api.integrations.save({
      kind: "slack",
      settings: { mode: "webhook" },
      secrets: { webhookUrl: slack.webhookUrl },
    });

    const price = await leadSays(api, conversationId, "how much is it?");
    expect(price).toContain("$129 per visit");

    const objection = await leadSays(api, conversationId, "too expensive");
    expect(objection).toContain("free re-treatments between visits, so if pests come back");

    const booking = await leadSays(api, conversationId, "can you do thursday at 10?");
    const [appointment] = await ownerQuery<{ starts_at: Date; ends_at: Date; task_id: string | null }>(
      app,
      "select starts_at, ends_at, task_id from appointments where org_id = $1",
      [orgId],
    );
    if (!appointment) throw new Error("no appointment was booked");
    const local = DateTime.fromJSDate(appointment.starts_at, { zone });
    expect(local.weekday).toBe(4);
    expect(local.toFormat("HH:mm")).toBe("10:00");
    expect(appointment.ends_at.getTime() - appointment.starts_at.getTime()).toBe(60 * 60_000);
    expect(booking).toContain("booked for Thursday");
    const tasks = await api.tasks.list({});
    expect(
      tasks.some(
        (t) => t.note.startsWith("Appointment with") && t.dueAt === appointment.starts_at.toISOString(),
      ),
    ).toBe(true);

    const handover = await leadSays(api, conversationId, "I want to talk to a real person");
    expect(handover).toMatch(/team|teammate/i);
    const { conversation } = await api.conversations.get({ conversationId });
    expect(conversation.control).toBe("human");
    expect(conversation.escalationReason).toMatch(/person/i);
    await waitUntil(async () => slack.posts.length > 0, 10_000, "the Slack alert");
    expect(JSON.stringify(slack.posts[0])).toContain("real person");

    // The AI stays quiet while a person has the conversation.
    await leadSays(api, conversationId, "hello? anyone there?", false);
    const aiMessages = (await api.conversations.get({ conversationId })).messages.filter(
      (m) => m.author === "ai",
    );
    expect(aiMessages).toHaveLength(4);

    // Every message was judged, in order; the rollup is the log's.
    const { analyses } = await api.conversations.get({ conversationId });
    await waitUntil(
      async () => (await api.conversations.get({ conversationId })).analyses.length >= 10,
      15_000,
      "verdicts on every turn",
    );
    const replay = await api.conversations.replay({ conversationId, turn: 2 });
    expect(replay.messages).toHaveLength(3);
    expect(replay.analyses.every((a) => a.turnIndex <= 2)).toBe(true);
    expect(replay.state.turns).toBe(replay.analyses.length);
    expect(analyses.length).toBeGreaterThan(0);
    const usage = await ownerQuery<{ n: number }>(
      app,
      "select count(*)::int as n from usage_ledger where org_id = $1 and kind = 'llm_tokens' and model = 'offline-v1'",
      [orgId],
    );
    expect(usage[0]?.n).toBeGreaterThanOrEqual(8);
  });

  it("keeps AI replies as drafts in approval mode until a person approves or edits them", async () => {
    const { api, conversationId } = await launch(app, { approvalMode: true });
    await api.sandbox.reply({ conversationId, body: "Is it safe for pets?" });
    let draftId = "";
    await waitUntil(
      async () => {
        const draft = (await api.conversations.get({ conversationId })).messages.find(
          (m) => m.status === "draft",
        );
        draftId = draft?.id ?? "";
        return !!draft;
      },
      15_000,
      "the AI's draft",
    );
    const edited = await api.conversations.approveDraft({
      messageId: draftId,
      body: "Yes, our products are pet-safe.",
    });
    expect(edited.message?.status).toBe("queued");
    await waitUntil(
      async () =>
        (await api.conversations.get({ conversationId })).messages.some(
          (m) => m.id === draftId && m.status === "delivered" && m.body === "Yes, our products are pet-safe.",
        ),
      10_000,
      "the approved reply delivered",
    );
    await expect(api.conversations.approveDraft({ messageId: draftId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("stops while a person has taken over and answers again when handed back", async () => {
    const { api, conversationId } = await launch(app);
    await api.conversations.takeOver({ conversationId });
    await leadSays(api, conversationId, "How long does a visit take?", false);
    expect(
      (await api.conversations.get({ conversationId })).messages.filter((m) => m.author === "ai"),
    ).toHaveLength(0);
    await api.conversations.handBack({ conversationId });
    // Handing back answers the lead's message still waiting.
    await waitUntil(
      async () =>
        (await api.conversations.get({ conversationId })).messages.some(
          (m) => m.author === "ai" && m.body.includes("45 minutes"),
        ),
      15_000,
      "the AI answering after hand-back",
    );
    // A person who texts takes the conversation; the AI does not talk over them.
    const sent = await api.conversations.send({ conversationId, body: "Hi, this is Dana from the office." });
    expect(sent.message?.author).toBe("human");
    expect(sent.message?.authorName).toBe("Owner");
    const { conversation } = await api.conversations.get({ conversationId });
    expect(conversation.control).toBe("human");
    expect(conversation.controlledByName).toBe("Owner");
  });

  it("opts out a lead who asks in words, answers once, and never lets the AI reply to it", async () => {
    const { api, conversationId } = await launch(app);
    await leadSays(api, conversationId, "I'll stop by your office on friday, what's the address?");
    expect((await api.optOuts.list({})).rows).toHaveLength(0);
    await api.sandbox.reply({
      conversationId,
      body: "I said STOP three times already. Why am I still getting these??",
    });
    await waitUntil(
      async () =>
        (await api.conversations.get({ conversationId })).messages.some(
          (m) => m.kind === "compliance" && m.status === "delivered",
        ),
      15_000,
      "the opt-out confirmation",
    );
    const { conversation, messages } = await api.conversations.get({ conversationId });
    expect(conversation.status).toBe("opted_out");
    expect((await api.optOuts.list({})).rows.map((o) => o.phone)).toEqual([conversation.leadPhone]);
    expect(messages.filter((m) => m.author === "ai")).toHaveLength(1);
  });

  it("takes over, texts and hands back through the public REST API, with the verdicts readable there", async () => {
    const { api, conversationId, session } = await launch(app);
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${app.baseUrl}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${session.accessToken}`,
          ...(body ? { "content-type": "application/json" } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
    expect((await call("POST", `/conversations/${conversationId}/takeover`)).json).toMatchObject({
      action: "took_over",
      by: { name: "Owner" },
    });
    const sent = await call("POST", `/conversations/${conversationId}/messages`, { body: "Hi, Dana here." });
    expect(sent.json).toMatchObject({ action: "sent", message: { author: "human", body: "Hi, Dana here." } });
    expect((await call("POST", `/conversations/${conversationId}/messages`, { body: "" })).status).toBe(400);
    expect((await call("POST", `/conversations/${conversationId}/handback`)).json).toMatchObject({
      action: "handed_back",
    });
    expect((await api.conversations.get({ conversationId })).conversation.control).toBe("ai");
    await leadSays(api, conversationId, "how much is it?");
    await waitUntil(
      async () =>
        ((await call("GET", `/conversations/${conversationId}/analyses`)).json as unknown as unknown[])
          .length >= 3,
      15_000,
      "verdicts over REST",
    );
    const replay = await call("GET", `/conversations/${conversationId}/replay?turn=0`);
    expect(replay.json).toMatchObject({ turn: 0 });
  });

  it("never lets the app change the Overseer's log", async () => {
    const { api, conversationId, orgId } = await launch(app);
    await leadSays(api, conversationId, "how much is it?");
    await waitUntil(
      async () => (await api.conversations.get({ conversationId })).analyses.length >= 2,
      15_000,
      "verdicts",
    );
    const as = (sql: string) => withOrg(app.services.db.appPool, orgId, (tx) => tx.client.query(sql));
    await expect(as("update turn_analyses set adherence = 0")).rejects.toThrow(/permission denied/);
    await expect(as("delete from turn_analyses")).rejects.toThrow(/permission denied/);
  });
});
