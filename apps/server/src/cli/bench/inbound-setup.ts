import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import { benchPostgres } from "./bench-postgres.js";
import { ACCOUNT_SID } from "./inbound-webhook.js";

/**
 * What `plaibook bench inbound` runs against: Postgres (DATABASE_URL, or an embedded cluster of its
 * own), the migrated api role on a free port with a Twilio account, and two organisations with a
 * Twilio number each (one for the load, one for the bare-pg reference).
 */

/** Undo steps, run last-first by the caller. */
export type TCleanups = (() => Promise<void>)[];
export type TBenchOrg = { id: string; number: string };
export type TInboundTarget = {
  /** The database's connection string. */
  url: string;
  /** The api role's HTTP port on 127.0.0.1. */
  port: number;
  /** The owner pool (bypasses RLS), for checking what was stored. */
  owner: pg.Pool;
  /** The Twilio auth token the app verifies signatures with. */
  authToken: string;
  /** The organisation the HTTP load texts. */
  org: TBenchOrg;
  /** The organisation the bare-pg reference writes for. */
  refOrg: TBenchOrg;
};

/** Progress lines, only on a terminal (stdout carries the one JSON line). */
export function status(line: string): void {
  if (process.stderr.isTTY) process.stderr.write(`${line}\n`);
}

/** Starts everything the bench needs, pushing how to undo each step onto `cleanups`. */
export async function startInboundTarget(cleanups: TCleanups): Promise<TInboundTarget> {
  const { loadConfig } = await import("../../platform/config.js");
  const { createLogger } = await import("../../platform/logger.js");
  const { runProcess } = await import("../../process.js");
  const { url, embedded } = await benchPostgres(cleanups);
  const log = createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" });

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
  if (!embedded) {
    cleanups.push(async () => {
      await owner.query("delete from pgboss.job where name = 'sms.inbound' and data->>'orgId' = any($1)", [
        [org.id, refOrg.id],
      ]);
      await owner.query("delete from organizations where id = any($1)", [[org.id, refOrg.id]]);
    });
  }
  return { url, port, owner, authToken, org, refOrg };
}

/** An organisation with one Twilio number, written directly (no sign-up flow needed). */
async function createBenchOrg(owner: pg.Pool, name: string): Promise<TBenchOrg> {
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
