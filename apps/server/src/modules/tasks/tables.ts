import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { leads } from "../leads/tables.js";
import { conversations } from "../messaging/tables.js";
import { organizations } from "../orgs/tables.js";
import { users } from "../users/tables.js";

export const tasks = pgTable(
  "tasks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    leadId: uuid("lead_id").references(() => leads.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id").references(() => conversations.id, { onDelete: "set null" }),
    assigneeId: uuid("assignee_id").references(() => users.id, { onDelete: "set null" }),
    dueAt: timestamp("due_at", { withTimezone: true }),
    note: text("note").notNull(),
    doneAt: timestamp("done_at", { withTimezone: true }),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("tasks_org_assignee_idx").on(t.orgId, t.assigneeId, t.doneAt, t.dueAt)],
);
