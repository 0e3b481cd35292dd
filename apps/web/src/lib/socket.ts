import { useEffect } from "react";
import { io, type Socket } from "socket.io-client";
import { getAccessToken, useSessionStore } from "./session-store";

/** Server events (see the server's realtime docs); payloads are typed where they are used. */
export type TOrgEvent =
  | "import.progress"
  | "message.created"
  | "message.status"
  | "conversation.updated"
  | "conversation.control"
  | "campaign.updated"
  | "agent.replying"
  | "turn.analyzed"
  | "escalation.raised"
  | "escalation.acknowledged"
  | "call.progress";

let socket: Socket | null = null;

/** One socket per tab, authenticated with the current access token; reconnects with a fresh one. */
export function getSocket(): Socket {
  if (!socket) {
    socket = io({
      transports: ["websocket", "polling"],
      auth: (callback) => callback({ token: getAccessToken() }),
    });
    useSessionStore.subscribe((next, prev) => {
      if (!next.session) socket?.disconnect();
      else if (next.session.accessToken !== prev.session?.accessToken && !socket?.connected)
        socket?.connect();
    });
  }
  return socket;
}

/** Calls `handler` for every `event` the organisation's room receives while the component is mounted. */
export function useOrgEvent<T>(event: TOrgEvent, handler: (payload: T) => void): void {
  useEffect(() => {
    const s = getSocket();
    s.on(event, handler);
    return () => {
      s.off(event, handler);
    };
  }, [event, handler]);
}
