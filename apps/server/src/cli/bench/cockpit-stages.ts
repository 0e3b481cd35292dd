import type pg from "pg";
import type { TSent } from "./cockpit-load.js";
import { percentile, round } from "./report.js";

/**
 * Where the time of a measured message goes, each stage in ms after the webhook was due (p50 and p99
 * over messages), from the database's own timestamps — Postgres and this bench read the same clock:
 * - ack: the api process answered the webhook (inbox row and job committed);
 * - job_created: the sms.inbound job row was written (the api's batched transaction);
 * - job_started: the worker fetched it (queue pickup: NOTIFY or poll, then the fetch);
 * - message_tx: the worker's transaction storing the message began (messages.created_at);
 * - job_completed: pg-boss marked it done (once its whole fetched batch finished);
 * - first_socket / last_socket: the first and the last of the organisation's sockets got it
 *   (publish after commit → pg_notify → both api processes → their sockets).
 */
export async function measureStages(
  owner: pg.Pool,
  measured: TSent[],
  arrivals: Map<string, { first: number; last: number }>,
): Promise<Record<string, { p50: number; p99: number }>> {
  const bySid = new Map(measured.map((s) => [s.sid, s]));
  const { rows } = await owner.query<{
    sid: string;
    job_created: number | null;
    job_started: number | null;
    job_completed: number | null;
    message_tx: number | null;
  }>(
    `select i.external_id as sid,
            extract(epoch from j.created_on) * 1000 as job_created,
            extract(epoch from j.started_on) * 1000 as job_started,
            extract(epoch from j.completed_on) * 1000 as job_completed,
            extract(epoch from m.created_at) * 1000 as message_tx
       from webhook_inbox i
       left join pgboss.job j on j.name = 'sms.inbound' and j.data->>'inboxId' = i.id::text
       left join messages m on m.provider = 'twilio' and m.provider_sid = i.external_id
      where i.provider = 'twilio' and i.kind = 'inbound' and i.external_id = any($1)`,
    [[...bySid.keys()]],
  );
  const stages: Record<string, number[]> = {
    ack: measured.map((s) => s.ackMs),
    job_created: [],
    job_started: [],
    message_tx: [],
    job_completed: [],
    first_socket: [],
    last_socket: [],
  };
  for (const row of rows) {
    const sent = bySid.get(row.sid);
    if (!sent) continue;
    for (const key of ["job_created", "job_started", "message_tx", "job_completed"] as const) {
      const at = row[key];
      if (at !== null) stages[key]?.push(Number(at) - sent.sentAt);
    }
    const span = arrivals.get(sent.token);
    if (span) {
      stages.first_socket?.push(span.first - sent.sentAt);
      stages.last_socket?.push(span.last - sent.sentAt);
    }
  }
  return Object.fromEntries(
    Object.entries(stages).map(([name, values]) => {
      const sorted = values.sort((a, b) => a - b);
      return [name, { p50: round(percentile(sorted, 50), 1), p99: round(percentile(sorted, 99), 1) }];
    }),
  );
}

/**
 * Samples Postgres every 100 ms while the load runs: the round trip of `select 1` (how long any
 * statement waits to be served) and what the other sessions of this database are doing — on CPU
 * (`active`, no wait event), or waiting and on what (a lock, WAL fsync, the NOTIFY queue, a client).
 */
export function sampleDatabase(owner: pg.Pool) {
  const pings: number[] = [];
  const waits = new Map<string, number>();
  let samples = 0;
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const started = performance.now();
      const { rows } = await owner.query<{ what: string; n: number }>(
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'running')
                     else state end as what, count(*)::int as n
           from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
          group by 1`,
      );
      pings.push(performance.now() - started);
      samples += 1;
      for (const row of rows) waits.set(row.what, (waits.get(row.what) ?? 0) + row.n);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      await loop.catch(() => undefined);
      const sorted = pings.sort((a, b) => a - b);
      // Sessions in each state, on average over the samples (idle ones left out).
      const sessions = Object.fromEntries(
        [...waits.entries()]
          .filter(([what]) => what !== "idle")
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([what, n]) => [what, round(n / Math.max(1, samples), 2)]),
      );
      return { ping_p50_ms: percentile(sorted, 50), ping_p99_ms: percentile(sorted, 99), sessions };
    },
  };
}
