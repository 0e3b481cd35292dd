import { randomBytes } from "node:crypto";
import type pg from "pg";
import type { SmsProvider, TSendSmsInput, TSendSmsResult } from "../ports.js";

/**
 * The built-in carrier for demos and tests. It "accepts" a message by recording it in its own
 * outbox (its own transaction, as a real carrier would), keyed by our message id: sending the
 * same message again returns the same SID and texts no one twice.
 */
export function createSandboxSms(appPool: pg.Pool): SmsProvider {
  return {
    name: "sandbox",
    idempotent: true,
    send: async (input: TSendSmsInput): Promise<TSendSmsResult> => {
      const sid = `SM${randomBytes(16).toString("hex")}`;
      const client = await appPool.connect();
      try {
        await client.query("begin");
        await client.query("select set_config('app.org_id', $1, true)", [input.orgId]);
        const { rows } = await client.query<{ sid: string }>(
          `with inserted as (
             insert into sandbox_outbox (sid, org_id, client_ref, from_number, to_number, body)
             values ($1, $2, $3, $4, $5, $6)
             on conflict (client_ref) do nothing
             returning sid)
           select sid from inserted union all select sid from sandbox_outbox where client_ref = $3 limit 1`,
          [sid, input.orgId, input.clientRef, input.from, input.to, input.body],
        );
        await client.query("commit");
        return { sid: rows[0]?.sid ?? sid, status: "sent" };
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
  };
}
