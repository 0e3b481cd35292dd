import { randomBytes } from "node:crypto";
import { startClients, type TReceipts } from "./cockpit-clients.js";
import { createSender, produceSteadily, type TSent, wallNow } from "./cockpit-load.js";
import { cpuPercent, cpuSnapshot, peakRssMb, spawnServer, waitHealthy } from "./cockpit-processes.js";
import { measureEmitReference } from "./cockpit-reference.js";
import { createCockpitOrgs, startCockpitDatabase } from "./cockpit-setup.js";
import { measureStages, sampleDatabase } from "./cockpit-stages.js";
import { freePortFor } from "./free-port.js";
import { status, type TCleanups } from "./inbound-setup.js";
import { ACCOUNT_SID } from "./inbound-webhook.js";
import { percentile, printReport, round } from "./report.js";

/**
 * `plaibook bench cockpit`: live events to the cockpit through the real pipeline, across processes.
 *
 * Two api processes and `--workers` worker processes (default 1; `plaibook serve --role api|worker`,
 * separate Node processes on one database) and `--sockets` Socket.IO clients (a manager's cockpit each), half on each api process,
 * spread over `--orgs` organisations. Signed Twilio inbound webhooks arrive at `--rate` per second,
 * alternating between the api processes: inbox row + sms.inbound job → the worker stores the message →
 * after commit `message.created` goes out through the Postgres adapter → each api process delivers it
 * to its sockets in the organisation's room. Every socket of the organisation must get each message
 * once: latency is arrival − webhook due time, on this machine's wall clock.
 *
 * The reference is one Socket.IO server in one process (in-memory adapter) emitting the same payload
 * to the same rooms and clients as fast as they take it.
 *
 * Options: --rate (messages/s, default 150), --seconds (20), --warmup (3), --sockets (200),
 * --orgs (20; 300 conversations each), --workers (1), --queues (the worker's queues, default sms.inbound; `all`
 * for every queue), --drain (seconds without progress before the rest counts as
 * lost, 5), --reference-seconds (3).
 */
