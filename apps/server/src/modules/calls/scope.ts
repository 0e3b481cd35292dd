import { can } from "@plaibook/shared";
import type { TActor } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";

/**
 * Which calls a person may see. Row-level security keeps organisations apart; within one, a manager
 * and above sees every call, anyone else the calls they made (as the rep) or uploaded.
 *
 * A SQL condition on `c` (calls) with the actor's user id as parameter `$N` (named for every role, so
 * callers bind the same parameters).
 */
export function visibleCallsSql(actor: TActor, param: number): string {
  if (can(actor.role, "calls.viewAll")) return `$${param}::uuid is not null`;
  return `(c.rep_user_id = $${param} or c.created_by = $${param})`;
}

/** Refuses a call the actor may not see, as if it did not exist. */
export async function assertCallVisible(tx: TTx, actor: TActor, callId: string): Promise<void> {
  const { rows } = await tx.client.query(
    `select 1 from calls c where c.id = $2 and ${visibleCallsSql(actor, 1)}`,
    [actor.userId, callId],
  );
  if (rows.length === 0) throw new AppError("NOT_FOUND", "Call not found");
}
