import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orgRoom } from "../src/platform/realtime/socket.js";
import { buildOrg, startTestApp, type TTestApp } from "./harness.js";

function connect(baseUrl: string, token?: string): Socket {
  return io(baseUrl, {
    transports: ["websocket"],
    auth: token ? { token } : {},
    reconnection: false,
    forceNew: true,
  });
}

function connected(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
}

describe("real-time events across processes", () => {
  let api: TTestApp;
  let worker: TTestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    api = await startTestApp({ roles: { api: true, worker: false } });
    // A second process on the same database, as `plaibook serve --role worker` would be.
    worker = await startTestApp({ roles: { api: false, worker: true }, dbUrl: api.dbUrl });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await worker.stop();
    await api.close();
  });

  it("refuses a handshake without a valid access token", async () => {
    const anon = connect(api.baseUrl);
    sockets.push(anon);
    await expect(connected(anon)).rejects.toThrow("unauthorized");
    const forged = connect(api.baseUrl, "not-a-token");
    sockets.push(forged);
    await expect(connected(forged)).rejects.toThrow("unauthorized");
  });

  it("delivers an event emitted by another process to its organisation's room only", async () => {
    const orgA = await buildOrg(api, "Socket A");
    const orgB = await buildOrg(api, "Socket B");
    const a = connect(api.baseUrl, orgA.session.accessToken);
    const b = connect(api.baseUrl, orgB.session.accessToken);
    sockets.push(a, b);
    await Promise.all([connected(a), connected(b)]);

    const seenByB: unknown[] = [];
    b.on("test.event", (payload) => seenByB.push(payload));
    const received = new Promise((resolve) => a.once("test.event", resolve));
    worker.services.realtime.publish(orgRoom(orgA.orgId), "test.event", { hello: "A" });
    await expect(received).resolves.toEqual({ hello: "A" });
    // Give a stray cross-tenant delivery time to show up.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seenByB).toEqual([]);
  });
});
