import type pg from "pg";
import { drizzleOn, type TDrizzle } from "./client.js";

/** A unit of work inside one transaction: Drizzle for queries, the raw client for pg-boss sends. */
export type TTx = { db: TDrizzle; client: pg.PoolClient; orgId: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Runs `work` in a transaction on the app role with `app.org_id` set, so row-level security limits
 * every statement to that organisation. Commits when `work` resolves, rolls back when it throws.
 */
export async function withOrg<T>(appPool: pg.Pool, orgId: string, work: (tx: TTx) => Promise<T>): Promise<T> {
  if (!UUID.test(orgId)) throw new Error(`withOrg: not an organisation id: ${orgId}`);
  return inTransaction(appPool, orgId, work);
}

/** The same, with no organisation set: tenant tables then show no rows at all. */
export async function withoutOrg<T>(appPool: pg.Pool, work: (tx: TTx) => Promise<T>): Promise<T> {
  return inTransaction(appPool, null, work);
}

async function inTransaction<T>(
  appPool: pg.Pool,
  orgId: string | null,
  work: (tx: TTx) => Promise<T>,
): Promise<T> {
  const client = await appPool.connect();
  try {
    // One round trip for both; the id is inlined only after the UUID check in withOrg.
    await client.query(orgId ? `begin; select set_config('app.org_id', '${orgId}', true)` : "begin");
    const result = await work({ db: drizzleOn(client), client, orgId });
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
