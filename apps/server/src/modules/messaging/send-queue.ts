import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { TTx } from "../../platform/db/with-org.js";

export const SMS_SEND_QUEUE = "sms.send";
export const ZSendPayload = z.object({ orgId: z.uuid(), messageId: z.uuid() });
export type TSendPayload = z.infer<typeof ZSendPayload>;

const inTx = (tx: Pick<TTx, "client">) => ({
  db: { executeSql: (text: string, values?: unknown[]) => tx.client.query(text, values) },
});

/** Queues the send of one message in the transaction that created it (singleton per message). */
export async function enqueueSend(
  boss: PgBoss,
  tx: Pick<TTx, "client">,
  payload: TSendPayload,
  startAfter?: Date,
): Promise<void> {
  await boss.send(SMS_SEND_QUEUE, payload, { ...inTx(tx), ...(startAfter ? { startAfter } : {}) });
}

export async function enqueueSends(
  boss: PgBoss,
  tx: Pick<TTx, "client">,
  items: { payload: TSendPayload; startAfter?: Date }[],
): Promise<void> {
  if (items.length === 0) return;
  await boss.insert(
    SMS_SEND_QUEUE,
    items.map((i) => ({ data: i.payload, ...(i.startAfter ? { startAfter: i.startAfter } : {}) })),
    inTx(tx),
  );
}

export const SMS_STATUS_QUEUE = "sms.status";
export const SMS_INBOUND_QUEUE = "sms.inbound";
export const SANDBOX_BOT_QUEUE = "sandbox.bot";
