import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import type pg from "pg";
import { Server } from "socket.io";
import type { TActor } from "../auth/actor.js";
import { loadActor } from "../auth/load-actor.js";
import type { TTokenService } from "../auth/tokens.js";
import { withOrg } from "../db/with-org.js";
import type { Logger } from "../logger.js";

/** Everyone signed in to the organisation: events about the organisation as a whole. */
export const orgRoom = (orgId: string) => `org:${orgId}`;
/** People who may see every conversation of the organisation. */
export const orgConversationsRoom = (orgId: string) => `org:${orgId}:conversations`;
/** People with limited visibility join the rooms of the conversations they may see. */
export const conversationRoom = (conversationId: string) => `conversation:${conversationId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** Where an event about one conversation goes: those who see all, and those who may see this one. */
export const conversationRooms = (orgId: string, conversationId: string) => [
  orgConversationsRoom(orgId),
  conversationRoom(conversationId),
];

export type TRooms = string | string[];

export type TRealtime = {
  /** Serves clients on the api role's HTTP server; a worker never attaches and only emits. */
  attach: (httpServer: HttpServer) => void;
  /** Emits to rooms on every api process (through the Postgres adapter); a socket in several gets it once. */
  publish: (rooms: TRooms, event: string, payload: unknown) => void;
  /** Adds a user's sockets, on every api process, to a room (e.g. a conversation just assigned to them). */
  joinUser: (userId: string, room: string) => void;
  close: () => Promise<void>;
};

/** What a signed-in person may listen to; the domain decides, the transport asks. */
export type TRoomPolicy = {
  /** Rooms joined at connection, besides the organisation's and the user's own. */
  roomsFor: (actor: TActor) => Promise<string[]>;
  /** Of the conversations a client asks to watch, the rooms it may join. */
  watchable: (actor: TActor, conversationIds: string[]) => Promise<string[]>;
};

const MAX_WATCH = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Socket.IO through the Postgres adapter, so an event emitted by any process reaches clients of
 * every api process. A client must present a valid access token at handshake and joins only its
 * own organisation's rooms, as its role allows.
 */
export function startRealtime(options: {
  ownerPool: pg.Pool;
  appPool: pg.Pool;
  tokens: TTokenService;
  corsOrigins: string[];
  log: Logger;
  policy: TRoomPolicy;
}): TRealtime {
  const { ownerPool, appPool, tokens, log, policy } = options;
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
          const rooms = await policy.roomsFor(actor);
          await socket.join([orgRoom(actor.orgId), userRoom(actor.userId), ...rooms]);
          next();
        })
        .catch((error: unknown) => {
          log.error({ err: error }, "socket handshake failed");
          fail();
        });
    });
    io.on("connection", (socket) => {
      // A client watching a conversation it learnt about after connecting (a new one on its board).
      socket.on("conversation.watch", (ids: unknown, ack?: unknown) => {
        const reply = typeof ack === "function" ? (ack as (result: unknown) => void) : () => undefined;
        const wanted = Array.isArray(ids) ? ids.filter((id) => typeof id === "string" && UUID.test(id)) : [];
        if (wanted.length === 0 || wanted.length > MAX_WATCH)
          return reply({ error: `send 1 to ${MAX_WATCH} conversation ids` });
        policy
          .watchable(socket.data.actor as TActor, wanted)
          .then(async (rooms) => {
            await socket.join(rooms);
            reply({ rooms: rooms.length });
          })
          .catch((error: unknown) => {
            log.error({ err: error }, "conversation.watch failed");
            reply({ error: "could not watch" });
          });
      });
    });
  };
  return {
    attach,
    publish: (rooms, event, payload) => {
      io.to(rooms).emit(event, payload);
    },
    joinUser: (userId, room) => {
      io.in(userRoom(userId)).socketsJoin(room);
    },
    // Not io.close(): that would also close the HTTP server, which Fastify drains and closes itself.
    close: async () => {
      io.disconnectSockets(true);
      (io.engine as { close?: () => void } | undefined)?.close?.();
      await io.of("/").adapter.close();
    },
  };
}
