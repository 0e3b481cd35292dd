import { createServer } from "node:http";
import { Server } from "socket.io";
import { startClients } from "./cockpit-clients.js";
import { freePortFor } from "./free-port.js";
import type { TCleanups } from "./inbound-setup.js";

/**
 * The reference of `plaibook bench cockpit`: one Socket.IO server in this process (the default
 * in-memory adapter: no Postgres, no second process), the same number of clients in the same room
 * layout (`org:{n}:conversations`, `perOrg` sockets each), emitting the same `message.created` payload
 * round-robin over the organisations as fast as the clients take it. Deliveries in flight are capped
 * (flow control from the clients' counts), so it measures delivery, not buffering.
 *
 * Returns deliveries per second.
 */
export async function measureEmitReference(options: {
  sockets: number;
  orgs: number;
  payload: unknown;
  ms: number;
}): Promise<{ deliveriesPerS: number; connected: number }> {
  const cleanups: TCleanups = [];
  try {
    const http = createServer();
    const port = await freePortFor();
    const io = new Server(http, { serveClient: false });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          io.disconnectSockets(true);
          void io.close(() => resolve());
        }),
    );
    io.use((socket, next) => {
      const org = Number(String(socket.handshake.auth?.token ?? "").replace("ref:", ""));
      if (!Number.isInteger(org)) return next(new Error("unauthorized"));
      void socket.join([`org:${org}`, `org:${org}:conversations`]);
      next();
    });
    await new Promise<void>((resolve) => http.listen(port, "127.0.0.1", resolve));

    const clients = startClients(cleanups);
    cleanups.push(clients.close);
    const { connected, error } = await clients.connect(
      Array.from({ length: options.sockets }, (_, i) => {
        const org = Math.floor(i / 2) % options.orgs;
        return { url: `http://127.0.0.1:${port}`, token: `ref:${org}`, org };
      }),
    );
    if (connected === 0) throw new Error(`reference: no client connected (${error})`);
    const perOrg = new Array<number>(options.orgs).fill(0);
    for (let i = 0; i < connected; i += 1) {
      const org = Math.floor(i / 2) % options.orgs;
      perOrg[org] = (perOrg[org] ?? 0) + 1;
    }

    // Warm-up: a second of emitting, unmeasured.
    await emitFor(io, options, perOrg, clients, 1000);
    const result = await emitFor(io, options, perOrg, clients, options.ms);
    return { deliveriesPerS: result.delivered / (result.ms / 1000), connected };
  } finally {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  }
}

async function emitFor(
  io: Server,
  options: { orgs: number; payload: unknown },
  perOrg: number[],
  clients: ReturnType<typeof startClients>,
  ms: number,
): Promise<{ delivered: number; ms: number }> {
  const window = 8000;
  const base = (await clients.nextCount()).messageCreated;
  const started = performance.now();
  let expected = 0;
  let org = 0;
  while (performance.now() - started < ms) {
    const received = clients.counts().messageCreated - base;
    while (expected - received < window) {
      io.to(`org:${org}:conversations`).emit("message.created", options.payload);
      expected += perOrg[org] ?? 0;
      org = (org + 1) % options.orgs;
    }
    await clients.nextCount();
  }
  // Let what is in flight arrive, then count.
  for (let i = 0; i < 250 && clients.counts().messageCreated - base < expected; i += 1)
    await clients.nextCount();
  const elapsed = performance.now() - started;
  return { delivered: clients.counts().messageCreated - base, ms: elapsed };
}
