import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { conversations } from "../messaging/tables.js";
import { organizations } from "../orgs/tables.js";

/** A conversation that needs a person. At most one open escalation per conversation. */
export const escalations = pgTable(
  "escalations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** `agent` (the lead's message), `overseer` (the trend), or `person`. */
    source: text("source").notNull(),
    reason: text("reason").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: uuid("acknowledged_by"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("escalations_open_key").on(t.conversationId).where(sql`${t.resolvedAt} is null`),
    index("escalations_org_raised_idx").on(t.orgId, t.raisedAt),
  ],
);
