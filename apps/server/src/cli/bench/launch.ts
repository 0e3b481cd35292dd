import { once } from "node:events";
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SingleBar } from "cli-progress";
import { planDueTouches } from "../../modules/campaigns/index.js";
import { DEMO_PLAYBOOKS } from "../../modules/playbooks/demo-playbooks.js";
import { loadConfig } from "../../platform/config.js";
import { startEmbeddedPostgres } from "../../platform/db/embedded.js";
import { withOrg } from "../../platform/db/with-org.js";
import { createLogger } from "../../platform/logger.js";
import { runProcess } from "../../process.js";
import { importLeadsFromFile } from "../import-leads.js";
import { freePortFor } from "./free-port.js";
import { printReport, round } from "./report.js";

/**
 * `plaibook bench launch`: import N leads from a CSV (streamed), launch a campaign and plan every
 * lead's first touch (message row + send job, in one transaction per batch). Checks that each lead
 * has exactly one planned first message; reports import rows/s as the reference.
 */
export async function benchLaunch(options: Record<string, string>): Promise<boolean> {
  const size = Number(options.size ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), "plaibook-bench-"));
  chmodSync(dir, 0o755);
  const log = createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" });
  const cluster = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({
        clusterDir: join(dir, "pg"),
        port: await freePortFor(),
        database: "bench",
        log,
        persistent: false,
      });
  const config = loadConfig({
    DATABASE_URL: process.env.DATABASE_URL ?? cluster?.url,
    JWT_SECRET: "bench-secret-".padEnd(48, "x"),
    SECRETS_KEY: "cd".repeat(32),
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
  });
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const running = await runProcess({
    config,
    log,
    roles: { api: false, worker: false },
    migrate: true,
    seedDemo: false,
  });
  try {
    const { app } = running.services;
    const zone = daytimeZone();
    const { orgId, campaignId } = await setUp(running, zone);

    // The CSV is written as a stream too: 100k rows never sit in memory.
    const csvPath = join(dir, "leads.csv");
    const out = createWriteStream(csvPath);
    out.write("first_name,last_name,phone,company,time_zone\n");
    for (let i = 0; i < size; i += 1) {
      if (!out.write(`Lead${i},Bench,+1202${String(5_000_000 + i).padStart(7, "0")},Co ${i % 97},${zone}\n`))
        await once(out, "drain");
    }
    out.end();
    await once(out, "finish");

    const startedImport = performance.now();
    const imported = await importLeadsFromFile(app.db, csvPath, { campaign: campaignId });
    const importSeconds = (performance.now() - startedImport) / 1000;
    if (imported.status !== "completed") throw new Error(`import failed: ${imported.error}`);

    const startedPlan = performance.now();
    await withOrg(app.db.appPool, orgId, async (tx) => {
      await tx.client.query("update campaigns set status = 'active', launched_at = now() where id = $1", [
        campaignId,
      ]);
      await tx.client.query("update campaign_leads set next_touch_at = now() where campaign_id = $1", [
        campaignId,
      ]);
    });
    const bar = process.stderr.isTTY
      ? new SingleBar({ format: "Planning |{bar}| {value}/{total} first touches" })
      : null;
    bar?.start(size, 0);
    let planned = 0;
    for (;;) {
      const step = await planDueTouches(app, { orgId, campaignId });
      planned += step.planned;
      bar?.update(planned);
      if (step.planned === 0) break;
    }
    bar?.stop();
    const planSeconds = (performance.now() - startedPlan) / 1000;

    const [check] = (
      await app.db.ownerPool.query<{ leads: number; messages: number; max_per_lead: number; jobs: number }>(
        `select (select count(*)::int from campaign_leads where campaign_id = $1) as leads,
                (select count(*)::int from messages where campaign_id = $1 and touch_index = 0) as messages,
                (select coalesce(max(n), 0)::int from (select count(*) as n from messages where campaign_id = $1 and touch_index = 0 group by lead_id) x) as max_per_lead,
                (select count(*)::int from pgboss.job where name = 'sms.send') as jobs`,
        [campaignId],
      )
    ).rows;
    const duration = importSeconds + planSeconds;
    const lost = size - (check?.messages ?? 0);
    const duplicated = (check?.max_per_lead ?? 0) > 1 ? (check?.messages ?? 0) - (check?.leads ?? 0) : 0;
    const ok = imported.imported === size && lost === 0 && duplicated === 0 && check?.jobs === size;
    printReport({
      bench: "launch",
      ok,
      n: size,
      duration_s: round(duration, 2),
      throughput: round(size / duration),
      import_s: round(importSeconds, 2),
      plan_s: round(planSeconds, 2),
      rss_mb: Math.round(peakRss / 1_048_576),
      lost,
      duplicated,
      jobs_enqueued: check?.jobs ?? 0,
      reference: round(size / importSeconds),
      ratio: round(size / duration / (size / importSeconds), 2),
    });
    return ok;
  } finally {
    clearInterval(sampler);
    await running.stop();
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function setUp(running: Awaited<ReturnType<typeof runProcess>>, zone: string) {
  const { app } = running.services;
  const orgId = crypto.randomUUID();
  const demo = DEMO_PLAYBOOKS[0];
  if (!demo) throw new Error("no demo playbook");
  const campaignId = await withOrg(app.db.appPool, orgId, async (tx) => {
    await tx.client.query("insert into organizations (id, name) values ($1, 'Bench Co')", [orgId]);
    await tx.client.query(
      "insert into phone_numbers (org_id, e164, provider) values ($1, '+15550000001', 'sandbox'), ($1, '+15550000002', 'sandbox')",
      [orgId],
    );
    const { rows: pb } = await tx.client.query<{ id: string }>(
      "insert into playbooks (org_id, name, current_version) values ($1, $2, 1) returning id",
      [orgId, demo.name],
    );
    const { rows: v } = await tx.client.query<{ id: string }>(
      "insert into playbook_versions (org_id, playbook_id, version, content) values ($1, $2, 1, $3) returning id",
      [orgId, pb[0]?.id, JSON.stringify(demo.content)],
    );
    const { rows: c } = await tx.client.query<{ id: string }>(
      `insert into campaigns (org_id, name, playbook_id, playbook_version_id, business_hours, sending_numbers, per_number_per_minute,
                              per_campaign_per_minute, follow_up_days, first_message_footer)
       values ($1, 'Bench launch', $2, $3, $4, array['+15550000001', '+15550000002'], 10000000, 10000000, array[1, 3], 'Reply STOP to opt out.')
       returning id`,
      [
        orgId,
        pb[0]?.id,
        v[0]?.id,
        JSON.stringify({ days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59", timeZone: zone }),
      ],
    );
    return c[0]?.id as string;
  });
  return { orgId, campaignId };
}

/** A zone where it is daytime now, so quiet hours do not decide the result. */
function daytimeZone(): string {
  const zones = [
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Honolulu",
    "Europe/London",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Asia/Kolkata",
  ];
  return (
    zones.find((zone) => {
      const hour = Number(
        new Intl.DateTimeFormat("en-US", { timeZone: zone, hour: "2-digit", hourCycle: "h23" }).format(
          new Date(),
        ),
      );
      return hour >= 9 && hour < 20;
    }) ?? "America/New_York"
  );
}
