import type pg from "pg";
import type { TActor } from "../../platform/auth/actor.js";
import { withOrg } from "../../platform/db/with-org.js";
import { conversationRoom, orgConversationsRoom, type TRoomPolicy } from "../../platform/realtime/socket.js";
import { seesAllConversations, visibleAmong, visibleConversationIds } from "./scope.js";

/** Real-time rooms follow the same visibility as the board: a rep hears only their conversations. */
export function conversationRoomPolicy(appPool: pg.Pool): TRoomPolicy {
  return {
    roomsFor: async (actor: TActor) => {
      if (seesAllConversations(actor)) return [orgConversationsRoom(actor.orgId)];
      const ids = await withOrg(appPool, actor.orgId, (tx) => visibleConversationIds(tx, actor));
      return ids.map(conversationRoom);
    },
    watchable: async (actor: TActor, conversationIds: string[]) => {
      if (seesAllConversations(actor)) return [];
      const ids = await withOrg(appPool, actor.orgId, (tx) => visibleAmong(tx, actor, conversationIds));
      return ids.map(conversationRoom);
    },
  };
}
