import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** Append-only: SMS segments, model tokens, transcription seconds — what was used and what it cost. */
export const usageLedger = pgTable(
  "usage_ledger",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid("org_id").notNull(),
    kind: text("kind").notNull(),
    quantity: integer("quantity").notNull(),
    unitCostMicros: bigint("unit_cost_micros", { mode: "number" }).notNull(),
    costMicros: bigint("cost_micros", { mode: "number" }).notNull(),
    refType: text("ref_type"),
    refId: uuid("ref_id"),
    conversationId: uuid("conversation_id"),
    /** For model calls: which model answered (or `offline`). */
    model: text("model"),
    /** For model calls: input/output tokens and latency. */
    detail: jsonb("detail").$type<Record<string, number | string>>(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("usage_ledger_org_time_idx").on(t.orgId, t.occurredAt)],
);
