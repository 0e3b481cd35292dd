import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../orgs/tables.js";

export const leads = pgTable(
  "leads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** E.164; one lead per phone per organisation (imports merge on it). */
    phone: text("phone").notNull(),
    firstName: text("first_name").notNull().default(""),
    lastName: text("last_name").notNull().default(""),
    email: text("email"),
    company: text("company"),
    city: text("city"),
    timeZone: text("time_zone").notNull(),
    timeZoneSource: text("time_zone_source").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("leads_org_phone_key").on(t.orgId, t.phone),
    index("leads_org_created_idx").on(t.orgId, t.createdAt),
  ],
);

export const leadImports = pgTable("lead_imports", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" }),
  campaignId: uuid("campaign_id"),
  fileName: text("file_name").notNull(),
  status: text("status").notNull().default("running"),
  rowsRead: integer("rows_read").notNull().default(0),
  imported: integer("imported").notNull().default(0),
  merged: integer("merged").notNull().default(0),
  rejected: integer("rejected").notNull().default(0),
  error: text("error"),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

export const leadImportRejections = pgTable(
  "lead_import_rejections",
  {
    orgId: uuid("org_id").notNull(),
    importId: uuid("import_id")
      .notNull()
      .references(() => leadImports.id, { onDelete: "cascade" }),
    rowNumber: integer("row_number").notNull(),
    reason: text("reason").notNull(),
    raw: text("raw").notNull(),
  },
  (t) => [index("lead_import_rejections_import_idx").on(t.importId, t.rowNumber)],
);
