import type pg from "pg";
import { runLoad } from "./inbound-load.js";
import { measureReference } from "./inbound-reference.js";
import { startInboundTarget, status, type TCleanups } from "./inbound-setup.js";
import { percentile, printReport, round } from "./report.js";

/**
 * `plaibook bench inbound`: signed Twilio inbound webhooks over loopback HTTP against the api role
 * (verify → find the org → inbox row + sms.inbound job in one transaction → 200 TwiML).
 *
 * The load runs in a worker thread (its own event loop, so it does not steal the server's); the
 * server, Postgres and the load share this machine's cores, as they would on a small VM. The
 * reference is the same two rows per message written by a bare `pg` client, 8 connections.
 *
 * Options: --seconds (default 30), --connections (48), --replay-percent (2), --reference-seconds (10).
 *
 * Pieces: inbound-setup.ts (Postgres, the api role, the organisations), inbound-reference.ts (the
 * bare-pg reference), inbound-load.ts (the load generator and its worker thread).
 */
export async function benchInbound(options: Record<string, string>): Promise<boolean> {
  const seconds = positive(options.seconds, 30);
  const connections = positive(options.connections, 48);
  const replayRate = positive(options.replayPercent ?? options["replay-percent"], 2) / 100;
  const referenceSeconds = positive(
    options.referenceSeconds ?? options["reference-seconds"],
    Math.min(10, seconds),
  );

  const cleanups: TCleanups = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const { url, port, owner, authToken, org, refOrg } = await startInboundTarget(cleanups);

    status(`reference: bare pg, 8 connections, ${referenceSeconds}s…`);
    const reference = await measureReference(url, refOrg.id, referenceSeconds * 1000);

    const warmupMs = Math.min(3000, Math.max(1000, seconds * 100));
    const load = await runLoad(
      {
        host: "127.0.0.1",
        port,
        to: org.number,
        authToken,
        connections,
        warmupMs,
        measureMs: seconds * 1000,
        replayRate,
      },
      seconds,
    );

    const { uniqueSids, inboxRows, jobs, lost, unexpected, duplicated, missingJobs } = await checkStored(
      owner,
      org.id,
      load.sids,
    );
    const sorted = load.latencies.slice().sort((a, b) => a - b);
    const throughput = load.latencies.length / (load.measuredMs / 1000);
    const ok = load.errors === 0 && lost === 0 && duplicated === 0 && missingJobs === 0 && unexpected === 0;
    printReport({
      bench: "inbound",
      ok,
      n: load.latencies.length,
      duration_s: round(load.measuredMs / 1000, 1),
      throughput: round(throughput, 1),
      p50_ms: percentile(sorted, 50),
      p99_ms: percentile(sorted, 99),
      rss_mb: Math.round(load.peakRss / 1024 / 1024),
      lost: lost + missingJobs,
      duplicated,
      reference: round(reference, 1),
      ratio: round(throughput / reference, 3),
      p90_ms: percentile(sorted, 90),
      max_ms: percentile(sorted, 100),
      connections,
      requests: load.requests,
      replays: load.replays,
      unique_sids: uniqueSids,
      inbox_rows: inboxRows,
      jobs,
      errors: load.errors,
      ...(load.errors > 0 ? { statuses: load.statuses } : {}),
      target_met: throughput >= 1000 && percentile(sorted, 99) < 25,
    });
    return ok;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/** Compares the acknowledged MessageSids with the inbox rows and sms.inbound jobs actually stored. */
async function checkStored(owner: pg.Pool, orgId: string, sids: string[]) {
  const stored = await owner.query<{ external_id: string }>(
    "select external_id from webhook_inbox where org_id = $1 and provider = 'twilio' and kind = 'inbound'",
    [orgId],
  );
  const { rows: jobRows } = await owner.query<{ n: number }>(
    "select count(*)::int as n from pgboss.job where name = 'sms.inbound' and data->>'orgId' = $1",
    [orgId],
  );
  const jobs = jobRows[0]?.n ?? 0;
  const storedIds = new Set(stored.rows.map((r) => r.external_id));
  const sent = new Set(sids);
  const lost = [...sent].filter((sid) => !storedIds.has(sid)).length;
  const unexpected = [...storedIds].filter((sid) => !sent.has(sid)).length;
  const duplicated = Math.max(0, stored.rows.length - sent.size) + Math.max(0, jobs - stored.rows.length);
  const missingJobs = Math.max(0, stored.rows.length - jobs);
  return {
    uniqueSids: sent.size,
    inboxRows: stored.rows.length,
    jobs,
    lost,
    unexpected,
    duplicated,
    missingJobs,
  };
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}