export async function benchCockpit(options: Record<string, string>): Promise<boolean> {
  const rate = positive(options.rate, 150);
  const seconds = positive(options.seconds, 20);
  const warmup = positive(options.warmup, 3);
  const socketCount = Math.round(positive(options.sockets, 200));
  const orgCount = Math.round(positive(options.orgs, 20));
  const leadsPerOrg = 300;
  const drainS = positive(options.drain, 5);
  const referenceSeconds = positive(options.referenceSeconds ?? options["reference-seconds"], 3);
  const queues = options.queues ?? "sms.inbound";
  const workerCount = Math.round(positive(options.workers, 1));

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
    const db = await startCockpitDatabase(cleanups);
    status(`creating ${orgCount} organisations with ${leadsPerOrg} conversations each…`);
    const orgs = await createCockpitOrgs(db.owner, cleanups, {
      orgs: orgCount,
      leadsPerOrg,
      removeAfter: !db.embedded,
    });

    const jwtSecret = randomBytes(32).toString("hex");
    const authToken = randomBytes(16).toString("hex");
    const env: Record<string, string> = {
      NODE_ENV: "production",
      DATABASE_URL: db.url,
      LOG_LEVEL: "warn",
      PLAIBOOK_DEMO: "0",
      JWT_SECRET: jwtSecret,
      SECRETS_KEY: randomBytes(32).toString("hex"),
      TWILIO_ACCOUNT_SID: ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: authToken,
      SHUTDOWN_TIMEOUT_MS: "5000",
    };
    const ports = [await freePortFor(), await freePortFor()];
    status("starting api 1 (it creates the job queues)…");
    const api1 = spawnServer(cleanups, { name: "api 1", role: "api", port: ports[0] as number, env });
    await waitHealthy(api1);
    status(`starting api 2 and ${workerCount} worker(s)…`);
    const api2 = spawnServer(cleanups, { name: "api 2", role: "api", port: ports[1] as number, env });
    const workers = Array.from({ length: workerCount }, (_, i) =>
      spawnServer(cleanups, {
        name: `worker ${i + 1}`,
        role: "worker",
        port: 0,
        env: queues === "all" ? env : { ...env, WORKER_QUEUES: queues },
      }),
    );
    await waitHealthy(api2);
    const workerGone = () => workers.find((w) => w.exited());

    const { createTokenService } = await import("../../platform/auth/tokens.js");
    const tokens = createTokenService(jwtSecret, 3600);
    const accessTokens = await Promise.all(
      orgs.map((org) => tokens.signAccess({ userId: org.userId, orgId: org.id, role: "manager" })),
    );
    // Socket i: api process i % 2, organisation ⌊i / 2⌋ mod orgs — each organisation's sockets split
    // evenly over both processes, so every message crosses from the worker to both.
    const targets = Array.from({ length: socketCount }, (_, i) => {
      const org = Math.floor(i / 2) % orgCount;
      return { url: `http://127.0.0.1:${ports[i % 2]}`, token: accessTokens[org] as string, org };
    });
    const socketsOf = orgs.map((_, org) => targets.flatMap((t, i) => (t.org === org ? [i] : [])));
    status(`connecting ${socketCount} sockets…`);
    const clients = startClients(cleanups);
    const connected = await clients.connect(targets);
    if (connected.failed > 0)
      throw new Error(`${connected.failed} of ${socketCount} sockets could not connect: ${connected.error}`);

    const sender = createSender({ ports, orgs, authToken });
    cleanups.push(async () => sender.close());
    const expectedFor = (sent: TSent[]) =>
      sent.reduce((sum, s) => sum + (s.status === 200 ? (socketsOf[s.org]?.length ?? 0) : 0), 0);

    // Probe: one message per organisation, through the whole pipeline, before the clock starts —
    // proves the worker is up and every socket is in its room.
    status("probing the pipeline (one message per organisation)…");
    for (let org = 0; org < orgCount; org += 1) sender.send(org, "probe");
    await sender.settle();
    const probeExpected = expectedFor(sender.sent);
    const probeDeadline = Date.now() + 90_000;
    while (clients.counts().messageCreated < probeExpected && Date.now() < probeDeadline) {
      const gone = workerGone();
      if (gone) throw new Error(`${gone.name} exited:\n${gone.tail()}`);
      await clients.nextCount();
    }
    if (clients.counts().messageCreated < probeExpected)
      throw new Error(
        `probe: ${clients.counts().messageCreated} of ${probeExpected} deliveries within 90 s\n${workers.map((w) => `${w.name}:\n${w.tail()}`).join("\n")}`,
      );

    const bar = process.stderr.isTTY ? await progressBar(warmup + seconds) : null;
    let windowStart = 0;
    let windowEnd = 0;
    let cpuBefore = cpuSnapshot();
    let countsBefore = clients.counts();
    let countsAfter = countsBefore;
    let lastTick = 0;
    let dbSampler: ReturnType<typeof sampleDatabase> | null = null;
    await produceSteadily(sender, {
      rate,
      ms: (warmup + seconds) * 1000,
      orgs: orgCount,
      phaseOf: (elapsed) => (elapsed < warmup * 1000 ? "warmup" : "measure"),
      onTick: (elapsed) => {
        if (windowStart === 0 && elapsed >= warmup * 1000) {
          windowStart = wallNow();
          cpuBefore = cpuSnapshot();
          countsBefore = clients.counts();
          dbSampler = sampleDatabase(db.owner);
        }
        if (bar && elapsed - lastTick >= 250) {
          lastTick = elapsed;
          bar.update(Math.min(warmup + seconds, elapsed / 1000), {
            phase: elapsed < warmup * 1000 ? "warm-up" : "measure",
            sent: sender.sent.length,
            delivered: clients.counts().messageCreated,
          });
        }
      },
    });
    windowEnd = wallNow();
    const cpuAfter = cpuSnapshot();
    countsAfter = clients.counts();
    const database = await (dbSampler as ReturnType<typeof sampleDatabase> | null)?.stop();
    bar?.stop();

    status("draining…");
    await sender.settle();
    const expected = expectedFor(sender.sent);
    let lastProgress = Date.now();
    let seen = clients.counts().messageCreated;
    while (seen < expected && Date.now() - lastProgress < drainS * 1000) {
      await clients.nextCount();
      if (clients.counts().messageCreated > seen) {
        seen = clients.counts().messageCreated;
        lastProgress = Date.now();
      }
    }
    const receipts = await clients.collect();
    const finalCounts = clients.counts();
    const rss = {
      api: Math.max(peakRssMb(api1.pid), peakRssMb(api2.pid)),
      worker: Math.max(...workers.map((w) => peakRssMb(w.pid))),
    };
    const cpu = cpuPercent(cpuBefore, cpuAfter, {
      api_1: api1.pid,
      api_2: api2.pid,
      ...Object.fromEntries(workers.map((w, i) => [`worker_${i + 1}`, w.pid])),
      socket_clients: clients.pid,
      bench_driver: process.pid,
    });
    await clients.close();

    const check = checkDeliveries(sender.sent, receipts, targets, socketsOf);
    const measuredSids = sender.sent.filter((s) => s.phase === "measure" && s.status === 200);
    const stages = await measureStages(db.owner, measuredSids, check.arrivals);

    status(`reference: one Socket.IO process, ${socketCount} clients, ${referenceSeconds}s…`);
    const reference = await measureEmitReference({
      sockets: socketCount,
      orgs: orgCount,
      payload: receipts.sample,
      ms: referenceSeconds * 1000,
    });

    const windowS = (windowEnd - windowStart) / 1000;
    const inWindow = receipts.times.filter((t) => t >= windowStart && t <= windowEnd).length;
    const throughput = inWindow / windowS;
    const accepted = sender.sent.filter(
      (s) => s.status === 200 && s.sentAt >= windowStart && s.sentAt <= windowEnd,
    ).length;
    const errors = sender.sent.filter((s) => s.status !== 200).length;
    const latencies = check.latencies.sort((a, b) => a - b);
    const acks = measuredSids.map((s) => s.ackMs).sort((a, b) => a - b);
    const ok = check.lost === 0 && check.duplicated === 0 && check.wrong === 0 && errors === 0;
    const p99 = percentile(latencies, 99);
    printReport({
      bench: "cockpit",
      ok,
      n: inWindow,
      duration_s: round(windowS, 1),
      throughput: round(throughput, 1),
      p50_ms: percentile(latencies, 50),
      p99_ms: p99,
      rss_mb: rss.api,
      lost: check.lost,
      duplicated: check.duplicated,
      reference: round(reference.deliveriesPerS, 1),
      ratio: round(throughput / reference.deliveriesPerS, 3),
      events_produced_per_s: round(accepted / windowS, 1),
      offered_rate: rate,
      sockets: socketCount,
      orgs: orgCount,
      sockets_per_org: round(socketCount / orgCount, 1),
      api_processes: 2,
      worker_processes: workerCount,
      worker_queues: queues === "all" ? "all" : queues.split(","),
      p90_ms: percentile(latencies, 90),
      max_ms: percentile(latencies, 100),
      ack_p50_ms: percentile(acks, 50),
      ack_p99_ms: percentile(acks, 99),
      stages_ms: stages,
      all_events_per_s: round(
        (countsAfter.messageCreated +
          countsAfter.conversationUpdated -
          countsBefore.messageCreated -
          countsBefore.conversationUpdated) /
          windowS,
        1,
      ),
      wrong_room: check.wrong,
      webhook_errors: errors,
      disconnects: finalCounts.disconnects,
      worker_rss_mb: rss.worker,
      cpu_pct: cpu,
      db: database ?? null,
      target_met: throughput >= 1000 && p99 < 100 && check.lost === 0,
    });
    return ok;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

/**
 * Every accepted message must reach each socket of its organisation exactly once, and no other socket.
 * Returns the latencies of measured messages (one per socket reached) and, per token, first/last arrival.
 */
function checkDeliveries(
  sent: TSent[],
  receipts: TReceipts,
  targets: { org: number }[],
  socketsOf: number[][],
) {
  const bySocket = new Map<string, Map<number, number>>();
  let wrong = 0;
  const latencies: number[] = [];
  const arrivals = new Map<string, { first: number; last: number }>();
  const byToken = new Map(sent.map((s) => [s.token, s]));
  receipts.tokens.forEach((token, i) => {
    const socket = receipts.sockets[i] as number;
    const at = receipts.times[i] as number;
    const message = byToken.get(token);
    if (!message || targets[socket]?.org !== message.org) {
      wrong += 1;
      return;
    }
    const seen = bySocket.get(token) ?? new Map<number, number>();
    bySocket.set(token, seen);
    seen.set(socket, (seen.get(socket) ?? 0) + 1);
    if ((seen.get(socket) ?? 0) > 1) return;
    const span = arrivals.get(token);
    arrivals.set(token, { first: Math.min(span?.first ?? at, at), last: Math.max(span?.last ?? at, at) });
    if (message.phase === "measure") latencies.push(at - message.sentAt);
  });
  let lost = 0;
  let duplicated = 0;
  for (const message of sent) {
    if (message.status !== 200) continue;
    const seen = bySocket.get(message.token);
    for (const socket of socketsOf[message.org] ?? []) {
      const times = seen?.get(socket) ?? 0;
      if (times === 0) lost += 1;
      else duplicated += times - 1;
    }
  }
  return { lost, duplicated, wrong, latencies, arrivals };
}

async function progressBar(total: number) {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: "cockpit {phase} [{bar}] {value}/{total} s | sent {sent} | delivered {delivered}",
      formatValue: (v, _o, type) => (type === "value" ? String(Math.round(v)) : String(v)),
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { phase: "warm-up", sent: 0, delivered: 0 });
  return bar;
}

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && Number.isFinite(n) && n > 0 ? n : fallback;
}
