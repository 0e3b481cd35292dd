import type { TMessage, TMessageEvent } from "@plaibook/shared";
import { orgRoom } from "../../platform/realtime/socket.js";

export type TPublish = (room: string, event: string, payload: unknown) => void;

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
  publish(orgRoom(orgId), event, payload);
  publish(orgRoom(orgId), "conversation.updated", { conversationId: m.message.conversationId });
}

export function announceCampaign(publish: TPublish, orgId: string, campaignId: string | null) {
  if (campaignId) publish(orgRoom(orgId), "campaign.updated", { campaignId });
}
