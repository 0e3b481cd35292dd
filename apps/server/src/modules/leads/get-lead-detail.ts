import type { TFunnelStage } from "@plaibook/shared";
import type { TTx } from "../../platform/db/with-org.js";
import { findConversations } from "../messaging/queries.js";
import { findTasks } from "../tasks/queries.js";
import { getLead } from "./queries.js";

/** Everything the lead page shows: the lead, its campaigns, conversations and tasks. */
export async function getLeadDetail(tx: TTx, leadId: string) {
  const lead = await getLead(tx, leadId);
  const { rows } = await tx.client.query<{
    campaign_id: string;
    name: string;
    stage: TFunnelStage;
    touches_planned: number;
    last_touch_at: Date | null;
  }>(
    `select cl.campaign_id, c.name, cl.stage, cl.touches_planned, cl.last_touch_at
       from campaign_leads cl join campaigns c on c.id = cl.campaign_id
      where cl.lead_id = $1 order by cl.created_at desc`,
    [leadId],
  );
  return {
    lead,
    campaigns: rows.map((r) => ({
      campaignId: r.campaign_id,
      name: r.name,
      stage: r.stage,
      touchesPlanned: r.touches_planned,
      lastTouchAt: r.last_touch_at?.toISOString() ?? null,
    })),
    conversations: await findConversations(tx, { leadId, limit: 50 }),
    tasks: await findTasks(tx, { leadId, includeDone: true, assigneeId: null }),
  };
}
