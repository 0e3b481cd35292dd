import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDatabase, type TDatabase } from "../src/platform/db/client.js";
import { withOrg } from "../src/platform/db/with-org.js";
import { createLogger } from "../src/platform/logger.js";
import { startQueue, type TQueue } from "../src/platform/queue/boss.js";
import { deadLetterOf, defineJob, enqueue } from "../src/platform/queue/jobs.js";
import { createTestDatabase } from "./harness.js";

const handled: string[] = [];
const echoJob = defineJob({
  name: "test.echo",
  payload: z.object({ word: z.string() }),
  handle: async ({ word }) => {
    handled.push(word);
  },
});
let failures = 0;
const failingJob = defineJob({
  name: "test.always-fails",
  payload: z.object({ n: z.number() }),
  retryLimit: 1,
  retryDelay: 1,
  handle: async () => {
    failures += 1;
    throw new Error("boom");
  },
});

describe("job queue conventions", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let db: TDatabase;
  let queue: TQueue;
  const orgId = "00000000-0000-4000-8000-0000000000a1";
  beforeAll(async () => {
    database = await createTestDatabase();
    db = createDatabase(database.url);
    queue = await startQueue({
      url: database.url,
      db,
      jobs: [echoJob, failingJob],
      log: createLogger({ LOG_LEVEL: "silent", NODE_ENV: "test" }),
      supervise: true,
    });
    await queue.work({});
  });
  afterAll(async () => {
    await queue.stop(2000);
    await db.close();
    await database.drop();
  });

  it("sends a job only if the transaction that sends it commits", async () => {
    await expect(
      withOrg(db.appPool, orgId, async (tx) => {
        await enqueue(queue.boss, tx, echoJob, { word: "rolled-back" });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    await withOrg(db.appPool, orgId, (tx) => enqueue(queue.boss, tx, echoJob, { word: "committed" }));
    await expect.poll(() => handled, { timeout: 10_000 }).toContain("committed");
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(handled).not.toContain("rolled-back");
  });

  it("refuses to send a payload that does not match the job's schema", async () => {
    await expect(
      withOrg(db.appPool, orgId, (tx) =>
        enqueue(queue.boss, tx, echoJob, { word: 42 } as unknown as { word: string }),
      ),
    ).rejects.toThrow();
  });

  it("retries a failing job, then moves it to its dead-letter queue", async () => {
    const queueInfo = await queue.boss.getQueue(failingJob.name);
    expect(queueInfo).toMatchObject({
      deadLetter: deadLetterOf(failingJob.name),
      retryLimit: 1,
      retryBackoff: true,
    });
    await withOrg(db.appPool, orgId, (tx) => enqueue(queue.boss, tx, failingJob, { n: 7 }));
    await expect
      .poll(
        async () => {
          const { rows } = await db.ownerPool.query<{ n: number }>(
            "select count(*)::int as n from pgboss.job where name = $1",
            [deadLetterOf(failingJob.name)],
          );
          return rows[0]?.n;
        },
        {
          timeout: 20_000,
          interval: 500,
        },
      )
      .toBe(1);
    expect(failures).toBe(2);
  }, 30_000);
});
