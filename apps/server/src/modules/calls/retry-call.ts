import type { TCall } from "@plaibook/shared";
import type { PgBoss } from "pg-boss";
import type { TActor, TRequestMeta } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { enqueueCallStep } from "./pipeline.js";
import { findCall, publicCall, updateCallStep } from "./queries.js";
import { assertCallVisible } from "./scope.js";

/**
 * A failed call starts over from its stored recording (every step is idempotent, so nothing is
 * done twice); the earlier reason is cleared.
 */
export async function retryCall(
  uc: { tx: TTx; actor: TActor; meta?: TRequestMeta | null },
  boss: PgBoss,
  callId: string,
): Promise<TCall> {
  await assertCallVisible(uc.tx, uc.actor, callId);
  const call = await findCall(uc.tx, callId, { lock: true });
  if (!call) throw new AppError("NOT_FOUND", "Call not found");
  if (call.status !== "failed") throw new AppError("CONFLICT", "Only a failed call can be retried");
  await updateCallStep(uc.tx, callId, { status: "received", progress: 0, reason: null });
  await enqueueCallStep(boss, uc.tx, "ingest", { orgId: call.orgId, callId });
  await recordAudit(uc.tx, uc.meta ?? null, {
    action: "call.retry",
    orgId: call.orgId,
    actorUserId: uc.actor.userId,
    targetType: "call",
    targetId: callId,
  });
  const updated = await findCall(uc.tx, callId);
  return publicCall(updated ?? call);
}
