import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import type pg from "pg";
import { Server } from "socket.io";
import { loadActor } from "../auth/load-actor.js";
import type { TTokenService } from "../auth/tokens.js";
import { withOrg } from "../db/with-org.js";
import type { Logger } from "../logger.js";

export const orgRoom = (orgId: string) => `org:${orgId}`;
export const userRoom = (userId: string) => `user:${userId}`;

export type TRealtime = {
  /** Serves clients on the api role's HTTP server; a worker never attaches and only emits. */
  attach: (httpServer: HttpServer) => void;
  /** Emits to a room on every api process (through the Postgres adapter). */
  publish: (room: string, event: string, payload: unknown) => void;
  close: () => Promise<void>;
};

/**
 * Socket.IO through the Postgres adapter, so an event emitted by any process reaches clients of
 * every api process. A client must present a valid access token at handshake and joins only its
 * own organisation's rooms.
 */
export function startRealtime(options: {
  ownerPool: pg.Pool;
  appPool: pg.Pool;
  tokens: TTokenService;
  corsOrigins: string[];
  log: Logger;
}): TRealtime {
  const { ownerPool, appPool, tokens, log } = options;
  const io = new Server({
    adapter: createAdapter(ownerPool, {
      errorHandler: (error) => log.warn({ err: error }, "socket.io adapter error"),
    }),
    cors: options.corsOrigins.length > 0 ? { origin: options.corsOrigins, credentials: true } : undefined,
    serveClient: false,
  });
  const attach = (httpServer: HttpServer) => {
    io.attach(httpServer);
    io.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      const fail = () => next(new Error("unauthorized"));
      if (typeof token !== "string") return fail();
      tokens
        .verifyAccess(token)
        .then(async (claims) => {
          if (!claims) return fail();
          const actor = await withOrg(appPool, claims.orgId, (tx) => loadActor(tx, claims.userId));
          if (!actor) return fail();
          socket.data.actor = actor;
          await socket.join([orgRoom(actor.orgId), userRoom(actor.userId)]);
          next();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, "socket handshake failed");
          fail();
        });
    });
  };
  return {
    attach,
    publish: (room, event, payload) => {
      io.to(room).emit(event, payload);
    },
    // Not io.close(): that would also close the HTTP server, which Fastify drains and closes itself.
    close: async () => {
      io.disconnectSockets(true);
      (io.engine as { close?: () => void } | undefined)?.close?.();
      await io.of("/").adapter.close();
    },
  };
}
