import { BOARD_SORTS, compareBoardRows, type TBoardRow } from "@plaibook/shared";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo, seedLiveConversations } from "../src/modules/demo/index.js";
import { bookableDemoPlaybook, buildCampaign, waitUntil } from "./campaign-helpers.js";
import { buildOrg, buildUser, caller, ownerQuery, startTestApp, type TTestApp } from "./harness.js";

type TApi = ReturnType<typeof caller>;

async function trpcCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return "OK";
}

/** An org with a live three-lead campaign whose first touches went out; returns its conversation ids. */
async function liveCampaign(app: TTestApp) {
  const org = await buildOrg(app, "Cockpit Pest");
  const built = await buildCampaign(app, org.session, { leads: 3, playbook: bookableDemoPlaybook() });
  await built.api.campaigns.transition({ campaignId: built.campaign.id, to: "active" });
  let ids: string[] = [];
  await waitUntil(
    async () => {
      const list = await built.api.conversations.list({ campaignId: built.campaign.id });
      ids = list.filter((c) => c.lastMessagePreview).map((c) => c.id);
      return ids.length === 3;
    },
    20_000,
    "three first touches",
  );
  return { ...built, org, ids };
}

describe("the Cockpit board", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { SANDBOX_DELIVERY_DELAY_MS: "20" } });
  });
  afterAll(async () => {
    await app.close();
  });

  it("lists live conversations with counters, filters by status and follows changes", async () => {
    const { api, ids, campaign } = await liveCampaign(app);
    const [first, second, third] = ids as [string, string, string];

    const board = await api.cockpit.board({});
    expect(board.rows.map((r) => r.id).sort()).toEqual([...ids].sort());
    expect(board.counts).toEqual({ all: 3, escalated: 0, needs_approval: 0, human: 0, ai: 3 });
    expect(board.rows.every((r) => r.boardStatus === "ai" && r.campaignName === campaign.name)).toBe(true);

    await api.conversations.takeOver({ conversationId: first });
    const human = await api.cockpit.board({ status: "human" });
    expect(human.rows.map((r) => r.id)).toEqual([first]);
    expect(human.rows[0]?.controlledByName).toBe("Owner");
    expect(human.counts).toMatchObject({ all: 3, human: 1, ai: 2 });

    // The lead threatens to sue: the AI hands over, the conversation escalates and waits for a person.
    await api.sandbox.reply({ conversationId: second, body: "This is harassment, I'm calling my lawyer" });
    await waitUntil(
      async () => (await api.cockpit.board({ status: "escalated" })).rows.length === 1,
      15_000,
      "the escalation",
    );
    const waiting = await api.cockpit.board({ sort: "waiting" });
    expect(waiting.rows.map((r) => r.boardStatus)).toEqual(["escalated", "human", "ai"]);
    expect(waiting.rows[0]?.id).toBe(second);
    expect(waiting.rows[0]?.escalationReason).toBeTruthy();

    // What changed while a client was away comes back by time; a closed one leaves the board.
    const before = await api.cockpit.board({});
    await api.conversations.close({ conversationId: third });
    const changed = await api.cockpit.changes({ filter: {}, since: before.asOf });
    expect(changed.removedIds).toContain(third);
    expect(changed.counts.all).toBe(2);
    const byId = await api.cockpit.changes({ filter: { includeClosed: true }, ids: [third] });
    expect(byId.rows.map((r) => [r.id, r.status])).toEqual([[third, "closed"]]);
    expect(await trpcCode(api.conversations.close({ conversationId: third }))).toBe("CONFLICT");
    await api.conversations.reopen({ conversationId: third });
    expect((await api.cockpit.board({})).counts.all).toBe(3);
    const leadId = byId.rows[0]?.leadId as string;
    await api.tasks.create({ leadId, conversationId: third, note: "Call back on Friday" });

    const audit = await ownerQuery<{ action: string }>(
      app,
      "select action from audit_log where target_id = $1 order by created_at",
      [third],
    );
    expect(audit.map((a) => a.action)).toEqual(["conversation.close", "conversation.reopen", "task.create"]);
  });

  it("shows a rep only what is assigned to them, and refuses the rest as not found", async () => {
    const { api, ids, orgId } = await liveCampaign(app);
    const [mine, notMine] = ids as [string, string];
    const rep = await buildUser(app, orgId, "rep");
    const repApi: TApi = caller(app, { accessToken: rep.session.accessToken });

    expect((await repApi.cockpit.board({})).rows).toEqual([]);
    expect(await trpcCode(repApi.conversations.get({ conversationId: mine }))).toBe("NOT_FOUND");
    expect(await trpcCode(repApi.conversations.takeOver({ conversationId: mine }))).toBe("NOT_FOUND");
    expect(await trpcCode(repApi.conversations.assign({ conversationId: mine, userId: rep.id }))).toBe(
      "FORBIDDEN",
    );

    await api.conversations.assign({ conversationId: mine, userId: rep.id });
    const repBoard = await repApi.cockpit.board({});
    expect(repBoard.rows.map((r) => [r.id, r.assignedToName])).toEqual([[mine, "Test rep"]]);
    expect(repBoard.counts.all).toBe(1);
    expect((await repApi.cockpit.board({ mine: true })).rows).toHaveLength(1);
    expect((await repApi.conversations.list({})).map((c) => c.id)).toEqual([mine]);
    await repApi.conversations.takeOver({ conversationId: mine });
    await repApi.conversations.send({ conversationId: mine, body: "Hi, Test rep here" });
    expect(await trpcCode(repApi.conversations.send({ conversationId: notMine, body: "hello" }))).toBe(
      "NOT_FOUND",
    );
    const unseen = await repApi.cockpit.changes({ filter: {}, ids: [notMine, mine] });
    expect(unseen.rows.map((r) => r.id)).toEqual([mine]);
    expect(unseen.removedIds).toEqual([notMine]);

    // The same over the public API with the rep's token.
    const res = await fetch(`${app.baseUrl}/api/v1/conversations/${notMine}`, {
      headers: { authorization: `Bearer ${rep.session.accessToken}` },
    });
    expect(res.status).toBe(404);

    // Another organisation's manager with a crafted id sees nothing either (row-level security).
    const other = await buildOrg(app, "Other Org");
    const otherApi = caller(app, { accessToken: other.session.accessToken });
    expect(await trpcCode(otherApi.conversations.get({ conversationId: mine }))).toBe("NOT_FOUND");
    expect((await otherApi.cockpit.changes({ filter: {}, ids: [mine] })).removedIds).toEqual([mine]);
  });

  it("has live demo conversations, answered and judged by the real agent and Overseer", async () => {
    await seedDemo(app.services.db.appPool);
    expect(await seedLiveConversations(app.services.db.appPool, app.services.queue.boss)).toBe(true);
    expect(await seedLiveConversations(app.services.db.appPool, app.services.queue.boss)).toBe(false);
    const manager = await caller(app).auth.login({
      email: "manager@demo.plaibook.test",
      password: DEMO_PASSWORD,
    });
    const api = caller(app, { accessToken: manager.accessToken });
    await waitUntil(
      async () => {
        const board = await api.cockpit.board({});
        return (
          board.rows.length === 6 && board.counts.escalated === 1 && board.rows.every((r) => r.currentStage)
        );
      },
      30_000,
      "the demo conversations to be answered and judged",
    );
    const board = await api.cockpit.board({ sort: "waiting" });
    const byLead = new Map(board.rows.map((r) => [r.leadName, r]));
    expect(byLead.get("Aisha Khan")?.boardStatus).toBe("escalated");
    expect(byLead.get("Tom Nguyen")).toMatchObject({
      boardStatus: "human",
      controlledByName: "Dana Manager",
    });
    expect(byLead.get("Tom Nguyen")?.waitingSince).not.toBeNull();
    expect(byLead.get("Peter Olsen")?.assignedToName).toBe("Riley Rep");
    const maria = byLead.get("Maria Lopez") as TBoardRow;
    const thread = await api.conversations.get({ conversationId: maria.id });
    expect(thread.messages.map((m) => m.author)).toEqual(["system", "lead", "ai"]);
    expect(thread.messages[2]?.body).toContain("$129");
    expect(await api.conversations.crmContext({ conversationId: maria.id })).toEqual({
      crm: null,
      customer: null,
      error: null,
    });
    // The server's SQL order is the order the client keeps when it patches rows in live.
    for (const sort of BOARD_SORTS) {
      const sorted = await api.cockpit.board({ sort });
      expect(sorted.rows.map((r) => `${sort} ${r.id}`)).toEqual(
        [...sorted.rows].sort(compareBoardRows(sort)).map((r) => `${sort} ${r.id}`),
      );
    }
    // The rep sees the one assigned to them.
    const rep = await caller(app).auth.login({ email: "rep@demo.plaibook.test", password: DEMO_PASSWORD });
    const repApi = caller(app, { accessToken: rep.accessToken });
    const repBoard = await repApi.cockpit.board({});
    expect(repBoard.rows.map((r) => r.leadName)).toEqual(["Peter Olsen"]);
    // Escalations follow the same visibility.
    const escalations = await api.escalations.list({});
    expect(escalations.map((e) => e.leadName)).toEqual(["Aisha Khan"]);
    expect(await repApi.escalations.list({})).toEqual([]);
    expect(
      await trpcCode(repApi.escalations.acknowledge({ escalationId: escalations[0]?.id as string })),
    ).toBe("NOT_FOUND");
  });

  it("rejects an assignment to someone who is not an active teammate", async () => {
    const { api, ids } = await liveCampaign(app);
    const stranger = await buildOrg(app, "Stranger Org");
    expect(
      await trpcCode(
        api.conversations.assign({ conversationId: ids[0] as string, userId: stranger.owner.id }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await trpcCode(api.cockpit.changes({ filter: {} } as never))).toBe("BAD_REQUEST");
  });
});
