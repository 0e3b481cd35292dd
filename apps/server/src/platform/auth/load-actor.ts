import type { TRole } from "@plaibook/shared";
import type { TTx } from "../db/with-org.js";
import type { TActor } from "./actor.js";

/**
 * The active user behind a verified access token, read inside the request's org transaction:
 * reading the row rather than trusting the token's claims makes a deactivation or a role change
 * take effect on the very next request.
 */
export async function loadActor(tx: TTx, userId: string): Promise<TActor | null> {
  const { rows } = await tx.client.query<{
    id: string;
    org_id: string;
    role: TRole;
    email: string;
    name: string;
  }>("select id, org_id, role, email, name from users where id = $1 and status = 'active'", [userId]);
  const row = rows[0];
  return row ? { userId: row.id, orgId: row.org_id, role: row.role, email: row.email, name: row.name } : null;
}
