import { randomBytes, randomUUID } from "node:crypto";
import type pg from "pg";
import { benchPostgres } from "./bench-postgres.js";
import type { TCleanups } from "./inbound-setup.js";
import { status } from "./inbound-setup.js";

/**
 * What `plaibook bench cockpit` runs against: Postgres (DATABASE_URL, or an embedded cluster of its
 * own), migrated by this process, and N organisations, each with a Twilio number, one manager (who
 * sees every conversation, so each of their sockets sits in `org:{id}:conversations`) and a few
 * hundred leads with a conversation each, routable by (our number, lead phone).
 */

export type TCockpitOrg = {
  id: string;
  /** Our Twilio number (the webhook's To). */
  number: string;
  /** The manager whose sockets listen. */
  userId: string;
  /** The leads' phones (the webhook's From), each with one open conversation. */
  leadPhones: string[];
};

export type TCockpitDatabase = {
  url: string;
  owner: pg.Pool;
  /** True when Postgres is this bench's own embedded cluster (its processes are children of this one). */
  embedded: boolean;
};

/** Starts (or joins) Postgres and migrates it; undo steps go onto `cleanups`. */
export async function startCockpitDatabase(cleanups: TCleanups): Promise<TCockpitDatabase> {
  const { createDatabase } = await import("../../platform/db/client.js");
  const { migrateDatabase } = await import("../../platform/db/migrate.js");
  const { url, embedded } = await benchPostgres(cleanups);
  const db = createDatabase(url, { appPoolSize: 2, ownerPoolSize: 4 });
  cleanups.push(async () => {
    // Pool.end() returns before its sockets close: without a listener, Postgres stopping right after
    // would surface as an unhandled 'error'.
    db.ownerPool.on("error", () => undefined);
    db.appPool.on("error", () => undefined);
    await db.close();
  });
  status("migrating…");
  await migrateDatabase(db.ownerPool);
  return { url, owner: db.ownerPool, embedded };
}

/** Creates the organisations; with DATABASE_URL, removes them (and their jobs) again at cleanup. */
export async function createCockpitOrgs(
  owner: pg.Pool,
  cleanups: TCleanups,
  options: { orgs: number; leadsPerOrg: number; removeAfter: boolean },
): Promise<TCockpitOrg[]> {
  const orgs: TCockpitOrg[] = [];
  if (options.removeAfter) {
    cleanups.push(async () => {
      const ids = orgs.map((o) => o.id);
      await owner.query("delete from pgboss.job where data->>'orgId' = any($1)", [ids]);
      await owner.query("delete from organizations where id = any($1)", [ids]);
    });
  }
  const run = randomBytes(3).toString("hex");
  for (let i = 0; i < options.orgs; i += 1) {
    const id = randomUUID();
    await owner.query("insert into organizations (id, name) values ($1, $2)", [id, `Cockpit bench ${i + 1}`]);
    const number = await claimNumber(owner, id);
    const { rows: users } = await owner.query<{ id: string }>(
      `insert into users (org_id, email, name, role, status) values ($1, $2, 'Bench Manager', 'manager', 'active')
       returning id`,
      [id, `manager-${run}-${i + 1}@bench.test`],
    );
    const { rows: leads } = await owner.query<{ phone: string }>(
      `with l as (
         insert into leads (org_id, phone, first_name, last_name, time_zone, time_zone_source)
         select $1, '+1312' || lpad(g::text, 7, '0'), 'Lead' || g, 'Bench', 'America/Chicago', 'column'
           from generate_series(1, $2) g returning id, phone)
       insert into conversations (org_id, lead_id, lead_phone, our_number, last_message_at)
       select $1, id, phone, $3, now() from l returning lead_phone as phone`,
      [id, options.leadsPerOrg, number],
    );
    orgs.push({ id, number, userId: users[0]?.id as string, leadPhones: leads.map((l) => l.phone) });
  }
  return orgs;
}

/** A free +1555 number for the organisation (unique across the database). */
async function claimNumber(owner: pg.Pool, orgId: string): Promise<string> {
  for (;;) {
    const number = `+1555${String(Math.floor(Math.random() * 10_000_000)).padStart(7, "0")}`;
    const { rowCount } = await owner.query(
      "insert into phone_numbers (org_id, e164, provider, label) values ($1, $2, 'twilio', 'Bench') on conflict (e164) do nothing",
      [orgId, number],
    );
    if (rowCount) return number;
  }
}
