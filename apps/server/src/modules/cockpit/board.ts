import {
  BOARD_LIMIT,
  type TBoard,
  type TBoardChanges,
  type TBoardCounts,
  type TBoardFilter,
  type TBoardRow,
  type TBoardSort,
  type TBoardStatus,
  ZBoardFilter,
} from "@plaibook/shared";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import {
  CONVERSATION_COLUMNS,
  CONVERSATION_FROM,
  type TConversationRow,
  toConversation,
} from "../messaging/queries.js";
import { visibleConversationsSql } from "./scope.js";

/**
 * A client that was away asks for what changed since its last read. `updated_at` is stamped when a
 * change is made, not when it commits, so a change still in flight at the read would be missed
 * without this overlap; fetching a row twice is harmless.
 */
const CHANGES_OVERLAP_MS = 30_000;

type TBoardRowSql = TConversationRow & {
  board_status: TBoardStatus;
  sentiment: number | null;
  waiting_since: Date | null;
  updated_at: Date;
};

/** The board's status of a conversation, most urgent first (see BOARD_STATUSES). */
const BOARD_STATUS_SQL = `case when c.escalated_at is not null then 'escalated'
  when exists (select 1 from messages d where d.conversation_id = c.id and d.status = 'draft') then 'needs_approval'
  when c.control = 'human' then 'human' else 'ai' end`;

const SENTIMENT_SQL = "(c.sentiment_trend ->> -1)::float8";

/** The lead's last message, when nothing has answered it yet: how long the lead has been waiting. */
const WAITING_SQL = `(select case when m.direction = 'inbound' then m.created_at end from messages m
           where m.conversation_id = c.id and m.status not in ('draft', 'rejected')
           order by m.created_at desc, m.id desc limit 1)`;

const SELECT = `select ${CONVERSATION_COLUMNS}, b.board_status,
         ${SENTIMENT_SQL} as sentiment, c.updated_at, ${WAITING_SQL} as waiting_since
    from ${CONVERSATION_FROM}
    cross join lateral (select ${BOARD_STATUS_SQL} as board_status) b`;

/** To the millisecond, as the client sees times (ISO strings); ties then fall to the id on both sides. */
const ms = (expression: string) => `date_trunc('milliseconds', ${expression})`;
const RECENT = `${ms("c.last_message_at")} desc nulls last, c.id`;

const ORDER_BY: Record<TBoardSort, string> = {
  recent: RECENT,
  waiting: `array_position(array['escalated','needs_approval','human','ai'], b.board_status),
            ${ms(`coalesce(c.escalated_at, ${WAITING_SQL})`)} nulls last, ${RECENT}`,
  sentiment: `${SENTIMENT_SQL} nulls last, ${RECENT}`,
  // Rounded as toConversation rounds it.
  adherence: `round(c.adherence_sum::numeric / nullif(c.agent_turns_analyzed, 0), 1) nulls last, ${RECENT}`,
  cost: `c.cost_micros desc, ${RECENT}`,
};

/**
 * The WHERE clause for a filter, parameters from `$1`. `withStatus: false` leaves the status out, for
 * the counters (each counter shows how many of the other filters' rows have that status).
 */
function whereFor(
  actor: TActor,
  filter: TBoardFilter,
  withStatus: boolean,
): { sql: string; params: unknown[] } {
  const f = ZBoardFilter.parse(filter);
  const params: unknown[] = [actor.userId];
  const add = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = [visibleConversationsSql(actor, 1)];
  if (!f.includeClosed) where.push("c.status in ('open', 'awaiting_reply')");
  if (f.campaignId) where.push(`c.campaign_id = ${add(f.campaignId)}`);
  if (f.stage) where.push(`c.current_stage = ${add(f.stage)}`);
  if (f.escalated !== undefined) where.push(`(c.escalated_at is not null) = ${add(f.escalated)}`);
  if (f.mine) where.push("(c.assigned_to = $1 or c.controlled_by = $1)");
  if (f.sentiment === "negative") where.push(`${SENTIMENT_SQL} <= -0.25`);
  if (f.sentiment === "positive") where.push(`${SENTIMENT_SQL} >= 0.25`);
  if (f.sentiment === "neutral") where.push(`${SENTIMENT_SQL} > -0.25 and ${SENTIMENT_SQL} < 0.25`);
  if (withStatus && f.status) where.push(`b.board_status = ${add(f.status)}`);
  return { sql: where.join(" and "), params };
}

