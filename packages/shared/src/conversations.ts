import { z } from "zod";

export const MESSAGE_STATUSES = [
  "queued",
  "sending",
  "sent",
  "delivered",
  "failed",
  "undeliverable",
  "blocked",
  "received",
  /** An AI reply waiting for a person to approve it (approval mode). */
  "draft",
  /** A draft a person turned down. */
  "rejected",
] as const;
export const ZMessageStatus = z.enum(MESSAGE_STATUSES);
export type TMessageStatus = z.infer<typeof ZMessageStatus>;

export const ZMessage = z.object({
  id: z.uuid(),
  conversationId: z.uuid(),
  direction: z.enum(["inbound", "outbound"]),
  kind: z.enum(["first_touch", "follow_up", "reply", "compliance", "manual"]),
  /** Who wrote it: the lead, the AI agent, a person in the app, or the system (touches, compliance). */
  author: z.enum(["lead", "ai", "human", "system"]),
  /** The person who wrote it, sent it or approved it (AI drafts approved by a person carry their name). */
  authorName: z.string().nullable(),
  body: z.string(),
  status: ZMessageStatus,
  segments: z.number().int(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  scheduledFor: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TMessage = z.infer<typeof ZMessage>;

export const CONVERSATION_STATUSES = ["open", "awaiting_reply", "closed", "opted_out"] as const;

export const ZConversation = z.object({
  id: z.uuid(),
  campaignId: z.uuid().nullable(),
  campaignName: z.string().nullable(),
  leadId: z.uuid(),
  leadName: z.string(),
  leadPhone: z.string(),
  ourNumber: z.string(),
  status: z.enum(CONVERSATION_STATUSES),
  lastMessageAt: z.string().nullable(),
  lastMessagePreview: z.string().nullable(),
  costMicros: z.number().int(),
  /** Who answers: the AI agent, or a person (after a takeover or an escalation). */
  control: z.enum(["ai", "human"]),
  controlledBy: z.uuid().nullable(),
  controlledByName: z.string().nullable(),
  currentStage: z.string().nullable(),
  sentimentTrend: z.array(z.number()),
  averageAdherence: z.number().nullable(),
  runningSummary: z.string(),
  escalatedAt: z.string().nullable(),
  escalationReason: z.string().nullable(),
  pendingDrafts: z.number().int(),
  /** The teammate who owns the follow-up (a rep sees only what is assigned to them). */
  assignedTo: z.uuid().nullable(),
  assignedToName: z.string().nullable(),
});
export type TConversation = z.infer<typeof ZConversation>;

/** Payload of `message.created` and `message.status`. */
export type TMessageEvent = { conversationId: string; leadId: string; message: TMessage };

export const ZOptOut = z.object({
  phone: z.string(),
  source: z.string(),
  keyword: z.string().nullable(),
  createdAt: z.string(),
});
export type TOptOut = z.infer<typeof ZOptOut>;

export const ZTask = z.object({
  id: z.uuid(),
  leadId: z.uuid().nullable(),
  leadName: z.string().nullable(),
  conversationId: z.uuid().nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  dueAt: z.string().nullable(),
  note: z.string(),
  done: z.boolean(),
  createdAt: z.string(),
});
export type TTask = z.infer<typeof ZTask>;

export const ZTaskInput = z.object({
  leadId: z.uuid().nullable().optional(),
  conversationId: z.uuid().nullable().optional(),
  assigneeId: z.uuid().nullable().optional(),
  dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
  note: z.string().trim().min(1, { error: "Write what needs doing" }).max(2000),
});
export type TTaskInput = z.input<typeof ZTaskInput>;
