import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { campaigns } from "../campaigns/tables.js";
import { leads } from "../leads/tables.js";
import { organizations } from "../orgs/tables.js";

/** Numbers an organisation sends from; inbound messages find their organisation by the number they were sent to. */
export const phoneNumbers = pgTable(
  "phone_numbers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    e164: text("e164").notNull(),
    provider: text("provider").notNull(),
    label: text("label").notNull().default(""),
    /** Twilio Messaging Service SID, when the number sends through one. */
    messagingServiceSid: text("messaging_service_sid"),
    /** Start of this number's one-minute rate window, across every campaign that sends from it. */
    rateWindowStart: timestamp("rate_window_start", { withTimezone: true }),
    rateWindowCount: integer("rate_window_count").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("phone_numbers_e164_key").on(t.e164)],
);

export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id").references(() => campaigns.id, { onDelete: "set null" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    leadPhone: text("lead_phone").notNull(),
    ourNumber: text("our_number").notNull(),
    status: text("status").notNull().default("open"),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }),
    lastMessagePreview: text("last_message_preview"),
    costMicros: bigint("cost_micros", { mode: "number" }).notNull().default(0),
    /** Who answers the lead: the AI agent, or a person who took over. */
    control: text("control").notNull().default("ai"),
    controlledBy: uuid("controlled_by"),
    /** Where the agent's dialogue stands (ZAgentState). */
    agentState: jsonb("agent_state").$type<Record<string, unknown>>(),
    /** Overseer rollups, derived from turn_analyses (which stays the source of truth). */
    currentStage: text("current_stage"),
    sentimentTrend: jsonb("sentiment_trend").$type<number[]>().notNull().default([]),
    adherenceSum: integer("adherence_sum").notNull().default(0),
    turnsAnalyzed: integer("turns_analyzed").notNull().default(0),
    /** Adherence is judged on the agent's turns only. */
    agentTurnsAnalyzed: integer("agent_turns_analyzed").notNull().default(0),
    runningSummary: text("running_summary").notNull().default(""),
    escalatedAt: timestamp("escalated_at", { withTimezone: true }),
    escalationReason: text("escalation_reason"),
    /** The person who owns this conversation's follow-up; a rep sees only what is assigned to them. */
    assignedTo: uuid("assigned_to"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Set by a trigger on every change, so a client that was away can fetch what changed. */
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_campaign_lead_key").on(t.campaignId, t.leadId),
    index("conversations_org_updated_idx").on(t.orgId, t.updatedAt),
    index("conversations_assigned_idx").on(t.assignedTo),
    index("conversations_route_idx").on(t.orgId, t.ourNumber, t.leadPhone, t.lastMessageAt),
    index("conversations_org_last_idx").on(t.orgId, t.lastMessageAt),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    campaignId: uuid("campaign_id"),
    leadId: uuid("lead_id").notNull(),
    direction: text("direction").notNull(),
    kind: text("kind").notNull(),
    /** 0 = first touch, 1.. = follow-ups; with campaign and lead it makes planning exactly-once. */
    touchIndex: integer("touch_index"),
    body: text("body").notNull(),
    status: text("status").notNull(),
    fromNumber: text("from_number").notNull(),
    toNumber: text("to_number").notNull(),
    provider: text("provider").notNull(),
    providerSid: text("provider_sid"),
    segments: integer("segments").notNull().default(1),
    encoding: text("encoding").notNull().default("GSM-7"),
    /** `lead`, `ai`, `human` (a person in the app) or `system` (campaign touches, compliance replies). */
    author: text("author").notNull().default("system"),
    authorUserId: uuid("author_user_id"),
    /** For an agent reply: the inbound message it answers (one reply per inbound, however often the job runs). */
    replyToMessageId: uuid("reply_to_message_id"),
    errorCode: text("error_code"),
    errorMessage: text("error_message"),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    // clock_timestamp, not now(): a STOP and its confirmation share a transaction but not a moment.
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`clock_timestamp()`),
  },
  (t) => [
    uniqueIndex("messages_touch_key")
      .on(t.campaignId, t.leadId, t.touchIndex)
      .where(sql`${t.touchIndex} is not null`),
    uniqueIndex("messages_provider_sid_key").on(t.provider, t.providerSid),
    uniqueIndex("messages_reply_to_key").on(t.replyToMessageId).where(sql`${t.replyToMessageId} is not null`),
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    // Drafts are few and the Cockpit asks for them per conversation on every board read.
    index("messages_drafts_idx").on(t.conversationId).where(sql`${t.status} = 'draft'`),
  ],
);

/** Every webhook delivery we accepted, once per (provider, kind, external id): replays are ignored. */
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    provider: text("provider").notNull(),
    kind: text("kind").notNull(),
    externalId: text("external_id").notNull(),
    payload: jsonb("payload").$type<Record<string, string>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("webhook_inbox_dedupe_key").on(t.provider, t.kind, t.externalId)],
);

/**
 * The Sandbox carrier's own record of what it accepted, keyed by our message id: sending the same
 * message again returns the same SID instead of texting twice.
 */
export const sandboxOutbox = pgTable(
  "sandbox_outbox",
  {
    sid: text("sid").primaryKey(),
    orgId: uuid("org_id").notNull(),
    clientRef: text("client_ref").notNull(),
    fromNumber: text("from_number").notNull(),
    toNumber: text("to_number").notNull(),
    body: text("body").notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_outbox_client_ref_key").on(t.clientRef),
    index("sandbox_outbox_to_idx").on(t.toNumber),
  ],
);