const toBoardRow = (r: TBoardRowSql): TBoardRow => ({
  ...toConversation(r),
  boardStatus: r.board_status,
  sentiment: r.sentiment,
  waitingSince: r.waiting_since?.toISOString() ?? null,
  updatedAt: r.updated_at.toISOString(),
});

async function countByStatus(tx: TTx, actor: TActor, filter: TBoardFilter): Promise<TBoardCounts> {
  const where = whereFor(actor, filter, false);
  // The status once per row (the FILTER clauses would each re-evaluate it), then counted.
  const { rows } = await tx.client.query<{ board_status: TBoardStatus; n: number }>(
    `select b.board_status, count(*)::int as n
       from conversations c
       left join campaigns cp on cp.id = c.campaign_id
       cross join lateral (select ${BOARD_STATUS_SQL} as board_status) b
      where ${where.sql}
      group by b.board_status`,
    where.params,
  );
  const counts: TBoardCounts = { all: 0, escalated: 0, needs_approval: 0, human: 0, ai: 0 };
  for (const row of rows) {
    counts[row.board_status] = row.n;
    counts.all += row.n;
  }
  return counts;
}

async function serverTime(tx: TTx): Promise<string> {
  const { rows } = await tx.client.query<{ now: Date }>("select clock_timestamp() as now");
  return (rows[0] as { now: Date }).now.toISOString();
}

/** The live board: the conversations matching the filter, in its order, with counters per status. */
export async function loadBoard(tx: TTx, actor: TActor, filter: TBoardFilter): Promise<TBoard> {
  const asOf = await serverTime(tx);
  const sort = ZBoardFilter.parse(filter).sort;
  const where = whereFor(actor, filter, true);
  const { rows } = await tx.client.query<TBoardRowSql>(
    `${SELECT} where ${where.sql} order by ${ORDER_BY[sort]} limit ${BOARD_LIMIT + 1}`,
    where.params,
  );
  // ORDER_BY is compareBoardRows in SQL (a test holds them to the same order).
  const boardRows = rows.slice(0, BOARD_LIMIT).map(toBoardRow);
  return {
    rows: boardRows,
    counts: await countByStatus(tx, actor, filter),
    asOf,
    truncated: rows.length > BOARD_LIMIT,
  };
}

/**
 * Rows for live updates: the given conversations (after events) or those changed since a time (after a
 * reconnect). A row that no longer matches the filter — or that the actor may no longer see — comes
 * back in `removedIds`.
 */
export async function loadBoardChanges(
  tx: TTx,
  actor: TActor,
  input: { filter: TBoardFilter; ids?: string[] | undefined; since?: string | undefined },
): Promise<TBoardChanges> {
  const asOf = await serverTime(tx);
  const where = whereFor(actor, input.filter, true);
  const candidates = input.ids
    ? input.ids
    : (
        await tx.client.query<{ id: string }>(
          `select id from conversations where updated_at >= $1::timestamptz - make_interval(secs => $2)
            order by updated_at desc limit $3`,
          [input.since ?? asOf, CHANGES_OVERLAP_MS / 1000, BOARD_LIMIT],
        )
      ).rows.map((r) => r.id);
  const params = [...where.params, candidates];
  const { rows } = await tx.client.query<TBoardRowSql>(
    `${SELECT} where c.id = any($${params.length}::uuid[]) and ${where.sql}`,
    params,
  );
  const matched = new Set(rows.map((r) => r.id));
  return {
    rows: rows.map(toBoardRow),
    removedIds: candidates.filter((id) => !matched.has(id)),
    counts: await countByStatus(tx, actor, input.filter),
    asOf,
  };
}
