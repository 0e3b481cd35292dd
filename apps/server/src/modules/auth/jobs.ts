import { z } from "zod";
import type { TDatabase } from "../../platform/db/client.js";
import { defineJob } from "../../platform/queue/jobs.js";

/**
 * Daily housekeeping across all organisations, so it runs on the owner connection: refresh tokens
 * stay a day past expiry and a week past revocation (long enough to investigate reuse), then go.
 */
export const pruneRefreshTokensJob = defineJob<Record<string, unknown>, { db: TDatabase }>({
  name: "auth.prune-refresh-tokens",
  payload: z.object({}).loose(),
  cron: "17 3 * * *",
  handle: async (_payload, { app, log }) => {
    const { rowCount } = await app.db.ownerPool.query(
      `delete from refresh_tokens
        where expires_at < now() - interval '1 day' or revoked_at < now() - interval '7 days'`,
    );
    log.info({ deleted: rowCount }, "pruned refresh tokens");
  },
});
