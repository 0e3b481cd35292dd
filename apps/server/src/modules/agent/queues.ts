import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { TTx } from "../../platform/db/with-org.js";

/** Queue names and payloads of the AI jobs, apart from their handlers so any module can enqueue. */
export const AGENT_REPLY_QUEUE = "agent.reply";
export const OVERSEER_TURN_QUEUE = "overseer.turn";
export const NOTIFY_QUEUE = "notify";

export const ZMessageJob = z.object({ orgId: z.uuid(), messageId: z.uuid() });
export type TMessageJob = z.infer<typeof ZMessageJob>;
export const ZNotifyJob = z.object({ orgId: z.uuid(), escalationId: z.uuid() });
export type TNotifyJob = z.infer<typeof ZNotifyJob>;

const inTx = (tx: Pick<TTx, "client">) => ({
  db: { executeSql: (text: string, values?: unknown[]) => tx.client.query(text, values) },
});

/** The agent answers this inbound message (in the transaction that stored it). */
export async function enqueueAgentReply(boss: PgBoss, tx: Pick<TTx, "client">, job: TMessageJob) {
  await boss.send(AGENT_REPLY_QUEUE, job, inTx(tx));
}

/** The Overseer judges these messages (in the transaction that stored them). */
export async function enqueueOverseer(boss: PgBoss, tx: Pick<TTx, "client">, jobs: TMessageJob[]) {
  if (jobs.length === 0) return;
  await boss.insert(
    OVERSEER_TURN_QUEUE,
    jobs.map((data) => ({ data })),
    inTx(tx),
  );
}

export async function enqueueNotify(boss: PgBoss, tx: Pick<TTx, "client">, job: TNotifyJob) {
  await boss.send(NOTIFY_QUEUE, job, inTx(tx));
}
