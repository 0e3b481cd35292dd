import type { TMessage, TMessageEvent } from "@plaibook/shared";
import { conversationRooms, orgRoom, type TRooms } from "../../platform/realtime/socket.js";

export type TPublish = (rooms: TRooms, event: string, payload: unknown) => void;

/** Socket events are an output of what happened: call these after the transaction commits. */
export function announceMessage(
  publish: TPublish,
  orgId: string,
  event: "message.created" | "message.status",
  m: { leadId: string; message: TMessage },
) {
  const payload: TMessageEvent = {
    conversationId: m.message.conversationId,
    leadId: m.leadId,
    message: m.message,
  };
  const rooms = conversationRooms(orgId, m.message.conversationId);
  publish(rooms, event, payload);
  publish(rooms, "conversation.updated", { conversationId: m.message.conversationId });
}

export function announceCampaign(publish: TPublish, orgId: string, campaignId: string | null) {
  if (campaignId) publish(orgRoom(orgId), "campaign.updated", { campaignId });
}
