import type { PgBoss } from "pg-boss";
import type { z } from "zod";
import type { TTx } from "../db/with-org.js";
import type { Logger } from "../logger.js";

/**
 * Queue conventions (architecture brief §5): retry 3 times with exponential backoff, then the
 * job moves to `<name>.dlq`, kept 14 days. Handlers must be idempotent: a job may run twice.
 */
export const QUEUE_DEFAULTS = {
  retryLimit: 3,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 300,
  expireInSeconds: 15 * 60,
} as const;
const DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;

/** `app` is whatever the process hands its handlers (database, queue, real-time, vendor ports). */
export type TJobContext<TApp = unknown> = { log: Logger; jobId: string; retryCount: number; app: TApp };

export type TJobDefinition<TPayload, TApp = unknown> = {
  name: string;
  payload: z.ZodType<TPayload>;
  // A method, so that a job of any payload fits in a list of TJobDefinition<unknown>.
  handle(payload: TPayload, ctx: TJobContext<TApp>): Promise<void>;
  /**
   * Handles a whole fetched batch at once (a few statements for many jobs instead of many for each).
   * Returns one outcome per payload, in order: null for done, an Error for a job to retry. `handle`
   * stays the one-job path (and the fallback when a batch as a whole fails).
   */
  handleBatch?(payloads: TPayload[], ctx: TJobContext<TApp>): Promise<(Error | null)[]>;
  /** Cron (UTC) for scheduled jobs. */
  cron?: string;
  /** Concurrent handlers per worker process. */
  concurrency?: number;
  /**
   * One batch at a time per worker process (batch handlers otherwise overlap two), so a job fetched
   * later never overtakes an earlier one; the handler keeps the order within its batch.
   */
  inOrder?: boolean;
  /** Jobs fetched at once; above 1 a busy queue is drained without waiting for the poll interval. */
  batchSize?: number;
  retryLimit?: number;
  retryDelay?: number;
  /** How long a job may run before it is taken back and retried (a killed worker's jobs come back after this). */
  expireInSeconds?: number;
  /**
   * For long jobs: the worker reports every half of this, and a job not heard from for this long is
   * taken back and retried (a killed worker's job comes back in seconds, not after `expireInSeconds`).
   */
  heartbeatSeconds?: number;
};

export function defineJob<TPayload, TApp = unknown>(
  definition: TJobDefinition<TPayload, TApp>,
): TJobDefinition<TPayload, TApp> {
  return definition;
}

export const deadLetterOf = (name: string) => `${name}.dlq`;

export async function ensureQueues(
  boss: PgBoss,
  jobs: TJobDefinition<unknown, never>[],
  options: { schedule: boolean },
): Promise<void> {
  for (const job of jobs) {
    const dlq = deadLetterOf(job.name);
    await boss.createQueue(dlq, {
      retentionSeconds: DEAD_LETTER_RETENTION_SECONDS,
      deleteAfterSeconds: DEAD_LETTER_RETENTION_SECONDS,
    });
    const queueOptions = {
      ...QUEUE_DEFAULTS,
      ...(job.retryLimit === undefined ? {} : { retryLimit: job.retryLimit }),
      ...(job.retryDelay === undefined ? {} : { retryDelay: job.retryDelay }),
      ...(job.expireInSeconds === undefined ? {} : { expireInSeconds: job.expireInSeconds }),
      ...(job.heartbeatSeconds === undefined ? {} : { heartbeatSeconds: job.heartbeatSeconds }),
      deadLetter: dlq,
      notify: true,
    };
    if (await boss.getQueue(job.name)) await boss.updateQueue(job.name, queueOptions);
    else await boss.createQueue(job.name, queueOptions);
    if (job.cron && options.schedule) await boss.schedule(job.name, job.cron, {}, { tz: "UTC" });
  }
}

/** Sends a job inside the caller's transaction: it exists only if the transaction commits. */
export async function enqueue<TPayload>(
  boss: PgBoss,
  tx: Pick<TTx, "client">,
  job: TJobDefinition<TPayload, never>,
  payload: TPayload,
  options: { singletonKey?: string; startAfter?: Date } = {},
): Promise<string | null> {
  const data = job.payload.parse(payload) as object;
  return boss.send(job.name, data, {
    ...options,
    db: { executeSql: (text: string, values?: unknown[]) => tx.client.query(text, values) },
  });
}

/** Many jobs of one queue in one statement, inside the caller's transaction. */
export async function enqueueMany<TPayload>(
  boss: PgBoss,
  tx: Pick<TTx, "client">,
  job: TJobDefinition<TPayload, never>,
  items: { payload: TPayload; startAfter?: Date; singletonKey?: string }[],
): Promise<void> {
  if (items.length === 0) return;
  await boss.insert(
    job.name,
    items.map((item) => ({
      data: job.payload.parse(item.payload) as object,
      ...(item.startAfter ? { startAfter: item.startAfter } : {}),
      ...(item.singletonKey ? { singletonKey: item.singletonKey } : {}),
    })),
    { db: { executeSql: (text: string, values?: unknown[]) => tx.client.query(text, values) } },
  );
}
