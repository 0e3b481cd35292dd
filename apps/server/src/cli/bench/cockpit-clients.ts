import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TCleanups } from "./inbound-setup.js";

/**
 * The listening side of `plaibook bench cockpit`: Socket.IO clients (the cockpit a manager keeps open)
 * in a child process of their own, so their parsing neither shares an event loop with the load nor
 * hides in the servers' CPU figures. Each `message.created` is stamped on arrival with
 * `performance.timeOrigin + performance.now()` — the wall clock the sender stamps with too.
 *
 * The child runs this very module (with tsx's loader) and talks over the IPC channel.
 */

export type TClientTarget = { url: string; token: string; org: number };

/** Parent → child. */
type TCommand = { cmd: "connect"; targets: TClientTarget[] } | { cmd: "collect" } | { cmd: "close" };

export type TReceipts = {
  /** One entry per `message.created` that carried a bench token: token, socket index, arrival (epoch ms). */
  tokens: string[];
  sockets: number[];
  times: number[];
};

/** Child → parent. */
type TEvent =
  | { type: "connected"; connected: number; failed: number; error: string | null }
  | { type: "count"; messageCreated: number; conversationUpdated: number; other: number; disconnects: number }
  | ({ type: "receipts"; sample: unknown } & TReceipts)
  | { type: "closed" };

export type TCounts = Omit<Extract<TEvent, { type: "count" }>, "type">;

/** A token in a message body: `[ck…]`. */
export const TOKEN_PATTERN = /\[(ck[0-9a-z]+)\]/;

export type TClients = {
  connect: (targets: TClientTarget[]) => Promise<{ connected: number; failed: number; error: string | null }>;
  /** The latest counts (the child reports every 20 ms). */
  counts: () => TCounts;
  /** Resolves at the next count report (or after a second without one). */
  nextCount: () => Promise<TCounts>;
  collect: () => Promise<TReceipts & { sample: unknown }>;
  close: () => Promise<void>;
  pid: number;
};

export function startClients(cleanups: TCleanups): TClients {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ["--cockpit-clients"], {
    execArgv: ["--import", import.meta.resolve("tsx/esm")],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  let closed = false;
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGKILL");
    await gone;
  };
  cleanups.push(kill);
  process.on("exit", () => {
    if (child.exitCode === null) child.kill("SIGKILL");
  });
  let latest: TCounts = { messageCreated: 0, conversationUpdated: 0, other: 0, disconnects: 0 };
  let waiters: ((c: TCounts) => void)[] = [];
  const once = <T extends TEvent["type"]>(type: T) =>
    new Promise<Extract<TEvent, { type: T }>>((resolve, reject) => {
      const onMessage = (message: TEvent) => {
        if (message.type !== type) return;
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(message as Extract<TEvent, { type: T }>);
      };
      const onExit = (code: number | null) => {
        child.off("message", onMessage);
        if (!closed)
          reject(new Error(`the socket clients' process exited (${code}) while waiting for ${type}`));
      };
      child.on("message", onMessage);
      child.once("exit", onExit);
    });
  child.on("message", (message: TEvent) => {
    if (message.type !== "count") return;
    const { type: _type, ...counts } = message;
    latest = counts;
    const ready = waiters;
    waiters = [];
    for (const resolve of ready) resolve(counts);
  });
  const send = (command: TCommand) => child.send(command);
  return {
    pid: child.pid ?? 0,
    connect: async (targets) => {
      const answer = once("connected");
      send({ cmd: "connect", targets });
      const { type: _type, ...result } = await answer;
      return result;
    },
    counts: () => latest,
    // At most a second: a child that stopped reporting must not hang the caller's loop.
    nextCount: () =>
      new Promise((resolve) => {
        const timer = setTimeout(() => resolve(latest), 1000);
        waiters.push((counts) => {
          clearTimeout(timer);
          resolve(counts);
        });
      }),
    collect: async () => {
      const answer = once("receipts");
      send({ cmd: "collect" });
      const { type: _type, ...receipts } = await answer;
      return receipts;
    },
    close: async () => {
      if (closed || child.exitCode !== null) return;
      const answer = once("closed");
      send({ cmd: "close" });
      await Promise.race([answer, new Promise((resolve) => setTimeout(resolve, 5000))]);
      closed = true;
      await kill();
    },
  };
}

/** The child: connects the sockets it is given and records every `message.created`. */
async function clientsMain(): Promise<void> {
  const { io } = await import("socket.io-client");
  type TSocket = ReturnType<typeof io>;
  const sockets: TSocket[] = [];
  const receipts: TReceipts = { tokens: [], sockets: [], times: [] };
  const counts: TCounts = { messageCreated: 0, conversationUpdated: 0, other: 0, disconnects: 0 };
  let sample: unknown = null;
  const report = (event: TEvent) => process.send?.(event);
  setInterval(() => report({ type: "count", ...counts }), 20).unref();

  const connect = async (targets: TClientTarget[]) => {
    let failed = 0;
    let error: string | null = null;
    // A few at a time: every handshake verifies a token and reads the user in the server.
    const queue = targets.map((target, index) => ({ target, index }));
    const connectOne = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const { target, index } = next;
        const socket = io(target.url, {
          auth: { token: target.token },
          transports: ["websocket"],
          forceNew: true,
          reconnectionDelay: 200,
        });
        sockets[index] = socket;
        socket.on("message.created", (payload: { message?: { body?: string } }) => {
          const at = performance.timeOrigin + performance.now();
          counts.messageCreated += 1;
          sample ??= payload;
          const token = TOKEN_PATTERN.exec(payload?.message?.body ?? "")?.[1];
          if (!token) return;
          receipts.tokens.push(token);
          receipts.sockets.push(index);
          receipts.times.push(at);
        });
        socket.on("conversation.updated", () => {
          counts.conversationUpdated += 1;
        });
        socket.onAny((event: string) => {
          if (event !== "message.created" && event !== "conversation.updated") counts.other += 1;
        });
        socket.on("disconnect", () => {
          counts.disconnects += 1;
        });
        await new Promise<void>((resolve) => {
          socket.once("connect", () => resolve());
          socket.once("connect_error", (e: Error) => {
            failed += 1;
            error = e.message;
            socket.disconnect();
            resolve();
          });
        });
      }
    };
    await Promise.all(Array.from({ length: 8 }, connectOne));
    report({ type: "connected", connected: targets.length - failed, failed, error });
  };

  process.on("message", (command: TCommand) => {
    if (command.cmd === "connect") void connect(command.targets);
    else if (command.cmd === "collect") report({ type: "receipts", sample, ...receipts });
    else if (command.cmd === "close") {
      for (const socket of sockets) socket?.disconnect();
      report({ type: "closed" });
    }
  });
  // The parent gone (killed, crashed): so are we.
  process.on("disconnect", () => process.exit(0));
}

if (process.argv.includes("--cockpit-clients") && process.send) void clientsMain();
