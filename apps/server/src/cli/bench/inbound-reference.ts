import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import type pg from "pg";
import { webhookParams } from "./inbound-webhook.js";

/**
 * The floor our flow is measured against: per message, the inbox row and the queued job in one
 * statement (one commit, synchronous_commit on), prepared, from 8 bare connections.
 */
export async function measureReference(url: string, orgId: string, durationMs: number): Promise<number> {
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
