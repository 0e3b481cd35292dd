import { sql } from "drizzle-orm";
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { organizations } from "../orgs/tables.js";

/**
 * A call recording and where it stands in the pipeline (received → transcoding → transcribing →
 * analyzing → analyzed; or failed / needs_transcript, with the reason). The audio itself lives in the
 * BlobStore; the row keeps its keys, size and hash.
 */
export const calls = pgTable(
  "calls",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    /** `upload`, later the phone systems (genesys, five9, …). */
    source: text("source").notNull(),
    /** The source's id for the call; an upload without one gets the file's hash. */
    externalId: text("external_id").notNull(),
    repUserId: uuid("rep_user_id"),
    repName: text("rep_name"),
    leadPhone: text("lead_phone"),
    direction: text("direction").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type"),
    originalKey: text("original_key").notNull(),
    originalBytes: bigint("original_bytes", { mode: "number" }).notNull(),
    originalSha256: text("original_sha256").notNull(),
    /** The 16 kHz mono WAV made by the transcode step. */
    audioKey: text("audio_key"),
    durationSeconds: doublePrecision("duration_seconds"),
    status: text("status").notNull().default("received"),
    /** Why it failed or waits, in words a manager can act on. */
    statusReason: text("status_reason"),
    /** 0–100 through the pipeline, for the live bar. */
    progress: integer("progress").notNull().default(0),
    /** A transcript the source supplied (speech-to-text is then skipped). */
    suppliedTranscript: jsonb("supplied_transcript"),
    /** `{ segments }`, speakers as rep / customer, from the source or speech-to-text. */
    transcript: jsonb("transcript"),
    /** `supplied`, `openai`, `pocketsphinx`. */
    transcriptSource: text("transcript_source"),
    transcriptModel: text("transcript_model"),
    /** The CallAnalysis (stages, objections, outcome, metrics, coaching). */
    analysis: jsonb("analysis"),
    analysisEngine: text("analysis_engine"),
    analyzedAt: timestamp("analyzed_at", { withTimezone: true }),
    // Copied out of the analysis so the list can filter and sort on them with indexes.
    outcome: text("outcome"),
    objectionLabels: text("objection_labels").array().notNull().default(sql`'{}'::text[]`),
    objectionCategories: text("objection_categories").array().notNull().default(sql`'{}'::text[]`),
    repTalkRatio: doublePrecision("rep_talk_ratio"),
    /** Loudness envelope (peak 0–1 per slice) for the waveform, made by the transcode step. */
    peaks: jsonb("peaks"),
    createdBy: uuid("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("calls_source_external_key").on(t.orgId, t.source, t.externalId),
    index("calls_org_started_idx").on(t.orgId, t.startedAt),
    index("calls_org_outcome_idx").on(t.orgId, t.outcome, t.startedAt),
    index("calls_objection_categories_idx").using("gin", t.objectionCategories),
    index("calls_org_rep_idx").on(t.orgId, t.repUserId, t.startedAt),
    index("calls_org_status_idx").on(t.orgId, t.status).where(sql`${t.status} <> 'analyzed'`),
  ],
);
