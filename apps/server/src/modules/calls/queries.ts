import type {
  TCall,
  TCallAnalysis,
  TCallStatus,
  TSuppliedTranscript,
  TTranscriptSegment,
} from "@plaibook/shared";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";

/** The columns every call row read here has, as Postgres returns them. */
export type TCallBaseRow = {
  id: string;
  source: string;
  external_id: string;
  rep_user_id: string | null;
  rep_name: string | null;
  lead_phone: string | null;
  direction: "inbound" | "outbound";
  started_at: Date;
  file_name: string;
  original_bytes: number | string;
  original_sha256: string;
  duration_seconds: number | null;
  status: TCallStatus;
  status_reason: string | null;
  progress: number;
  created_at: Date;
};

/** The public call from those columns (`hasSuppliedTranscript` is the caller's: rows carry it differently). */
export const callFromRow = (r: TCallBaseRow): Omit<TCall, "hasSuppliedTranscript"> => ({
  id: r.id,
  source: r.source,
  externalId: r.external_id,
  repUserId: r.rep_user_id,
  repName: r.rep_name,
  leadPhone: r.lead_phone,
  direction: r.direction,
  startedAt: r.started_at.toISOString(),
  fileName: r.file_name,
  bytes: Number(r.original_bytes),
  sha256: r.original_sha256,
  durationSeconds: r.duration_seconds,
  status: r.status,
  statusReason: r.status_reason,
  progress: r.progress,
  createdAt: r.created_at.toISOString(),
});

type TCallRow = TCallBaseRow & {
  org_id: string;
  original_key: string;
  audio_key: string | null;
  supplied_transcript: TSuppliedTranscript | null;
};

export type TCallRecord = TCall & {
  orgId: string;
  originalKey: string;
  audioKey: string | null;
  suppliedTranscript: TSuppliedTranscript | null;
};

const toCall = (r: TCallRow): TCallRecord => ({
  ...callFromRow(r),
  hasSuppliedTranscript: r.supplied_transcript !== null,
  orgId: r.org_id,
  originalKey: r.original_key,
  audioKey: r.audio_key,
  suppliedTranscript: r.supplied_transcript,
});

/** The public shape (no storage keys, no transcript body). */
export const publicCall = ({
  orgId: _o,
  originalKey: _k,
  audioKey: _a,
  suppliedTranscript: _t,
  ...call
}: TCallRecord): TCall => call;

/** The pipeline's columns (not the transcript, analysis or waveform, which can be large). */
const CALL_COLUMNS = `id, org_id, source, external_id, rep_user_id, rep_name, lead_phone, direction, started_at, file_name,
  original_key, original_bytes, original_sha256, audio_key, duration_seconds, status, status_reason, progress,
  supplied_transcript, created_at`;

export async function findCall(tx: TTx, callId: string, options: { lock?: boolean } = {}) {
  const { rows } = await tx.client.query<TCallRow>(
    `select ${CALL_COLUMNS} from calls where id = $1${options.lock ? " for update" : ""}`,
    [callId],
  );
  return rows[0] ? toCall(rows[0]) : null;
}

export async function getCall(tx: TTx, callId: string): Promise<TCallRecord> {
  const call = await findCall(tx, callId);
  if (!call) throw new AppError("NOT_FOUND", "Call not found");
  return call;
}

export async function findCallByExternalId(tx: TTx, source: string, externalId: string) {
  const { rows } = await tx.client.query<TCallRow>(
    `select ${CALL_COLUMNS} from calls where source = $1 and external_id = $2`,
    [source, externalId],
  );
  return rows[0] ? toCall(rows[0]) : null;
}

export type TNewCall = {
  id: string;
  orgId: string;
  source: string;
  externalId: string;
  repUserId: string | null;
  repName: string | null;
  leadPhone: string | null;
  direction: "inbound" | "outbound";
  startedAt: string;
  fileName: string;
  contentType: string | null;
  originalKey: string;
  originalBytes: number;
  originalSha256: string;
  suppliedTranscript: TSuppliedTranscript | null;
  createdBy: string | null;
};

/** Inserts the call, or returns null when the source already gave this external id. */
export async function insertCall(tx: TTx, c: TNewCall): Promise<TCallRecord | null> {
  const { rows } = await tx.client.query<TCallRow>(
    `insert into calls (id, org_id, source, external_id, rep_user_id, rep_name, lead_phone, direction, started_at,
                        file_name, content_type, original_key, original_bytes, original_sha256, supplied_transcript,
                        created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
     on conflict (org_id, source, external_id) do nothing
     returning ${CALL_COLUMNS}`,
    [
      c.id,
      c.orgId,
      c.source,
      c.externalId,
      c.repUserId,
      c.repName,
      c.leadPhone,
      c.direction,
      c.startedAt,
      c.fileName,
      c.contentType,
      c.originalKey,
      c.originalBytes,
      c.originalSha256,
      c.suppliedTranscript ? JSON.stringify(c.suppliedTranscript) : null,
      c.createdBy,
    ],
  );
  return rows[0] ? toCall(rows[0]) : null;
}

export async function updateCallStep(
  tx: TTx,
  callId: string,
  step: {
    status: TCallStatus;
    progress: number;
    reason?: string | null;
    audioKey?: string;
    durationSeconds?: number;
  },
): Promise<void> {
  await tx.client.query(
    `update calls set status = $2, progress = $3, status_reason = $4,
            audio_key = coalesce($5, audio_key), duration_seconds = coalesce($6, duration_seconds), updated_at = now()
      where id = $1`,
    [
      callId,
      step.status,
      step.progress,
      step.reason ?? null,
      step.audioKey ?? null,
      step.durationSeconds ?? null,
    ],
  );
}

export async function savePeaks(tx: TTx, callId: string, peaks: number[]): Promise<void> {
  await tx.client.query("update calls set peaks = $2 where id = $1", [callId, JSON.stringify(peaks)]);
}

export async function saveTranscript(
  tx: TTx,
  callId: string,
  transcript: { source: string; model: string | null; segments: TTranscriptSegment[] },
): Promise<void> {
  await tx.client.query(
    "update calls set transcript = $2, transcript_source = $3, transcript_model = $4 where id = $1",
    [callId, JSON.stringify({ segments: transcript.segments }), transcript.source, transcript.model],
  );
}

export async function findTranscript(tx: TTx, callId: string): Promise<TTranscriptSegment[] | null> {
  const { rows } = await tx.client.query<{ transcript: { segments: TTranscriptSegment[] } | null }>(
    "select transcript from calls where id = $1",
    [callId],
  );
  return rows[0]?.transcript?.segments ?? null;
}

/** Stores the analysis with the columns the list filters on copied out of it. */
export async function saveAnalysis(
  tx: TTx,
  callId: string,
  analysis: TCallAnalysis,
  engine: string,
): Promise<void> {
  const labels = [...new Set(analysis.objections.map((o) => o.label))];
  const categories = [...new Set(analysis.objections.map((o) => o.category))];
  await tx.client.query(
    `update calls set analysis = $2, analysis_engine = $3, analyzed_at = now(), outcome = $4,
            objection_labels = $5, objection_categories = $6, rep_talk_ratio = $7
      where id = $1`,
    [
      callId,
      JSON.stringify(analysis),
      engine,
      analysis.outcome.label,
      labels,
      categories,
      analysis.metrics.repTalkRatio,
    ],
  );
}
