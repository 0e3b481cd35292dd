import { z } from "zod";
import { CALL_OUTCOMES, CALL_STAGES, OBJECTION_TAXONOMY } from "./ai.js";

/** Containers an upload may be in; ffmpeg decides whether the bytes really are audio. */
export const CALL_AUDIO_EXTENSIONS = ["wav", "mp3", "m4a", "ogg", "flac"] as const;
export const CALL_UPLOAD_MAX_BYTES = 200 * 1024 * 1024;

export const CALL_STATUSES = [
  "received",
  "transcoding",
  "transcribing",
  "needs_transcript",
  "analyzing",
  "analyzed",
  "failed",
] as const;
export const ZCallStatus = z.enum(CALL_STATUSES);
export type TCallStatus = z.infer<typeof ZCallStatus>;

export const ZTranscriptSegment = z.object({
  speaker: z.enum(["rep", "customer"]),
  /** Seconds from the start of the recording. */
  start: z.number().min(0),
  end: z.number().min(0),
  text: z.string().trim().min(1).max(5000),
});
export type TTranscriptSegment = z.infer<typeof ZTranscriptSegment>;

/** A transcript the source already has (a vendor's, or one typed up): speech-to-text is skipped. */
export const ZSuppliedTranscript = z.object({
  segments: z
    .array(ZTranscriptSegment)
    .min(1, { error: "a transcript needs at least one segment" })
    .max(10_000)
    .refine((segments) => segments.every((s) => s.end >= s.start), {
      error: "every segment must end at or after its start",
    }),
});
export type TSuppliedTranscript = z.infer<typeof ZSuppliedTranscript>;

/** What comes with an uploaded recording (multipart fields). */
export const ZCallUploadMeta = z.object({
  /** The call's id in the system it came from; repeating it returns the same call. */
  externalId: z.string().trim().min(1).max(200).optional(),
  repUserId: z.uuid().optional(),
  repName: z.string().trim().min(1).max(200).optional(),
  leadPhone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{6,14}$/, { error: "leadPhone must be in E.164 form, e.g. +12025550142" })
    .optional(),
  direction: z.enum(["inbound", "outbound"], { error: "direction must be inbound or outbound" }),
  startedAt: z.iso.datetime({ offset: true, error: "startedAt must be an ISO 8601 date-time" }),
});
export type TCallUploadMeta = z.infer<typeof ZCallUploadMeta>;

export const ZCall = z.object({
  id: z.uuid(),
  source: z.string(),
  externalId: z.string(),
  repUserId: z.uuid().nullable(),
  repName: z.string().nullable(),
  leadPhone: z.string().nullable(),
  direction: z.enum(["inbound", "outbound"]),
  startedAt: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  durationSeconds: z.number().nullable(),
  status: ZCallStatus,
  statusReason: z.string().nullable(),
  progress: z.number().int(),
  hasSuppliedTranscript: z.boolean(),
  createdAt: z.string(),
});
export type TCall = z.infer<typeof ZCall>;

// ---- Analysis -------------------------------------------------------------------------------------

export const ZCallOutcome = z.enum(CALL_OUTCOMES);
export type TCallOutcome = z.infer<typeof ZCallOutcome>;
export const ZCallStage = z.enum(CALL_STAGES);
export type TCallStage = z.infer<typeof ZCallStage>;

/**
 * A segment as an analyser reads it: `speaker` is `rep` / `customer` when the roles are known, or a
 * diariser's neutral label (`S1`, `S2`, …) that the analyser maps to a role itself.
 */
export const ZAnalyzerSegment = z.object({
  speaker: z.string().trim().min(1).max(40),
  start: z.number().min(0),
  end: z.number().min(0),
  text: z.string().max(5000),
});
export type TAnalyzerSegment = z.infer<typeof ZAnalyzerSegment>;

/**
 * An objection subcategory an organisation adds under one of the taxonomy's categories, with phrases
 * its customers say; its label is `category/slug`.
 */
export const ZCustomObjection = z.object({
  category: z.enum(Object.keys(OBJECTION_TAXONOMY).filter((c) => c !== "other") as [string, ...string[]], {
    error:
      "category must be one of the taxonomy's categories (price, timing, authority, need, competitor, trust)",
  }),
  slug: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/, { error: "slug must be lower_snake_case, 2–40 characters" }),
  label: z.string().trim().min(1).max(80),
  examples: z
    .array(z.string().trim().min(3).max(300))
    .min(1, { error: "give at least one example phrase" })
    .max(50),
});
export type TCustomObjection = z.infer<typeof ZCustomObjection>;

/** How well the rep answered an objection. */
export const OBJECTION_HANDLING = ["strong", "adequate", "weak", "unaddressed"] as const;
export const ZObjectionHandling = z.enum(OBJECTION_HANDLING);

export const ZCallObjection = z.object({
  /** `category/subcategory` from the taxonomy or the org's own list, or `other`. */
  label: z.string().min(1).max(120),
  category: z.string().min(1).max(40),
  /** The customer's words. */
  quote: z.string().max(1000),
  /** Seconds from the start of the call. */
  at: z.number().min(0),
  segmentIndex: z.number().int().min(0),
  handled: z.boolean(),
  handling: ZObjectionHandling,
  /** The rep's answer, when there was one. */
  response: z.string().max(1000).nullable(),
});
export type TCallObjection = z.infer<typeof ZCallObjection>;

export const ZCallStageSpan = z.object({
  stage: ZCallStage,
  start: z.number().min(0),
  end: z.number().min(0),
});
export type TCallStageSpan = z.infer<typeof ZCallStageSpan>;

