import type { TBusinessHours } from "@plaibook/shared";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { leads } from "../leads/tables.js";
import { organizations } from "../orgs/tables.js";
import { playbooks, playbookVersions } from "../playbooks/tables.js";

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    status: text("status").notNull().default("draft"),
    playbookId: uuid("playbook_id")
      .notNull()
      .references(() => playbooks.id),
    /** Pinned: editing the playbook later does not change a running campaign. */
    playbookVersionId: uuid("playbook_version_id")
      .notNull()
      .references(() => playbookVersions.id),
    businessHours: jsonb("business_hours").$type<TBusinessHours>().notNull(),
    sendingNumbers: text("sending_numbers").array().notNull(),
    perNumberPerMinute: integer("per_number_per_minute").notNull(),
    perCampaignPerMinute: integer("per_campaign_per_minute").notNull(),
    followUpDays: integer("follow_up_days").array().notNull(),
    stopOnReply: boolean("stop_on_reply").notNull().default(true),
    /** AI replies wait as drafts until a person approves or edits them. */
    approvalMode: boolean("approval_mode").notNull().default(false),
    firstMessageFooter: text("first_message_footer").notNull(),
    launchedAt: timestamp("launched_at", { withTimezone: true }),
    /** Start of the current one-minute rate window, and how many touches were planned in it. */
    rateWindowStart: timestamp("rate_window_start", { withTimezone: true }),
    rateWindowCount: integer("rate_window_count").notNull().default(0),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("campaigns_org_status_idx").on(t.orgId, t.status)],
);

/** A lead's place in a campaign: funnel stage and when the next touch is due. */
export const campaignLeads = pgTable(
  "campaign_leads",
  {
    orgId: uuid("org_id").notNull(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    stage: text("stage").notNull().default("queued"),
    touchesPlanned: integer("touches_planned").notNull().default(0),
    nextTouchAt: timestamp("next_touch_at", { withTimezone: true }),
    lastTouchAt: timestamp("last_touch_at", { withTimezone: true }),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.leadId] }),
    index("campaign_leads_due_idx").on(t.campaignId, t.nextTouchAt),
    index("campaign_leads_lead_idx").on(t.leadId),
  ],
);
