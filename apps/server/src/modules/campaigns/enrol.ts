import type { TTx } from "../../platform/db/with-org.js";

/** Puts leads into a campaign (once each). In an active campaign they are due at once. */
export async function addCampaignLeads(
  tx: TTx,
  orgId: string,
  campaignId: string,
  leadIds: string[],
): Promise<number> {
  if (leadIds.length === 0) return 0;
  const { rowCount } = await tx.client.query(
    `insert into campaign_leads (org_id, campaign_id, lead_id, next_touch_at)
     select $1, $2, lead_id, case when c.status = 'active' then now() end
       from unnest($3::uuid[]) as lead_id, campaigns c
      where c.id = $2 and c.status <> 'completed'
     on conflict (campaign_id, lead_id) do nothing`,
    [orgId, campaignId, leadIds],
  );
  return rowCount ?? 0;
}
