import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { freePortFor as freePort } from "../src/cli/bench/free-port.js";
import { allJobs } from "../src/jobs.js";
import { createDatabase } from "../src/platform/db/client.js";
import { startEmbeddedPostgres } from "../src/platform/db/embedded.js";
import { migrateDatabase } from "../src/platform/db/migrate.js";
import { createLogger } from "../src/platform/logger.js";
import { startQueue } from "../src/platform/queue/boss.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** A superuser URL of the test cluster's `postgres` database. */
    pgAdminUrl: string;
    /** A migrated database (schema + job queue) that each test file copies. */
    pgTemplate: string;
  }
}

/**
 * One real Postgres per run: DATABASE_URL when given, else an embedded cluster in the temp dir.
 * A template database is migrated once; test files clone it (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const log = createLogger({ LOG_LEVEL: "warn", NODE_ENV: "test" });
  let stopCluster = async () => {};
  let adminUrl: string;
  const given = process.env.DATABASE_URL;
  if (given) {
    const url = new URL(given);
    url.pathname = "/postgres";
    adminUrl = url.toString();
  } else {
    const dir = mkdtempSync(join(tmpdir(), "plaibook-test-"));
    // mkdtemp makes it 700; as root, Postgres runs as `postgres` and must be able to enter it.
    chmodSync(dir, 0o755);
    const cluster = await startEmbeddedPostgres({
      clusterDir: join(dir, "pg"),
      port: await freePort(),
      database: "postgres",
      log,
      persistent: false,
    });
    adminUrl = cluster.url;
    stopCluster = async () => {
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const template = `plaibook_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${template}`);
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const db = createDatabase(templateUrl);
  await migrateDatabase(db.ownerPool);
  const queue = await startQueue({ url: templateUrl, db, jobs: allJobs, log, supervise: false });
  await queue.stop(1000);
  await db.close();

  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);

  return async () => {
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname like 'plaibook_test_%' or datname = $1`,
      [template],
    );
    if (given) {
      const { rows } = await admin.query<{ datname: string }>(
        "select datname from pg_database where datname like 'plaibook_test_%' or datname = $1",
        [template],
      );
      for (const row of rows) await admin.query(`drop database if exists "${row.datname}"`);
    }
    await admin.end();
    await stopCluster();
  };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
