import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { organizations } from "../orgs/tables.js";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: text("role").notNull(),
    status: text("status").notNull().default("active"),
    /** Null until an invited user accepts and sets a password. */
    passwordHash: text("password_hash"),
    failedLoginCount: integer("failed_login_count").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
    inviteTokenHash: text("invite_token_hash"),
    inviteExpiresAt: timestamp("invite_expires_at", { withTimezone: true }),
    invitedBy: uuid("invited_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One account per email across Plaibook: login needs no organisation picker.
    uniqueIndex("users_email_key").on(t.email),
    uniqueIndex("users_invite_token_hash_key").on(t.inviteTokenHash),
    index("users_org_id_idx").on(t.orgId),
    check("users_role_check", sql`${t.role} in ('owner','admin','manager','rep','viewer')`),
    check("users_status_check", sql`${t.status} in ('active','invited','deactivated')`),
    check("users_email_lower_check", sql`${t.email} = lower(${t.email})`),
  ],
);
