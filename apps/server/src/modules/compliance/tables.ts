import { pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../orgs/tables.js";

/** A number that said STOP: nothing is ever sent to it by this organisation until it says START. */
export const optOuts = pgTable(
  "opt_outs",
  {
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    phone: text("phone").notNull(),
    source: text("source").notNull(),
    keyword: text("keyword"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.phone] })],
);
