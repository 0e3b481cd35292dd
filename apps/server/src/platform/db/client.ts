import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";

/** The role every request runs as: no BYPASSRLS, so row-level security always applies. */
export const APP_ROLE = "plaibook_app";

export type TDrizzle = NodePgDatabase;

export type TDatabase = {
  /** Owner connection: migrations, the job queue, the Socket.IO adapter. Never used for tenant data. */
  ownerPool: pg.Pool;
  /** Tenant data connection; every session runs as APP_ROLE. */
  appPool: pg.Pool;
  close: () => Promise<void>;
};

export function createDatabase(
  url: string,
  options: { appPoolSize?: number; ownerPoolSize?: number; onIdleError?: (error: Error) => void } = {},
): TDatabase {
  const ownerPool = new pg.Pool({
    connectionString: url,
    max: options.ownerPoolSize ?? 5,
    application_name: "plaibook-owner",
  });
  const appPool = new pg.Pool({
    connectionString: url,
    max: options.appPoolSize ?? 20,
    application_name: "plaibook-app",
    // The role is fixed at connection start, before any application statement can run.
    options: `-c role=${APP_ROLE}`,
  });
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool discards it and the next query opens a new one.
  let closed = false;
  // Once closing, the server going away (embedded Postgres stopping) is expected, not news.
  const onIdleError = (error: Error) => {
    if (!closed) options.onIdleError?.(error);
  };
  ownerPool.on("error", onIdleError);
  appPool.on("error", onIdleError);
  return {
    ownerPool,
    appPool,
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.all([ownerPool.end(), appPool.end()]);
    },
  };
}

export function drizzleOn(client: pg.PoolClient | pg.Pool): TDrizzle {
  return drizzle(client);
}
