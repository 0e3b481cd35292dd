import type { PgBoss } from "pg-boss";
import { z } from "zod";
import type { TTx } from "../../platform/db/with-org.js";

export const CAMPAIGN_TICK_QUEUE = "campaign.tick";
/** Empty from the cron (every active campaign); one campaign when launched or resumed. */
export const ZTickPayload = z.object({ orgId: z.uuid().optional(), campaignId: z.uuid().optional() });

export async function enqueueTick(
  boss: PgBoss,
  tx: Pick<TTx, "client">,
  payload: { orgId: string; campaignId: string },
) {
  await boss.send(CAMPAIGN_TICK_QUEUE, payload, {
    db: { executeSql: (text: string, values?: unknown[]) => tx.client.query(text, values) },
  });
}
