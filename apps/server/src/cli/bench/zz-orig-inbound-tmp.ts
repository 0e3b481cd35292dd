import { randomBytes, randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type pg from "pg";
import { freePortFor } from "./free-port.js";
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
 */

const ACCOUNT_SID = `AC${"b".repeat(32)}`;
const PATH = "/webhooks/twilio/inbound";

type TLoadInput = {
  kind: "inbound-load";
  host: string;
  port: number;
  to: string;
  authToken: string;
  connections: number;
  warmupMs: number;
  measureMs: number;
  replayRate: number;
  tsx: string;
};

type TLoadProgress = { type: "progress"; phase: "warmup" | "measure"; elapsedMs: number; done: number };
type TLoadResult = {
  type: "result";
  /** Every MessageSid acknowledged with 200 (first sends only). */
  sids: string[];
  /** Ack latencies (ms) of requests started in the measured window. */
  latencies: number[];
  measuredMs: number;
  requests: number;
  replays: number;
  errors: number;
  statuses: Record<string, number>;
};

export async function benchInbound(options: Record<string, string>): Promise<boolean> {
  const seconds = positive(options.seconds, 30);
  const connections = positive(options.connections, 48);
  const replayRate = positive(options.replayPercent ?? options["replay-percent"], 2) / 100;
  const referenceSeconds = positive(
    options.referenceSeconds ?? options["reference-seconds"],
    Math.min(10, seconds),
  );

  const { loadConfig } = await import("../../platform/config.js");
  const { createLogger } = await import("../../platform/logger.js");
  const { startEmbeddedPostgres } = await import("../../platform/db/embedded.js");
  const { runProcess } = await import("../../process.js");

  const log = createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" });
  const given = loadConfig().DATABASE_URL;
  const cleanups: (() => Promise<void>)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => undefined);
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    let url = given;
    if (!url) {
      const dir = mkdtempSync(join(tmpdir(), "plaibook-bench-"));
      // mkdtemp makes it 700; as root, Postgres runs as `postgres` and must be able to enter it.
      chmodSync(dir, 0o755);
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      status("starting embedded Postgres…");
      const cluster = await startEmbeddedPostgres({
        clusterDir: join(dir, "pg"),
        port: await freePortFor(),
        database: "plaibook_bench",
        log,
        persistent: false,
      });
      cleanups.push(cluster.stop);
      url = cluster.url;
    }

    const authToken = randomBytes(16).toString("hex");
    const config = loadConfig({
      NODE_ENV: "production",
      DATABASE_URL: url,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      PLAIBOOK_DEMO: "0",
      JWT_SECRET: randomBytes(32).toString("hex"),
      SECRETS_KEY: randomBytes(32).toString("hex"),
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: authToken,
    });
    status("migrating and starting the api role…");
    // runProcess migrates (migrateDatabase) before it starts the queue and the HTTP server.
    const running = await runProcess({
      config,
      log,
      roles: { api: true, worker: false },
      migrate: true,
      seedDemo: false,
    });
    cleanups.push(async () => {
      // pg's Pool.end() returns before its sockets close; without a listener, Postgres stopping right
      // after would surface as an unhandled 'error' on the pool.
      const ignore = () => undefined;
      running.services.db.appPool.on("error", ignore);
      running.services.db.ownerPool.on("error", ignore);
      await running.stop();
    });
    const port = Number(new URL(running.url ?? "").port);
    const owner = running.services.db.ownerPool;

    const org = await createBenchOrg(owner, "Inbound bench");
    const refOrg = await createBenchOrg(owner, "Inbound bench reference");
    if (given) {
      cleanups.push(async () => {
        await owner.query("delete from pgboss.job where name = 'sms.inbound' and data->>'orgId' = any($1)", [
          [org.id, refOrg.id],
        ]);
        await owner.query("delete from organizations where id = any($1)", [[org.id, refOrg.id]]);
      });
    }

    status(`reference: bare pg, 8 connections, ${referenceSeconds}s…`);
    const reference = await measureReference(url, refOrg.id, referenceSeconds * 1000);

    const warmupMs = Math.min(3000, Math.max(1000, seconds * 100));
    const load = await runLoad(
      {
        kind: "inbound-load",
        host: "127.0.0.1",
        port,
        to: org.number,
        authToken,
        connections,
        warmupMs,
        measureMs: seconds * 1000,
        replayRate,
        tsx: import.meta.resolve("tsx/esm/api"),
      },
      seconds,
    );

    const stored = await owner.query<{ external_id: string }>(
      "select external_id from webhook_inbox where org_id = $1 and provider = 'twilio' and kind = 'inbound'",
      [org.id],
    );
    const { rows: jobRows } = await owner.query<{ n: number }>(
      "select count(*)::int as n from pgboss.job where name = 'sms.inbound' and data->>'orgId' = $1",
      [org.id],
    );
    const jobs = jobRows[0]?.n ?? 0;
    const storedIds = new Set(stored.rows.map((r) => r.external_id));
    const sent = new Set(load.sids);
    const lost = [...sent].filter((sid) => !storedIds.has(sid)).length;
    const unexpected = [...storedIds].filter((sid) => !sent.has(sid)).length;
    const duplicated = Math.max(0, stored.rows.length - sent.size) + Math.max(0, jobs - stored.rows.length);
    const missingJobs = Math.max(0, stored.rows.length - jobs);

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
      rss_mb: Math.round(peakRss / 1024 / 1024),
      lost: lost + missingJobs,
      duplicated,
      reference: round(reference, 1),
      ratio: round(throughput / reference, 3),
      p90_ms: percentile(sorted, 90),
      max_ms: percentile(sorted, 100),
      connections,
      requests: load.requests,
      replays: load.replays,
      unique_sids: sent.size,
      inbox_rows: stored.rows.length,
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

let peakRss = 0;
const sampleRss = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

function status(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}

/** An organisation with one Twilio number, written directly (no sign-up flow needed). */
async function createBenchOrg(owner: pg.Pool, name: string): Promise<{ id: string; number: string }> {
  const id = randomUUID();
  await owner.query("insert into organizations (id, name) values ($1, $2)", [id, name]);
  for (;;) {
    const number = `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
    const { rowCount } = await owner.query(
      "insert into phone_numbers (org_id, e164, provider, label) values ($1, $2, 'twilio', 'Bench') on conflict (e164) do nothing",
      [id, number],
    );
    if (rowCount) return { id, number };
  }
}

/**
 * The floor our flow is measured against: per message, the inbox row and the queued job in one
 * statement (one commit, synchronous_commit on), prepared, from 8 bare connections.
 */
async function measureReference(url: string, orgId: string, durationMs: number): Promise<number> {
  const { default: pgModule } = await import("pg");
  const clients = Array.from({ length: 8 }, () => new pgModule.Client({ connectionString: url }));
  await Promise.all(clients.map((c) => c.connect()));
  const text = `with i as (
      insert into webhook_inbox (org_id, provider, kind, external_id, payload)
      values ($1, 'twilio', 'inbound', $2, $3) on conflict (provider, kind, external_id) do nothing returning id)
    insert into pgboss.job (name, data) select 'sms.inbound', jsonb_build_object('orgId', $1::text, 'inboxId', i.id) from i`;
  let done = 0;
  let stop = false;
  const run = async (client: pg.Client) => {
    while (!stop) {
      const sid = `SM${randomBytes(16).toString("hex")}`;
      await client.query({
        name: "bench-reference",
        text,
        values: [orgId, sid, JSON.stringify(webhookParams(sid, "+12025550100", "+15550000000", "Reference"))],
      });
      done += 1;
    }
  };
  // A short warm-up, then the measured window.
  const warm = Promise.all(clients.map(run));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const startDone = done;
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  const count = done - startDone;
  const elapsed = performance.now() - started;
  stop = true;
  await warm;
  await Promise.all(clients.map((c) => c.end()));
  return count / (elapsed / 1000);
}

/** Runs the HTTP load in a worker thread, with a progress bar on a TTY. */
async function runLoad(input: TLoadInput, seconds: number): Promise<TLoadResult> {
  const bar = process.stderr.isTTY ? await progressBar(seconds) : null;
  const code = `import(${JSON.stringify(input.tsx)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  const worker = new Worker(code, { eval: true, workerData: input });
  const rss = setInterval(sampleRss, 200);
  try {
    return await new Promise<TLoadResult>((resolve, reject) => {
      worker.on("message", (message: TLoadProgress | TLoadResult) => {
        if (message.type === "progress") {
          const rate = message.elapsedMs > 0 ? Math.round(message.done / (message.elapsedMs / 1000)) : 0;
          bar?.update(message.phase === "measure" ? Math.min(seconds, message.elapsedMs / 1000) : 0, {
            phase: message.phase === "warmup" ? "warm-up" : "measure",
            rate,
          });
        } else resolve(message);
      });
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the load worker exited (${code}) before reporting`)));
    });
  } finally {
    clearInterval(rss);
    bar?.stop();
    await worker.terminate();
  }
}

async function progressBar(seconds: number) {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "inbound {phase} [{bar}] {value}/{total} s | {rate} msg/s",
      formatValue: (v, _o, type) => (type === "value" ? String(Math.round(v)) : String(v)),
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(seconds, 0, { phase: "warm-up", rate: 0 });
  return bar;
}

/** Twilio's inbound SMS parameters, as it posts them. */
function webhookParams(sid: string, from: string, to: string, body: string): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    Body: body,
    From: from,
    FromCity: "WASHINGTON",
    FromCountry: "US",
    FromState: "DC",
    FromZip: "20001",
    MessageSid: sid,
    NumMedia: "0",
    NumSegments: "1",
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: "received",
    To: to,
    ToCountry: "US",
  };
}

/** The worker thread: keep-alive connections posting signed webhooks as fast as they are acknowledged. */
async function loadWorker(input: TLoadInput): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const { default: twilio } = await import("twilio");
  const agent = new Agent({ keepAlive: true, maxSockets: input.connections });
  const url = `http://${input.host}:${input.port}${PATH}`;
  const bodies = [
    "Yes, I'm interested. What does it cost?",
    "Can you call me tomorrow after 3?",
    "Not right now, thanks",
    "How did you get my number?",
  ];
  const recent: { body: string; signature: string }[] = [];
  const sids: string[] = [];
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let requests = 0;
  let replays = 0;
  let errors = 0;
  let phase: "warmup" | "measure" | "done" = "warmup";
  let phaseStarted = performance.now();
  let measuredDone = 0;

  const post = (body: string, signature: string) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          agent,
          host: input.host,
          port: input.port,
          method: "POST",
          path: PATH,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            "x-twilio-signature": signature,
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", () => resolve(0));
        },
      );
      req.on("error", () => resolve(0));
      req.end(body);
    });

  const connection = async () => {
    while (phase !== "done") {
      let body: string;
      let signature: string;
      let sid: string | null = null;
      const replay = recent.length > 0 && Math.random() < input.replayRate;
      if (replay) {
        const previous = recent[Math.floor(Math.random() * recent.length)] as {
          body: string;
          signature: string;
        };
        ({ body, signature } = previous);
      } else {
        sid = `SM${randomBytes(16).toString("hex")}`;
        const from = `+1202${String(5_000_000 + Math.floor(Math.random() * 5000)).padStart(7, "0")}`;
        const params = webhookParams(sid, from, input.to, bodies[requests % bodies.length] as string);
        body = new URLSearchParams(params).toString();
        signature = twilio.getExpectedTwilioSignature(input.authToken, url, params);
      }
      const measured = phase === "measure";
      const started = performance.now();
      const code = await post(body, signature);
      const elapsed = performance.now() - started;
      requests += 1;
      if (replay) replays += 1;
      statuses[code] = (statuses[code] ?? 0) + 1;
      if (code !== 200) errors += 1;
      else if (sid) {
        sids.push(sid);
        if (recent.length < 2000) recent.push({ body, signature });
        else recent[Math.floor(Math.random() * recent.length)] = { body, signature };
      }
      if (measured && phase === "measure") {
        latencies.push(elapsed);
        measuredDone += 1;
      }
    }
  };

  const progress = setInterval(() => {
    port.postMessage({
      type: "progress",
      phase: phase === "done" ? "measure" : phase,
      elapsedMs: performance.now() - phaseStarted,
      done: phase === "warmup" ? requests : measuredDone,
    } satisfies TLoadProgress);
  }, 250);
  const loops = Array.from({ length: input.connections }, connection);
  await new Promise((resolve) => setTimeout(resolve, input.warmupMs));
  phase = "measure";
  phaseStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, input.measureMs));
  const measuredMs = performance.now() - phaseStarted;
  phase = "done";
  await Promise.all(loops);
  clearInterval(progress);
  agent.destroy();
  port.postMessage({
    type: "result",
    sids,
    latencies,
    measuredMs,
    requests,
    replays,
    errors,
    statuses,
  } satisfies TLoadResult);
}

if (!isMainThread && (workerData as TLoadInput | undefined)?.kind === "inbound-load") {
  void loadWorker(workerData as TLoadInput);
}
