import { PgBoss } from "pg-boss";
import { APP_ROLE, type TDatabase } from "../db/client.js";
import type { Logger } from "../logger.js";
import { ensureQueues, type TJobDefinition } from "./jobs.js";

export type TQueue = {
  boss: PgBoss;
  /** Starts handlers for every job (worker role). */
  work: () => Promise<void>;
  stop: (timeoutMs: number) => Promise<void>;
};

/**
 * Starts pg-boss on the owner connection, creates the queues (with their dead-letter queues), and
 * lets the app role send jobs in its own transactions.
 */
export async function startQueue(options: {
  url: string;
  db: TDatabase;
  jobs: TJobDefinition<unknown>[];
  log: Logger;
  /** Only the worker role schedules crons and runs maintenance. */
  supervise: boolean;
}): Promise<TQueue> {
  const { url, db, jobs, log } = options;
  const boss = new PgBoss({
    connectionString: url,
    max: 5,
    application_name: "plaibook-queue",
    useListenNotify: true,
    supervise: options.supervise,
    schedule: options.supervise,
    migrate: true,
  });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  await grantQueueAccess(db);
  await ensureQueues(boss, jobs, { schedule: options.supervise });

  const work = async () => {
    for (const job of jobs) {
      await boss.work(
        job.name,
        {
          batchSize: 1,
          includeMetadata: true,
          localConcurrency: job.concurrency ?? 2,
          pollingIntervalSeconds: 1,
          notifyPollingIntervalSeconds: 1,
        },
        async ([raw]) => {
          if (!raw) return;
          const jobLog = log.child({ job: job.name, jobId: raw.id });
          const payload = job.payload.safeParse(raw.data);
          if (!payload.success) {
            // A malformed payload will never succeed: say why, and let retries end in the DLQ.
            throw new Error(
              `invalid payload for ${job.name}: ${payload.error.issues.map((i) => i.message).join("; ")}`,
            );
          }
          await job.handle(payload.data, { log: jobLog, db, jobId: raw.id, retryCount: raw.retryCount });
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
