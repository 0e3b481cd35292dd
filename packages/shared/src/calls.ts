import { z } from "zod";

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
