import type { TAppContext } from "../../app-context.js";
import type { TDeliveryStatus } from "../../integrations/ports.js";
import { withOrg } from "../../platform/db/with-org.js";
import { announceCampaign, announceMessage } from "./events.js";
import { getMessage } from "./queries.js";

const RANK: Record<string, number> = {
  queued: 0,
  sending: 1,
  sent: 2,
  delivered: 3,
  failed: 4,
  undeliverable: 4,
};

/**
 * A delivery receipt: moves the message forward (never back: a late "sent" after "delivered" is
 * ignored) and, for an undeliverable number, stops the campaign for that lead.
 */
export async function applyDeliveryStatus(
  app: Pick<TAppContext, "db" | "publish">,
  receipt: {
    orgId: string;
    provider: string;
    sid: string;
    status: TDeliveryStatus;
    errorCode?: string | null;
    errorMessage?: string | null;
  },
): Promise<boolean> {
  const changed = await withOrg(app.db.appPool, receipt.orgId, async (tx) => {
    const { rows } = await tx.client.query<{
      id: string;
      status: string;
      campaign_id: string | null;
      lead_id: string;
    }>(
      "select id, status, campaign_id, lead_id from messages where provider = $1 and provider_sid = $2 for update",
      [receipt.provider, receipt.sid],
    );
    const row = rows[0];
    if (!row || (RANK[receipt.status] ?? 0) <= (RANK[row.status] ?? 0)) return null;
    await tx.client.query(
      `update messages set status = $2, error_code = coalesce($3, error_code), error_message = coalesce($4, error_message),
              delivered_at = case when $2 = 'delivered' then now() else delivered_at end
        where id = $1`,
      [row.id, receipt.status, receipt.errorCode ?? null, receipt.errorMessage ?? null],
    );
    if (receipt.status === "undeliverable" && row.campaign_id) {
      await tx.client.query(
        "update campaign_leads set stage = 'undeliverable', next_touch_at = null where campaign_id = $1 and lead_id = $2",
        [row.campaign_id, row.lead_id],
      );
    }
    return { leadId: row.lead_id, campaignId: row.campaign_id, message: await getMessage(tx, row.id) };
  });
  if (!changed) return false;
  announceMessage(app.publish, receipt.orgId, "message.status", changed);
  announceCampaign(app.publish, receipt.orgId, changed.campaignId);
  return true;
}
