import type { z } from "zod";
import type { TAppContext } from "../../app-context.js";
import { defineJob } from "../../platform/queue/jobs.js";
import { planDueTouches } from "./plan-touches.js";
import { CAMPAIGN_TICK_QUEUE, ZTickPayload } from "./tick-queue.js";

/**
 * Every minute (and at once on launch): plan the touches that are due. The cron's run covers every
 * active campaign of every organisation, so it lists them on the owner connection.
 */
export const campaignTickJob = defineJob<z.infer<typeof ZTickPayload>, TAppContext>({
  name: CAMPAIGN_TICK_QUEUE,
  payload: ZTickPayload,
  cron: "* * * * *",
  concurrency: 1,
  handle: async (payload, { app, log }) => {
    const targets =
      payload.orgId && payload.campaignId
        ? [{ org_id: payload.orgId, id: payload.campaignId }]
        : (
            await app.db.ownerPool.query<{ org_id: string; id: string }>(
              "select org_id, id from campaigns where status = 'active'",
            )
          ).rows;
    for (const campaign of targets) {
      const result = await planDueTouches(app, { orgId: campaign.org_id, campaignId: campaign.id });
      if (result.planned > 0)
        log.info({ campaignId: campaign.id, planned: result.planned }, "touches planned");
    }
  },
});
