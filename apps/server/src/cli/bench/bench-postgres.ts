import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePortFor } from "./free-port.js";
import { status, type TCleanups } from "./inbound-setup.js";

/**
 * The database a bench runs against: DATABASE_URL when given, else an embedded cluster of its own in
 * a throwaway directory (both removed at cleanup). `embedded` says which.
 */
export async function benchPostgres(cleanups: TCleanups): Promise<{ url: string; embedded: boolean }> {
  const { loadConfig } = await import("../../platform/config.js");
  const given = loadConfig().DATABASE_URL;
  if (given) return { url: given, embedded: false };
  const { createLogger } = await import("../../platform/logger.js");
  const { startEmbeddedPostgres } = await import("../../platform/db/embedded.js");
  const dir = mkdtempSync(join(tmpdir(), "plaibook-bench-"));
  // mkdtemp makes it 700; as root, Postgres runs as `postgres` and must be able to enter it.
  chmodSync(dir, 0o755);
  cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
  status("starting embedded Postgres…");
  const cluster = await startEmbeddedPostgres({
    clusterDir: join(dir, "pg"),
    port: await freePortFor(),
    database: "plaibook_bench",
    log: createLogger({ LOG_LEVEL: "warn", NODE_ENV: "production" }),
    persistent: false,
  });
  cleanups.push(cluster.stop);
  return { url: cluster.url, embedded: true };
}
