import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { leads } from "../leads/tables.js";
import { conversations } from "../messaging/tables.js";
import { organizations } from "../orgs/tables.js";
import { tasks } from "../tasks/tables.js";

/**
 * Booked appointments, from the internal calendar or the org's CRM. Two booked appointments of one
 * org never overlap (an exclusion constraint, in migration 0009, holds that under concurrency).
 */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id")
      .notNull()
      .references(() => leads.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    /** The lead's message that led to the booking: booking again for it returns the same appointment. */
    sourceMessageId: uuid("source_message_id"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    status: text("status").notNull().default("booked"),
    /** `internal` or the CRM's name; `externalId` is the CRM's id. */
    provider: text("provider").notNull().default("internal"),
    externalId: text("external_id"),
    taskId: uuid("task_id").references(() => tasks.id, { onDelete: "set null" }),
    bookedBy: text("booked_by").notNull().default("ai"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("appointments_source_message_key").on(t.sourceMessageId),
    index("appointments_org_start_idx").on(t.orgId, t.startsAt),
    index("appointments_lead_idx").on(t.leadId),
  ],
);
