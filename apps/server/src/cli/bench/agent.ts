import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import pg from "pg";
import { receiveInbound } from "../../modules/messaging/receive-message.js";
import { DEMO_PLAYBOOKS } from "../../modules/playbooks/demo-playbooks.js";
import { loadConfig } from "../../platform/config.js";
import { startEmbeddedPostgres } from "../../platform/db/embedded.js";
import { createLogger } from "../../platform/logger.js";
import { runProcess } from "../../process.js";
import { freePortFor } from "./free-port.js";
import { percentile, printReport, round } from "./report.js";

/** What leads say in the bench: questions, objections, times, interest — the agent's everyday mix. */
const LEAD_TEXTS = [
  "how much is it?",
  "is it safe for my dog?",
  "honestly that's too expensive for us",
  "can you do thursday at 10?",
  "yes please, sounds good",
  "how long does a visit take?",
  "we already have a pest company",
  "what about next monday afternoon?",
  "are you guys licensed?",
  "maybe later this month",
];

/**
 * `plaibook bench agent`: lead messages arrive at a steady rate (the inbound path a carrier's webhook
 * job or the Sandbox takes: stored, compliance-checked, agent.reply + overseer.turn queued) and the
 * worker answers them with the offline engine — reply drafted, compliance gate, reply queued for
 * sending, Overseer verdicts on both turns. Latency is inbound stored → reply queued, from the
 * database's own clock. Each conversation gets a new message only after ten seconds, so no message
 * is skipped for a newer one. The reference is the same rows written by a bare `pg` client.
 *
 * Options: --rate (turns/s offered, default 400), --seconds (default 20), --reference-seconds (5).
 */
