import type pg from "pg";
import { CALL_QUEUES } from "../../modules/calls/pipeline.js";
import { percentile, round } from "./report.js";

/**
 * What `plaibook bench calls` reads back from Postgres (the owner pool, past RLS): where the calls
 * stand, each one's latency, whether each was analysed exactly once, and where the time went per
 * pipeline step (pg-boss's own started/completed times).
 */

export type TCallCounts = { total: number; analyzed: number; failed: number; waiting: number; done: number };

export async function callCounts(owner: pg.Pool, orgId: string): Promise<TCallCounts> {
  const { rows } = await owner.query<{ status: string; n: number }>(
    "select status, count(*)::int as n from calls where org_id = $1 group by status",
    [orgId],
  );
  const of = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  const total = rows.reduce((sum, r) => sum + r.n, 0);
  const analyzed = of("analyzed");
  const failed = of("failed");
  const waiting = of("needs_transcript");
  return { total, analyzed, failed, waiting, done: analyzed + failed + waiting };
}

export type TCallResults = {
  /** analyzed_at − created_at (the upload recorded), ms, sorted. */
  latenciesMs: number[];
  /** The last call's analyzed_at, epoch ms. */
  lastAnalyzedAt: number | null;
  /** Uploads answered 201 whose call is not analysed (failed, waiting, stuck or missing). */
  notAnalyzed: number;
  /** Reasons of failed or waiting calls, counted. */
  reasons: Record<string, number>;
  /** Calls with more than one analysis on the ledger. */
  duplicated: number;
  /** Analysed calls with no line on the ledger. */
  unbilled: number;
  ledgerLines: number;
  /** Rows in `calls` beyond the distinct external ids uploaded. */
  extraRows: number;
};

export async function callResults(owner: pg.Pool, orgId: string, uploaded: string[]): Promise<TCallResults> {
  const { rows } = await owner.query<{
    id: string;
    external_id: string;
    status: string;
    status_reason: string | null;
    latency_ms: number | null;
    analyzed_ms: number | null;
    ledger: number;
  }>(
    `select c.id, c.external_id, c.status, c.status_reason,
            extract(epoch from (c.analyzed_at - c.created_at)) * 1000 as latency_ms,
            extract(epoch from c.analyzed_at) * 1000 as analyzed_ms,
            (select count(*)::int from usage_ledger u
              where u.org_id = c.org_id and u.ref_type = 'call_analysis' and u.ref_id = c.id) as ledger
       from calls c where c.org_id = $1`,
    [orgId],
  );
  const byExternal = new Map(rows.map((r) => [r.external_id, r]));
  const reasons: Record<string, number> = {};
  let notAnalyzed = 0;
  for (const externalId of uploaded) {
    const row = byExternal.get(externalId);
    if (row?.status === "analyzed") continue;
    notAnalyzed += 1;
    const reason = row ? `${row.status}: ${row.status_reason ?? "-"}` : "missing";
    reasons[reason] = (reasons[reason] ?? 0) + 1;
  }
  const analyzed = rows.filter((r) => r.status === "analyzed");
  return {
    latenciesMs: analyzed.map((r) => Number(r.latency_ms)).sort((a, b) => a - b),
    lastAnalyzedAt: analyzed.length > 0 ? Math.max(...analyzed.map((r) => Number(r.analyzed_ms))) : null,
    notAnalyzed,
    reasons,
    duplicated: rows.filter((r) => r.ledger > 1).length,
    unbilled: analyzed.filter((r) => r.ledger === 0).length,
    ledgerLines: rows.reduce((sum, r) => sum + r.ledger, 0),
    extraRows: Math.max(0, rows.length - new Set(uploaded).size),
  };
}

export type TStepTimes = Record<
  string,
  {
    jobs: number;
    /** Jobs run more than once (retried after an error or an expiry). */
    retried: number;
    run_avg_s: number;
    run_p50_s: number;
    run_p99_s: number;
    /** Waiting in the queue before a worker took it. */
    wait_avg_s: number;
  }
>;

/** Per pipeline step, from pg-boss's job rows: how long each job ran and how long it waited for a worker. */
export async function stepTimes(owner: pg.Pool, orgId: string): Promise<TStepTimes> {
  const { rows } = await owner.query<{ name: string; run_ms: number; wait_ms: number; retry_count: number }>(
    `select name, extract(epoch from (completed_on - started_on)) * 1000 as run_ms,
            extract(epoch from (started_on - created_on)) * 1000 as wait_ms, retry_count
       from pgboss.job
      where name = any($1) and data->>'orgId' = $2 and state = 'completed'`,
    [Object.values(CALL_QUEUES), orgId],
  );
  const steps: TStepTimes = {};
  for (const [step, queue] of Object.entries(CALL_QUEUES)) {
    const jobs = rows.filter((r) => r.name === queue);
    const run = jobs.map((r) => Number(r.run_ms)).sort((a, b) => a - b);
    const wait = jobs.map((r) => Number(r.wait_ms));
    const avg = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);
    steps[step] = {
      jobs: jobs.length,
      retried: jobs.filter((r) => r.retry_count > 0).length,
      run_avg_s: round(avg(run) / 1000, 3),
      run_p50_s: round(percentile(run, 50) / 1000, 3),
      run_p99_s: round(percentile(run, 99) / 1000, 3),
      wait_avg_s: round(avg(wait) / 1000, 2),
    };
  }
  return steps;
}