export const ZCallMetrics = z.object({
  /** Share of talk time that was the rep's, 0–1. */
  repTalkRatio: z.number().min(0).max(1),
  longestRepMonologueSeconds: z.number().min(0),
  repQuestions: z.number().int().min(0),
  /** Speaker switches per minute. */
  interactivityPerMinute: z.number().min(0),
  /** The rep's average pause before answering the customer, in seconds. */
  patienceSeconds: z.number().min(0),
});
export type TCallMetrics = z.infer<typeof ZCallMetrics>;

export const ZCoachingItem = z.object({
  kind: z.enum(["strength", "improvement"]),
  title: z.string().min(1).max(120),
  advice: z.string().min(1).max(600),
  /** The moment it is about (seconds) and its segment. */
  at: z.number().min(0),
  segmentIndex: z.number().int().min(0),
});
export type TCoachingItem = z.infer<typeof ZCoachingItem>;

export const ZCallAnalysis = z.object({
  /** Which role each speaker label in the transcript had (`S1` → rep, …); identity for known roles. */
  speakers: z.record(z.string(), z.enum(["rep", "customer", "other"])),
  stages: z.array(ZCallStageSpan).max(50),
  objections: z.array(ZCallObjection).max(50),
  outcome: z.object({
    label: ZCallOutcome,
    /** The words that show it. */
    evidence: z.string().max(1000),
    at: z.number().min(0).nullable(),
  }),
  metrics: ZCallMetrics,
  coaching: z.array(ZCoachingItem).min(2).max(5),
  summary: z.string().max(2000),
});
export type TCallAnalysis = z.infer<typeof ZCallAnalysis>;

/** The eval's line format for `plaibook analyze-call` (../shared/eval/README.md). */
export const ZCallEvalInput = z.object({
  id: z.string().min(1),
  industry: z.string().optional(),
  segments: z.array(ZAnalyzerSegment).min(1),
});

// ---- Reading calls --------------------------------------------------------------------------------

export const CALL_SORTS = ["newest", "oldest", "longest", "shortest"] as const;

/** Filters for the Calls list (web and `GET /api/v1/calls`); all optional, combined with AND. */
export const ZCallListQuery = z.object({
  repUserId: z.uuid().optional(),
  /** Calls started on or after / before these instants. */
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  outcome: ZCallOutcome.optional(),
  /** An objection category (`price`) or a full label (`price/budget`). */
  objection: z
    .string()
    .regex(/^[a-z_]+(\/[a-z0-9_]+)?$/, { error: "objection must be a category or category/subcategory" })
    .optional(),
  minDurationSeconds: z.coerce.number().min(0).optional(),
  maxDurationSeconds: z.coerce.number().min(0).optional(),
  status: ZCallStatus.optional(),
  sort: z.enum(CALL_SORTS).default("newest"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TCallListQuery = z.input<typeof ZCallListQuery>;

/** A row of the list: the call plus what the analysis found, for scanning. */
export const ZCallListItem = ZCall.extend({
  outcome: ZCallOutcome.nullable(),
  objectionCategories: z.array(z.string()),
  objectionCount: z.number().int(),
  repTalkRatio: z.number().nullable(),
});
export type TCallListItem = z.infer<typeof ZCallListItem>;

export const ZCallListPage = z.object({
  items: z.array(ZCallListItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TCallListPage = z.infer<typeof ZCallListPage>;

/** One call with its transcript (speakers as rep / customer) and analysis, once they exist. */
export const ZCallDetail = ZCallListItem.extend({
  transcript: z
    .object({
      /** `supplied`, `openai`, `pocketsphinx`. */
      source: z.string(),
      model: z.string().nullable(),
      segments: z.array(ZTranscriptSegment),
    })
    .nullable(),
  analysis: ZCallAnalysis.nullable(),
  analysisEngine: z.string().nullable(),
  /** Where the browser can fetch the audio (authorised by the same session). */
  audioUrl: z.string().nullable(),
  /** Loudness envelope for the waveform: peak amplitude (0–1) per equal slice of the call. */
  peaks: z.array(z.number().min(0).max(1)).nullable(),
});
export type TCallDetail = z.infer<typeof ZCallDetail>;

// ---- Settings -------------------------------------------------------------------------------------

export const TRANSCRIPTION_ENGINES = ["supplied_only", "openai", "pocketsphinx"] as const;

/** Per organisation: how recordings without a transcript are transcribed, and its own objections. */
export const ZCallSettings = z.object({
  transcription: z.object({
    /** `supplied_only`: only calls that come with a transcript are analysed; the rest wait. */
    engine: z.enum(TRANSCRIPTION_ENGINES),
    /** Which channel of a stereo recording is the rep. */
    repChannel: z.enum(["left", "right"]),
  }),
  customObjections: z
    .array(ZCustomObjection)
    .max(100)
    .refine((list) => new Set(list.map((o) => `${o.category}/${o.slug}`)).size === list.length, {
      error: "two custom objections have the same category and slug",
    }),
});
export type TCallSettings = z.infer<typeof ZCallSettings>;
export const DEFAULT_CALL_SETTINGS: TCallSettings = {
  transcription: { engine: "pocketsphinx", repChannel: "left" },
  customObjections: [],
};

/** `call.progress` (Socket.IO, to the organisation): where a call stands, after each step commits. */
export type TCallProgressEvent = {
  callId: string;
  status: TCallStatus;
  progress: number;
  statusReason: string | null;
  durationSeconds: number | null;
};
