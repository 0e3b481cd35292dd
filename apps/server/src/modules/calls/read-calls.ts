import {
  can,
  type TCallAnalysis,
  type TCallDetail,
  type TCallListItem,
  type TCallListPage,
  type TCallOutcome,
  type TTranscriptSegment,
  ZCallListQuery,
} from "@plaibook/shared";
import type { z } from "zod";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { callFromRow, type TCallBaseRow } from "./queries.js";
import { visibleCallsSql } from "./scope.js";

type TListRow = TCallBaseRow & {
  has_supplied_transcript: boolean;
  outcome: TCallOutcome | null;
  objection_categories: string[];
  objection_count: number;
  rep_talk_ratio: number | null;
};

const LIST_COLUMNS = `c.id, c.source, c.external_id, c.rep_user_id, coalesce(c.rep_name, u.name) as rep_name,
  c.lead_phone, c.direction, c.started_at, c.file_name, c.original_bytes, c.original_sha256, c.duration_seconds,
  c.status, c.status_reason, c.progress, c.supplied_transcript is not null as has_supplied_transcript,
  c.created_at, c.outcome, c.objection_categories, cardinality(c.objection_labels) as objection_count,
  c.rep_talk_ratio`;

const toListItem = (r: TListRow): TCallListItem => ({
  ...callFromRow(r),
  hasSuppliedTranscript: r.has_supplied_transcript,
  outcome: r.outcome,
  objectionCategories: r.objection_categories,
  objectionCount: Number(r.objection_count),
  repTalkRatio: r.rep_talk_ratio,
});

const ORDER_BY = {
  newest: "c.started_at desc, c.id desc",
  oldest: "c.started_at asc, c.id asc",
  longest: "c.duration_seconds desc nulls last, c.id desc",
  shortest: "c.duration_seconds asc nulls last, c.id asc",
} as const;

/** A page of the calls the actor may see, filtered on indexed columns, with the total for the pager. */
export async function listCalls(
  tx: TTx,
  actor: TActor,
  query: z.input<typeof ZCallListQuery>,
): Promise<TCallListPage> {
  const q = ZCallListQuery.parse(query);
  const params: unknown[] = [actor.userId];
  const where = [visibleCallsSql(actor, 1)];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (q.repUserId) add((p) => `c.rep_user_id = ${p}`, q.repUserId);
  if (q.from) add((p) => `c.started_at >= ${p}`, q.from);
  if (q.to) add((p) => `c.started_at < ${p}`, q.to);
  if (q.outcome) add((p) => `c.outcome = ${p}`, q.outcome);
  if (q.objection)
    q.objection.includes("/")
      ? add((p) => `c.objection_labels @> array[${p}::text]`, q.objection)
      : add((p) => `c.objection_categories @> array[${p}::text]`, q.objection);
  if (q.minDurationSeconds !== undefined) add((p) => `c.duration_seconds >= ${p}`, q.minDurationSeconds);
  if (q.maxDurationSeconds !== undefined) add((p) => `c.duration_seconds <= ${p}`, q.maxDurationSeconds);
  if (q.status) add((p) => `c.status = ${p}`, q.status);

  const from = `from calls c left join users u on u.id = c.rep_user_id where ${where.join(" and ")}`;
  const [page, count] = await Promise.all([
    tx.client.query<TListRow>(
      `select ${LIST_COLUMNS} ${from} order by ${ORDER_BY[q.sort]}
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
      params,
    ),
    tx.client.query<{ total: string }>(`select count(*) as total ${from}`, params),
  ]);
  return {
    items: page.rows.map(toListItem),
    total: Number(count.rows[0]?.total ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}

type TDetailRow = TListRow & {
  transcript: { segments: TTranscriptSegment[] } | null;
  transcript_source: string | null;
  transcript_model: string | null;
  analysis: TCallAnalysis | null;
  analysis_engine: string | null;
  peaks: number[] | null;
};

/** One call the actor may see, with its transcript and analysis; NOT_FOUND for the rest. */
export async function getCallDetail(
  tx: TTx,
  actor: TActor,
  callId: string,
): Promise<Omit<TCallDetail, "audioUrl">> {
  const { rows } = await tx.client.query<TDetailRow>(
    `select ${LIST_COLUMNS}, c.transcript, c.transcript_source, c.transcript_model, c.analysis,
            c.analysis_engine, c.peaks
       from calls c left join users u on u.id = c.rep_user_id
      where c.id = $2 and ${visibleCallsSql(actor, 1)}`,
    [actor.userId, callId],
  );
  const row = rows[0];
  if (!row) throw new AppError("NOT_FOUND", "Call not found");
  return {
    ...toListItem(row),
    transcript:
      row.transcript && row.transcript_source
        ? { source: row.transcript_source, model: row.transcript_model, segments: row.transcript.segments }
        : null,
    analysis: row.analysis,
    analysisEngine: row.analysis_engine,
    peaks: row.peaks,
  };
}

/** The people a call can be filed under (the rep filter, the upload form): the team, or just me. */
export async function listCallReps(tx: TTx, actor: TActor): Promise<{ id: string; name: string }[]> {
  const { rows } = await tx.client.query<{ id: string; name: string }>(
    can(actor.role, "calls.viewAll")
      ? "select u.id, u.name from users u where u.status <> 'invited' and $1::uuid is not null order by u.name"
      : "select u.id, u.name from users u where u.id = $1",
    [actor.userId],
  );
  return rows;
}