export async function benchAgent(options: Record<string, string>): Promise<boolean> {
  const rate = positive(options.rate, 400);
  const seconds = positive(options.seconds, 20);
  const referenceSeconds = positive(options.referenceSeconds ?? options["reference-seconds"], 5);
  const dir = mkdtempSync(join(tmpdir(), "plaibook-bench-"));
  chmodSync(dir, 0o755);
  const log = createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" });
  const given = loadConfig().DATABASE_URL;
  const cluster = given
    ? null
    : await startEmbeddedPostgres({
        clusterDir: join(dir, "pg"),
        port: await freePortFor(),
        database: "bench",
        log,
        persistent: false,
      });
  const config = loadConfig({
    DATABASE_URL: given ?? cluster?.url,
    JWT_SECRET: randomBytes(32).toString("hex"),
    SECRETS_KEY: randomBytes(32).toString("hex"),
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    PLAIBOOK_DEMO: "0",
    SANDBOX_DELIVERY_DELAY_MS: "0",
    ...(options.pool ? { DATABASE_POOL_SIZE: options.pool } : {}),
    ...(options.queues ? { WORKER_QUEUES: options.queues } : {}),
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const running = await runProcess({
    config,
    log,
    roles: { api: false, worker: true },
    migrate: true,
    seedDemo: false,
  });
  const { app } = running.services;
  try {
    const total = Math.round(rate * seconds);
    const conversations = Math.max(Math.round(rate * 10), Math.min(total, 1000));
    status(`setting up ${conversations} conversations…`);
    const setup = await setUp(app.db.ownerPool, conversations);

    status("reference: bare pg, 8 connections…");
    const reference = await measureReference(app.db.ownerPool, setup, referenceSeconds * 1000);

    const bar = process.stderr.isTTY
      ? new SingleBar({ format: "Agent |{bar}| {value}/{total} turns answered" })
      : null;
    bar?.start(total, 0);
    const started = performance.now();
    let sent = 0;
    let failed = 0;
    const inFlight = new Set<Promise<void>>();
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
      while (sent < due) {
        const lead = setup.leads[sent % setup.leads.length];
        if (!lead) break;
        // Each pass over the conversations shifts the text, so a conversation hears a different line each time.
        const text = LEAD_TEXTS[(sent + Math.floor(sent / setup.leads.length)) % LEAD_TEXTS.length] ?? "ok";
        sent += 1;
        const work = receiveInbound(app, {
          orgId: setup.orgId,
          provider: "sandbox",
          sid: `SMbench${randomBytes(12).toString("hex")}`,
          from: lead.phone,
          to: setup.number,
          body: text,
        })
          .then(() => undefined)
          .catch(() => {
            failed += 1;
          });
        inFlight.add(work);
        void work.finally(() => inFlight.delete(work));
      }
      if (bar && sent % 50 === 0) bar.update(await answered(app.db.ownerPool, setup.orgId));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(inFlight);
    // Wait for the queue to drain: every inbound answered (or escalated) and judged, both turns.
    const deadline = Date.now() + 120_000;
    let done = await progress(app.db.ownerPool, setup.orgId);
    while (Date.now() < deadline && (done.pending > 0 || done.unjudged > 0)) {
      bar?.update(done.answered);
      await new Promise((resolve) => setTimeout(resolve, 250));
      done = await progress(app.db.ownerPool, setup.orgId);
    }
    bar?.update(done.answered);
    bar?.stop();

    const { rows } = await app.db.ownerPool.query<{
      latency_ms: number;
      first_in: Date;
      last_reply: Date;
      replies: number;
    }>(
      `select extract(epoch from (r.created_at - m.created_at)) * 1000 as latency_ms,
              min(m.created_at) over () as first_in, max(r.created_at) over () as last_reply,
              (select count(*) from messages x where x.reply_to_message_id = m.id)::int as replies
         from messages m join messages r on r.reply_to_message_id = m.id
        where m.org_id = $1 and m.direction = 'inbound'`,
      [setup.orgId],
    );
    const latencies = rows.map((r) => Number(r.latency_ms)).sort((a, b) => a - b);
    const first = rows[0];
    const windowS = first ? (first.last_reply.getTime() - first.first_in.getTime()) / 1000 : 0;
    const throughput = windowS > 0 ? rows.length / windowS : 0;
    const duplicated = rows.filter((r) => r.replies > 1).length;
    const lost = done.pending + failed;
    const ok = lost === 0 && duplicated === 0 && done.unjudged === 0;
    printReport({
      bench: "agent",
      ok,
      n: rows.length,
      duration_s: round(windowS, 1),
      throughput: round(throughput, 1),
      p50_ms: percentile(latencies, 50),
      p99_ms: percentile(latencies, 99),
      rss_mb: Math.round(peakRss / 1_048_576),
      lost,
      duplicated,
      reference: round(reference, 1),
      ratio: round(throughput / reference, 3),
      offered_rate: rate,
      inbound: sent,
      escalated_without_reply: done.escalatedSilent,
      turn_analyses: done.analyses,
      unjudged: done.unjudged,
      max_ms: percentile(latencies, 100),
      target_met: throughput >= 300 && percentile(latencies, 99) < 100,
    });
    return ok;
  } finally {
    clearInterval(sampler);
    await running.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

type TSetup = { orgId: string; campaignId: string; number: string; leads: { id: string; phone: string }[] };

async function setUp(owner: pg.Pool, count: number): Promise<TSetup> {
  const demo = DEMO_PLAYBOOKS[0];
  if (!demo) throw new Error("no demo playbook");
  const orgId = randomUUID();
  const number = "+15550000101";
  await owner.query(
    "insert into organizations (id, name, calendar_settings) values ($1, 'Agent Bench Pest', $2)",
    [
      orgId,
      JSON.stringify({
        timeZone: "America/Chicago",
        days: [1, 2, 3, 4, 5, 6, 7],
        start: "07:00",
        end: "20:00",
      }),
    ],
  );
  await owner.query("insert into phone_numbers (org_id, e164, provider) values ($1, $2, 'sandbox')", [
    orgId,
    number,
  ]);
  const { rows: pb } = await owner.query<{ id: string }>(
    "insert into playbooks (org_id, name, current_version) values ($1, $2, 1) returning id",
    [orgId, demo.name],
  );
  const { rows: v } = await owner.query<{ id: string }>(
    "insert into playbook_versions (org_id, playbook_id, version, content) values ($1, $2, 1, $3) returning id",
    [orgId, pb[0]?.id, JSON.stringify(demo.content)],
  );
  const { rows: c } = await owner.query<{ id: string }>(
    `insert into campaigns (org_id, name, status, playbook_id, playbook_version_id, business_hours, sending_numbers,
                            per_number_per_minute, per_campaign_per_minute, follow_up_days, first_message_footer, launched_at)
     values ($1, 'Agent bench', 'active', $2, $3, $4, array[$5], 100000, 100000, array[]::int[], 'Reply STOP to opt out.', now())
     returning id`,
    [
      orgId,
      pb[0]?.id,
      v[0]?.id,
      JSON.stringify({
        days: [1, 2, 3, 4, 5, 6, 7],
        start: "00:00",
        end: "23:59",
        timeZone: "America/Chicago",
      }),
      number,
    ],
  );
  const campaignId = c[0]?.id as string;
  const { rows: leads } = await owner.query<{ id: string; phone: string }>(
    `with l as (
       insert into leads (org_id, phone, first_name, last_name, time_zone, time_zone_source)
       select $1, '+1312' || lpad(g::text, 7, '0'), 'Lead' || g, 'Bench', 'America/Chicago', 'column'
         from generate_series(1, $2) g returning id, phone),
     cl as (insert into campaign_leads (org_id, campaign_id, lead_id, stage) select $1, $3, id, 'contacted' from l),
     cv as (
       insert into conversations (org_id, campaign_id, lead_id, lead_phone, our_number, last_message_at)
       select $1, $3, id, phone, $4, now() from l returning id, lead_id, lead_phone)
     insert into messages (org_id, conversation_id, campaign_id, lead_id, direction, kind, touch_index, body, status,
                           from_number, to_number, provider, segments, author)
     select $1, cv.id, $3, cv.lead_id, 'outbound', 'first_touch', 0,
            'Hi, it''s Sam from Agent Bench Pest. Time for your quarterly service — want a slot this week? Reply STOP to opt out.',
            'delivered', $4, cv.lead_phone, 'sandbox', 1, 'system'
       from cv returning lead_id as id, to_number as phone`,
    [orgId, count, campaignId, number],
  );
  return { orgId, campaignId, number, leads };
}

async function answered(owner: pg.Pool, orgId: string): Promise<number> {
  const { rows } = await owner.query<{ n: number }>(
    "select count(*)::int as n from messages where org_id = $1 and author = 'ai'",
    [orgId],
  );
  return rows[0]?.n ?? 0;
}

/** Inbound messages still waiting for the agent, and turns the Overseer has not judged yet. */
async function progress(owner: pg.Pool, orgId: string) {
  const { rows } = await owner.query<{
    answered: number;
    pending: number;
    escalated_silent: number;
    unjudged: number;
    analyses: number;
  }>(
    `select
       (select count(*)::int from messages where org_id = $1 and author = 'ai') as answered,
       (select count(*)::int from messages m join conversations v on v.id = m.conversation_id
         where m.org_id = $1 and m.direction = 'inbound' and v.control = 'ai'
           and not exists (select 1 from messages r where r.reply_to_message_id = m.id)) as pending,
       (select count(*)::int from messages m join conversations v on v.id = m.conversation_id
         where m.org_id = $1 and m.direction = 'inbound' and v.control = 'human'
           and not exists (select 1 from messages r where r.reply_to_message_id = m.id)) as escalated_silent,
       (select count(*)::int from messages m where m.org_id = $1 and (m.direction = 'inbound' or m.author = 'ai')
           and not exists (select 1 from turn_analyses a where a.message_id = m.id)) as unjudged,
       (select count(*)::int from turn_analyses where org_id = $1) as analyses`,
    [orgId],
  );
  const r = rows[0];
  return {
    answered: r?.answered ?? 0,
    pending: r?.pending ?? 0,
    escalatedSilent: r?.escalated_silent ?? 0,
    unjudged: r?.unjudged ?? 0,
    analyses: r?.analyses ?? 0,
  };
}

/**
 * The rows one turn writes, by a bare `pg` client on 8 connections: the inbound message, the reply,
 * two verdicts and the conversation update, in one transaction per turn.
 */
async function measureReference(owner: pg.Pool, setup: TSetup, ms: number): Promise<number> {
  const pool = new pg.Pool({
    connectionString: (owner.options as { connectionString?: string }).connectionString,
    max: 8,
  });
  const orgId = setup.orgId;
  const { rows: convs } = await pool.query<{ id: string; lead_id: string; lead_phone: string }>(
    "select id, lead_id, lead_phone from conversations where org_id = $1 limit 200",
    [orgId],
  );
  const deadline = performance.now() + ms;
  let turns = 0;
  const worker = async (w: number) => {
    const client = await pool.connect();
    try {
      for (let i = w; performance.now() < deadline; i += 8) {
        const conv = convs[i % convs.length];
        if (!conv) break;
        await client.query("begin");
        const { rows: inbound } = await client.query<{ id: string }>(
          `insert into messages (org_id, conversation_id, lead_id, direction, kind, body, status, from_number, to_number, provider, provider_sid, segments, author)
           values ($1, $2, $3, 'inbound', 'reply', 'how much is it?', 'received', $4, $5, 'reference', $6, 1, 'lead') returning id`,
          [orgId, conv.id, conv.lead_id, conv.lead_phone, setup.number, randomUUID()],
        );
        const { rows: reply } = await client.query<{ id: string }>(
          `insert into messages (org_id, conversation_id, lead_id, direction, kind, body, status, from_number, to_number, provider, segments, author, reply_to_message_id)
           values ($1, $2, $3, 'outbound', 'reply', 'Quarterly service is $129 per visit.', 'queued', $4, $5, 'reference', 1, 'ai', $6) returning id`,
          [orgId, conv.id, conv.lead_id, setup.number, conv.lead_phone, inbound[0]?.id],
        );
        for (const [id, direction] of [
          [inbound[0]?.id, "inbound"],
          [reply[0]?.id, "outbound"],
        ] as const)
          await client.query(
            `insert into turn_analyses (org_id, conversation_id, message_id, turn_index, direction, stage, sentiment, escalate, adherence, violations, summary, model, latency_ms)
             values ($1, $2, $3, 0, $4, 'qualify', 0, false, 100, '[]', 'Reference turn', 'reference', 0)`,
            [orgId, conv.id, id, direction],
          );
        await client.query("update conversations set agent_state = '{}' where id = $1", [conv.id]);
        await client.query("commit");
        turns += 1;
      }
    } finally {
      client.release();
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  const elapsed = (performance.now() - started) / 1000;
  await pool.query("delete from turn_analyses where model = 'reference'").catch(() => undefined);
  await pool.query("delete from messages where provider = 'reference'");
  await pool.end();
  return turns / elapsed;
}

function status(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}
