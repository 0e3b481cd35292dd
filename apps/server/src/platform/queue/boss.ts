import { type JobResult, type JobWithMetadata, PgBoss } from "pg-boss";
import { APP_ROLE, type TDatabase } from "../db/client.js";
import type { Logger } from "../logger.js";
import { ensureQueues, type TJobDefinition } from "./jobs.js";

export type TQueue = {
  boss: PgBoss;
  /** Starts handlers for every job (worker role), handing each the process's `app` context. */
  /** `only`: serve just these queues (e.g. dedicated AI workers); default every queue. */
  work: (app: unknown, only?: readonly string[]) => Promise<void>;
  stop: (timeoutMs: number) => Promise<void>;
};

/**
 * Starts pg-boss on the owner connection, creates the queues (with their dead-letter queues), and
 * lets the app role send jobs in its own transactions.
 */
export async function startQueue(options: {
  url: string;
  db: TDatabase;
  jobs: TJobDefinition<unknown, never>[];
  log: Logger;
  /** Only the worker role schedules crons and runs maintenance. */
  supervise: boolean;
  /** How often expired jobs (e.g. a killed worker's) are taken back; lower in tests. */
  superviseIntervalSeconds?: number;
}): Promise<TQueue> {
  const { url, db, jobs, log } = options;
  const boss = new PgBoss({
    connectionString: url,
    max: 5,
    application_name: "plaibook-queue",
    useListenNotify: true,
    supervise: options.supervise,
    superviseIntervalSeconds: options.superviseIntervalSeconds ?? 30,
    schedule: options.supervise,
    migrate: true,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await grantQueueAccess(db);
  await ensureQueues(boss, jobs, { schedule: options.supervise });

  const work = async (app: unknown, only?: readonly string[]) => {
    const unknown = (only ?? []).filter((name) => !jobs.some((job) => job.name === name));
    if (unknown.length > 0)
      throw new Error(
        `WORKER_QUEUES names unknown queues: ${unknown.join(", ")} (known: ${jobs.map((j) => j.name).join(", ")})`,
      );
    for (const job of jobs.filter((j) => !only?.length || only.includes(j.name))) {
      const batchSize = job.batchSize ?? 1;
      const concurrency = job.concurrency ?? 2;
      // Batches (with burst) keep a busy queue flowing; each job still succeeds or fails on its own.
      await boss.work(
        job.name,
        {
          batchSize,
          includeMetadata: true,
          perJobResults: true,
          // Batch handlers spend much of a batch waiting on the database: two batches overlap that.
          localConcurrency: job.handleBatch ? (job.inOrder ? 1 : 2) : batchSize > 1 ? 1 : concurrency,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: 1,
          notifyPollingIntervalSeconds: 1,
        },
        async (batch) => {
          if (job.handleBatch && batch.length > 1)
            return runBatch(job, batch as JobWithMetadata<unknown>[], log, app);
          const results: JobResult[] = [];
          let next = 0;
          const runOne = async () => {
            for (let i = next++; i < batch.length; i = next++) {
              const raw = batch[i] as JobWithMetadata<unknown>;
              results.push(await runJob(job, raw, log, app));
            }
          };
          await Promise.all(
            Array.from({ length: Math.min(batchSize > 1 ? concurrency : 1, batch.length) }, runOne),
          );
          return results;
        },
      );
    }
  };

  return {
    boss,
    work,
    stop: async (timeoutMs) => {
      await boss.stop({ graceful: true, timeout: timeoutMs, close: true });
    },
  };
}

async function grantQueueAccess(db: TDatabase): Promise<void> {
  await db.ownerPool.query(`
    grant usage on schema pgboss to ${APP_ROLE};
    grant select, insert, update on all tables in schema pgboss to ${APP_ROLE};
    grant usage, select on all sequences in schema pgboss to ${APP_ROLE};
    grant execute on all functions in schema pgboss to ${APP_ROLE};
  `);
}

/**
 * A batch through the job's batch handler: malformed payloads go to the dead-letter queue alone, the
 * rest succeed or fail one by one as the handler reports; if the handler throws, every job of the batch
 * runs through the one-job path instead.
 */
async function runBatch(
  job: TJobDefinition<unknown, never>,
  batch: JobWithMetadata<unknown>[],
  log: Logger,
  app: unknown,
): Promise<JobResult[]> {
  const results: JobResult[] = [];
  const valid: { raw: JobWithMetadata<unknown>; data: unknown }[] = [];
  for (const raw of batch) {
    const parsed = job.payload.safeParse(raw.data);
    if (parsed.success) valid.push({ raw, data: parsed.data });
    else results.push(await runJob(job, raw, log, app));
  }
  const batchLog = log.child({ job: job.name, batch: valid.length });
  try {
    const outcomes = await (job.handleBatch as NonNullable<typeof job.handleBatch>)(
      valid.map((v) => v.data as never),
      { log: batchLog, jobId: valid[0]?.raw.id ?? "", retryCount: 0, app: app as never },
    );
    valid.forEach(({ raw }, i) => {
      const error = outcomes[i];
      if (error) batchLog.warn({ err: error, jobId: raw.id, retryCount: raw.retryCount }, "job failed");
      results.push(
        error
          ? { id: raw.id, status: "failed", output: { error: error.message } }
          : { id: raw.id, status: "completed" },
      );
    });
  } catch (error) {
    batchLog.warn({ err: error }, "batch failed; running its jobs one by one");
    for (const { raw } of valid) results.push(await runJob(job, raw, log, app));
  }
  return results;
}

async function runJob(
  job: TJobDefinition<unknown, never>,
  raw: JobWithMetadata<unknown>,
  log: Logger,
  app: unknown,
): Promise<JobResult> {
  const jobLog = log.child({ job: job.name, jobId: raw.id });
  const payload = job.payload.safeParse(raw.data);
  if (!payload.success) {
    // A malformed payload will never succeed: straight to the dead-letter queue, with the reason.
    const reason = `invalid payload for ${job.name}: ${payload.error.issues.map((i) => i.message).join("; ")}`;
    jobLog.error({ data: raw.data }, reason);
    return { id: raw.id, status: "deadletter", output: { error: reason } };
  }
  try {
    await job.handle(payload.data, {
      log: jobLog,
      jobId: raw.id,
      retryCount: raw.retryCount,
      app: app as never,
    });
    return { id: raw.id, status: "completed" };
  } catch (error) {
    jobLog.warn({ err: error, retryCount: raw.retryCount }, "job failed");
    return {
      id: raw.id,
      status: "failed",
      output: { error: error instanceof Error ? error.message : String(error) },
    };
  }
}
