import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { conversations } from "../messaging/tables.js";
import { organizations } from "../orgs/tables.js";

/**
 * The Overseer's verdict on every turn. Append-only (the app role may not update or delete it): the
 * state of a conversation at any turn is rebuilt from these rows.
 */
export const turnAnalyses = pgTable(
  "turn_analyses",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** The message judged; one verdict per message however often the job runs. */
    messageId: uuid("message_id").notNull(),
    /** Position of the message in the conversation (0 = first message). */
    turnIndex: integer("turn_index").notNull(),
    direction: text("direction").notNull(),
    stage: text("stage").notNull(),
    sentiment: real("sentiment").notNull(),
    escalate: boolean("escalate").notNull(),
    escalateReason: text("escalate_reason"),
    adherence: integer("adherence").notNull(),
    violations: jsonb("violations").$type<string[]>().notNull(),
    summary: text("summary").notNull(),
    model: text("model").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("turn_analyses_message_key").on(t.messageId),
    index("turn_analyses_conversation_idx").on(t.conversationId, t.id),
  ],
);
