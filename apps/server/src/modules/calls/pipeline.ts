import type { PgBoss } from "pg-boss";
import type { TTx } from "../../platform/db/with-org.js";

/** The pipeline's queues, one per step; each step queues the next in the transaction that records it. */
export const CALL_QUEUES = {
  ingest: "call.ingest",
  transcode: "call.transcode",
  transcribe: "call.transcribe",
  analyze: "call.analyze",
} as const;
export type TCallStep = keyof typeof CALL_QUEUES;
export type TCallJob = { orgId: string; callId: string };

/** Tries per step before the call is marked failed (and the job goes to the dead-letter queue). */
export const CALL_STEP_RETRIES = 3;

/** Where the bar stands when each step starts (the live bar; a step may move it on as it works). */
export const STEP_PROGRESS = { transcoding: 10, transcribing: 35, analyzing: 80, analyzed: 100 } as const;

export async function enqueueCallStep(boss: PgBoss, tx: Pick<TTx, "client">, step: TCallStep, job: TCallJob) {
  await boss.send(CALL_QUEUES[step], job, {
    db: { executeSql: (text, values) => tx.client.query(text, values) },
  });
}
