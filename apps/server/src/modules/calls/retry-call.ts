import type { TCall, TSuppliedTranscript } from "@plaibook/shared";
import type { PgBoss } from "pg-boss";
import type { TActor, TRequestMeta } from "../../platform/auth/actor.js";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/record-audit.js";
import { enqueueCallStep, STEP_PROGRESS } from "./pipeline.js";
import { findCall, publicCall, updateCallStep } from "./queries.js";
import { assertCallVisible } from "./scope.js";

type TUseCase = { tx: TTx; actor: TActor; meta?: TRequestMeta | null };

async function lockedCall(uc: TUseCase, callId: string) {
  await assertCallVisible(uc.tx, uc.actor, callId);
  const call = await findCall(uc.tx, callId, { lock: true });
  if (!call) throw new AppError("NOT_FOUND", "Call not found");
  return call;
}

/**
 * A failed call starts over from its stored recording (every step is idempotent, so nothing is done
 * twice); a call waiting for a transcript tries speech-to-text again (after a change of settings).
 */
export async function retryCall(uc: TUseCase, boss: PgBoss, callId: string): Promise<TCall> {
  const call = await lockedCall(uc, callId);
  if (call.status === "failed") {
    await updateCallStep(uc.tx, callId, { status: "received", progress: 0, reason: null });
    await enqueueCallStep(boss, uc.tx, "ingest", { orgId: call.orgId, callId });
  } else if (call.status === "needs_transcript") {
    await updateCallStep(uc.tx, callId, {
      status: "transcribing",
      progress: STEP_PROGRESS.transcribing,
      reason: null,
    });
    await enqueueCallStep(boss, uc.tx, "transcribe", { orgId: call.orgId, callId });
  } else throw new AppError("CONFLICT", "Only a failed call or one waiting for a transcript can be retried");
  await recordAudit(uc.tx, uc.meta ?? null, {
    action: "call.retry",
    orgId: call.orgId,
    actorUserId: uc.actor.userId,
    targetType: "call",
    targetId: callId,
    details: { from: call.status },
  });
  return publicCall((await findCall(uc.tx, callId)) ?? call);
}

/** A transcript for a call that waits for one (typed up, or from another system): analysis follows. */
export async function supplyTranscript(
  uc: TUseCase,
  boss: PgBoss,
  callId: string,
  transcript: TSuppliedTranscript,
): Promise<TCall> {
  const call = await lockedCall(uc, callId);
  if (call.status !== "needs_transcript")
    throw new AppError(
      "CONFLICT",
      `This call is not waiting for a transcript (it is ${call.status.replace("_", " ")})`,
    );
  await uc.tx.client.query("update calls set supplied_transcript = $2 where id = $1", [
    callId,
    JSON.stringify(transcript),
  ]);
  await updateCallStep(uc.tx, callId, {
    status: "transcribing",
    progress: STEP_PROGRESS.transcribing,
    reason: null,
  });
  await enqueueCallStep(boss, uc.tx, "transcribe", { orgId: call.orgId, callId });
  await recordAudit(uc.tx, uc.meta ?? null, {
    action: "call.transcript_supplied",
    orgId: call.orgId,
    actorUserId: uc.actor.userId,
    targetType: "call",
    targetId: callId,
    details: { segments: transcript.segments.length },
  });
  return publicCall((await findCall(uc.tx, callId)) ?? call);
}
