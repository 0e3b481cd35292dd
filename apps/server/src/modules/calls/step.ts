import type { TAppContext } from "../../app-context.js";
import { AudioError } from "../../integrations/audio/ffmpeg.js";
import { TranscriptionError } from "../../integrations/ports.js";
import { type TTx, withOrg } from "../../platform/db/with-org.js";
import type { TJobContext } from "../../platform/queue/jobs.js";
import { announceCallProgress } from "./events.js";
import { CALL_STEP_RETRIES, enqueueCallStep, type TCallJob, type TCallStep } from "./pipeline.js";
import { findCall, publicCall, type TCallRecord, updateCallStep } from "./queries.js";

/** A problem with the call itself (not the machine): retrying cannot help, so it fails at once. */
export class CallInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CallInputError";
  }
}

/** Marks the call failed with a reason a manager can act on; the queue moves on. */
export async function failCall(app: TAppContext, job: TCallJob, reason: string): Promise<void> {
  const call = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    await updateCallStep(tx, job.callId, { status: "failed", progress: 100, reason });
    return findCall(tx, job.callId);
  });
  if (call) announceCallProgress(app.publish, job.orgId, publicCall(call));
}

const isPermanent = (error: unknown) =>
  error instanceof CallInputError ||
  (error instanceof AudioError && error.kind !== "failed") ||
  (error instanceof TranscriptionError && error.kind === "failed");

/**
 * Runs one step only while the call is at it (`at`), so a retried or duplicated job never redoes a
 * finished step; after the last retry the call is marked failed with the reason instead of waiting
 * for ever.
 */
export async function runStep(
  app: TAppContext,
  job: TCallJob,
  ctx: TJobContext<TAppContext>,
  at: TCallRecord["status"],
  what: string,
  work: (call: TCallRecord) => Promise<void>,
): Promise<void> {
  const call = await withOrg(app.db.appPool, job.orgId, (tx) => findCall(tx, job.callId));
  if (!call || call.status !== at) return;
  try {
    await work(call);
  } catch (error) {
    if (isPermanent(error)) return failCall(app, job, (error as Error).message);
    if (ctx.retryCount >= CALL_STEP_RETRIES) {
      const message = error instanceof Error ? error.message : String(error);
      return failCall(app, job, `${what} failed after ${ctx.retryCount + 1} tries: ${message}`);
    }
    throw error;
  }
}

/**
 * Moves the call on from `from` (if it is still there), records what the step made (`record`) and
 * queues the next step, all in one transaction: a worker killed before the commit leaves the call at
 * `from`, and its job comes back to redo the step.
 */
export async function advance(
  app: TAppContext,
  job: TCallJob,
  from: TCallRecord["status"],
  next: Parameters<typeof updateCallStep>[2],
  then: TCallStep | null,
  record?: (tx: TTx) => Promise<void>,
): Promise<void> {
  const call = await withOrg(app.db.appPool, job.orgId, async (tx) => {
    const current = await findCall(tx, job.callId, { lock: true });
    if (!current || current.status !== from) return null;
    await record?.(tx);
    await updateCallStep(tx, job.callId, next);
    if (then) await enqueueCallStep(app.boss, tx, then, job);
    return findCall(tx, job.callId);
  });
  if (call) announceCallProgress(app.publish, job.orgId, publicCall(call));
}

/** Moves the bar within a step (no status change), at most every `everyMs`, announced live. */
export function progressReporter(app: TAppContext, job: TCallJob, from: number, to: number, everyMs = 1000) {
  let last = 0;
  let reported = from;
  return (fraction: number) => {
    const progress = Math.round(from + (to - from) * Math.min(1, Math.max(0, fraction)));
    const now = Date.now();
    if (progress <= reported || now - last < everyMs) return;
    last = now;
    reported = progress;
    void withOrg(app.db.appPool, job.orgId, async (tx) => {
      await tx.client.query("update calls set progress = $2 where id = $1 and progress < $2", [
        job.callId,
        progress,
      ]);
      return findCall(tx, job.callId);
    })
      .then((call) => {
        if (call) announceCallProgress(app.publish, job.orgId, publicCall(call));
      })
      .catch((error) => app.log.warn({ err: error, callId: job.callId }, "call progress update failed"));
  };
}
