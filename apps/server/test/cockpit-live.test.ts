import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePortFor } from "../src/cli/bench/free-port.js";
import { buildAgentCampaign, launchAndAwaitFirstTouch } from "./campaign-helpers.js";
import { runCli, type TCliRun, waitFor } from "./cli.js";
import { buildOrg, buildUser, startTestApp, TEST_SECRETS, type TTestApp } from "./harness.js";

function connect(baseUrl: string, token: string): Promise<Socket> {
  const socket = io(baseUrl, {
    transports: ["websocket"],
    auth: { token },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

/** Records every event a socket hears, and waits for one that matches. */
function listen(socket: Socket) {
  const heard: { event: string; payload: Record<string, unknown> }[] = [];
  socket.onAny((event: string, payload: Record<string, unknown>) => heard.push({ event, payload }));
  return {
    heard,
    next: (event: string, match: (payload: Record<string, unknown>) => boolean, timeoutMs = 15_000) =>
      waitFor(async () => heard.some((h) => h.event === event && match(h.payload)), timeoutMs, event),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

describe("the Cockpit across processes: two api processes and a worker", () => {
  let api1: TTestApp;
  const children: TCliRun[] = [];
  let api2Url = "";
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // api 1 runs in this process (and migrates); api 2 and the worker are real separate processes.
    api1 = await startTestApp({
      roles: { api: true, worker: false },
      env: { SANDBOX_DELIVERY_DELAY_MS: "20" },
    });
    const env = {
      DATABASE_URL: api1.dbUrl,
      ...TEST_SECRETS,
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      SANDBOX_DELIVERY_DELAY_MS: "20",
    };
    const port = await freePortFor();
    api2Url = `http://127.0.0.1:${port}`;
    children.push(runCli(["serve", "--role", "api", "--no-migrate"], { ...env, PORT: String(port) }));
    children.push(runCli(["serve", "--role", "worker", "--no-migrate"], env));
    await waitFor(async () => (await fetch(`${api2Url}/healthz`)).ok, 60_000, "api 2 to listen");
  }, 90_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    for (const child of children) {
      child.child.kill("SIGTERM");
      await child.exited;
    }
    await api1?.close();
  });

  it("shows a manager on either api what happens on the other and on the worker", async () => {
    const { api, campaign, orgId, session } = await buildAgentCampaign(api1);
    const conversationId = await launchAndAwaitFirstTouch(api, campaign.id);
    const dana = await buildUser(api1, orgId, "manager");
    const onApi1 = await connect(api1.baseUrl, session.accessToken);
    const onApi2 = await connect(api2Url, dana.session.accessToken);
    sockets.push(onApi1, onApi2);
    const seen1 = listen(onApi1);
    const seen2 = listen(onApi2);
    const about = (p: Record<string, unknown>) => p.conversationId === conversationId;

    // Taken over through api 1: the manager connected to api 2 sees who did it.
    await api.conversations.takeOver({ conversationId });
    await seen2.next(
      "conversation.control",
      (p) => about(p) && p.action === "took_over" && (p.by as { name: string }).name === "Owner",
    );

    // Handed back through api 2's public API: the manager on api 1 sees it.
    const res = await fetch(`${api2Url}/api/v1/conversations/${conversationId}/handback`, {
      method: "POST",
      headers: { authorization: `Bearer ${dana.session.accessToken}` },
    });
    expect(res.status).toBe(200);
    await seen1.next(
      "conversation.control",
      (p) => about(p) && p.action === "handed_back" && (p.by as { name: string }).name === "Test manager",
    );

    // The lead asks; the worker process answers and judges: both managers see the reply and the verdicts.
    await api.sandbox.reply({ conversationId, body: "how much is it?" });
    for (const seen of [seen1, seen2]) {
      await seen.next(
        "message.created",
        (p) => about(p) && (p.message as { author: string; body: string }).author === "ai",
      );
      await seen.next(
        "turn.analyzed",
        (p) => about(p) && (p.analysis as { direction: string }).direction === "outbound",
      );
    }
    const reply = seen2.heard.find(
      (h) => h.event === "message.created" && (h.payload.message as { author: string }).author === "ai",
    );
    expect(reply?.payload.message).toMatchObject({ body: expect.stringContaining("$129 per visit") });
  });

  it("lets a rep hear only their conversations, wherever the change happens", async () => {
    const { api, campaign, orgId } = await buildAgentCampaign(api1);
    const conversationId = await launchAndAwaitFirstTouch(api, campaign.id);
    const rep = await buildUser(api1, orgId, "rep");
    const outsider = await buildOrg(api1, "Outsider");
    const repSocket = await connect(api2Url, rep.session.accessToken);
    const outsiderSocket = await connect(api1.baseUrl, outsider.session.accessToken);
    sockets.push(repSocket, outsiderSocket);
    const repHeard = listen(repSocket);
    const outsiderHeard = listen(outsiderSocket);

    await api.conversations.takeOver({ conversationId });
    await api.conversations.handBack({ conversationId });
    await settle();
    expect(repHeard.heard.filter((h) => h.payload?.conversationId === conversationId)).toEqual([]);

    // Asking to watch a conversation that is not theirs joins nothing.
    const watched = await repSocket.emitWithAck("conversation.watch", [conversationId]);
    expect(watched).toEqual({ rooms: 0 });
    expect(await repSocket.emitWithAck("conversation.watch", ["not-an-id"])).toMatchObject({
      error: expect.stringContaining("conversation ids"),
    });

    // Assigned on api 1, the rep's socket on api 2 joins the conversation's room.
    await api.conversations.assign({ conversationId, userId: rep.id });
    await repHeard.next(
      "conversation.control",
      (p) => p.conversationId === conversationId && p.action === "assigned",
    );
    // Now theirs, the rep may watch it (the web client asks when the board shows it).
    expect(await repSocket.emitWithAck("conversation.watch", [conversationId])).toEqual({ rooms: 1 });
    await api.conversations.takeOver({ conversationId });
    await repHeard.next(
      "conversation.control",
      (p) => p.conversationId === conversationId && p.action === "took_over",
    );

    await settle();
    expect(outsiderHeard.heard.filter((h) => h.payload?.conversationId === conversationId)).toEqual([]);
  });

  it("a client that reconnects gets what changed while it was away", async () => {
    const { api, campaign, session } = await buildAgentCampaign(api1);
    const conversationId = await launchAndAwaitFirstTouch(api, campaign.id);
    const board = await api.cockpit.board({});
    expect(board.rows.map((r) => [r.id, r.boardStatus])).toEqual([[conversationId, "ai"]]);
    // While the client is away, someone takes over through the other api process.
    const res = await fetch(`${api2Url}/api/v1/conversations/${conversationId}/takeover`, {
      method: "POST",
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(res.status).toBe(200);
    const changes = await api.cockpit.changes({ filter: {}, since: board.asOf });
    expect(changes.rows.map((r) => [r.id, r.boardStatus])).toContainEqual([conversationId, "human"]);
  });
});
