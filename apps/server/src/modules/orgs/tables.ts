import { jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  /** SMS identity and compliance texts (ZOrgSmsSettings). */
  smsSettings: jsonb("sms_settings")
    .$type<{ businessName?: string; helpText?: string; optOutConfirmation?: string }>()
    .notNull()
    .default({}),
  /** Model routing (ZOrgAiSettings); defaults fill what is missing. */
  aiSettings: jsonb("ai_settings").$type<Record<string, unknown>>().notNull().default({}),
  /** Transcription engine, rep channel and custom objection subcategories (ZCallSettings). */
  callSettings: jsonb("call_settings").$type<Record<string, unknown>>().notNull().default({}),
  /** When the internal calendar takes bookings (ZCalendarSettings). */
  calendarSettings: jsonb("calendar_settings").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
