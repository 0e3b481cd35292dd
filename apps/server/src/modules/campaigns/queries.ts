import { FUNNEL_STAGES, type TCampaign, type TCampaignSettings, type TFunnelStage } from "@plaibook/shared";
import { desc, eq, sql } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { playbooks, playbookVersions } from "../playbooks/tables.js";
import { campaigns } from "./tables.js";

const funnel = sql<Record<string, number> | null>`(
  select jsonb_object_agg(stage, n) from (
    select stage, count(*)::int as n from campaign_leads cl where cl.campaign_id = ${campaigns.id} group by stage
  ) s)`;

const columns = {
  id: campaigns.id,
  name: campaigns.name,
  status: campaigns.status,
  playbookId: campaigns.playbookId,
  playbookVersionId: campaigns.playbookVersionId,
  playbookName: playbooks.name,
  playbookVersion: playbookVersions.version,
  businessHours: campaigns.businessHours,
  sendingNumbers: campaigns.sendingNumbers,
  perNumberPerMinute: campaigns.perNumberPerMinute,
  perCampaignPerMinute: campaigns.perCampaignPerMinute,
  followUpDays: campaigns.followUpDays,
  stopOnReply: campaigns.stopOnReply,
  approvalMode: campaigns.approvalMode,
  firstMessageFooter: campaigns.firstMessageFooter,
  funnel,
  launchedAt: campaigns.launchedAt,
  createdAt: campaigns.createdAt,
  updatedAt: campaigns.updatedAt,
};

type TRow = Awaited<ReturnType<typeof selectCampaigns>>[number];

function selectCampaigns(tx: TTx) {
  return tx.db
    .select(columns)
    .from(campaigns)
    .innerJoin(playbooks, eq(playbooks.id, campaigns.playbookId))
    .innerJoin(playbookVersions, eq(playbookVersions.id, campaigns.playbookVersionId));
}

function toCampaign(row: TRow): TCampaign {
  const counts = Object.fromEntries(FUNNEL_STAGES.map((s) => [s, row.funnel?.[s] ?? 0])) as Record<
    TFunnelStage,
    number
  >;
  return {
    ...row,
    status: row.status as TCampaign["status"],
    funnel: counts,
    leadCount: Object.values(counts).reduce((a, b) => a + b, 0),
    launchedAt: row.launchedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function findCampaigns(tx: TTx): Promise<TCampaign[]> {
  const rows = await selectCampaigns(tx).orderBy(desc(campaigns.createdAt));
  return rows.map(toCampaign);
}

export async function getCampaign(tx: TTx, campaignId: string): Promise<TCampaign> {
  const [row] = await selectCampaigns(tx).where(eq(campaigns.id, campaignId));
  if (!row) throw new AppError("NOT_FOUND", "Campaign not found");
  return toCampaign(row);
}

export async function insertCampaign(
  tx: TTx,
  values: TCampaignSettings & { orgId: string; playbookVersionId: string; createdBy: string },
): Promise<string> {
  const [row] = await tx.db.insert(campaigns).values(values).returning({ id: campaigns.id });
  if (!row) throw new Error("insert campaign returned nothing");
  return row.id;
}

export async function updateCampaignSettings(
  tx: TTx,
  campaignId: string,
  values: TCampaignSettings & { playbookVersionId: string },
): Promise<void> {
  await tx.db
    .update(campaigns)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(campaigns.id, campaignId));
}

export async function lockCampaignStatus(tx: TTx, campaignId: string): Promise<string> {
  const [row] = await tx.db
    .select({ status: campaigns.status })
    .from(campaigns)
    .where(eq(campaigns.id, campaignId))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", "Campaign not found");
  return row.status;
}

export async function setCampaignStatus(tx: TTx, campaignId: string, status: string): Promise<void> {
  await tx.db
    .update(campaigns)
    .set({
      status,
      updatedAt: sql`now()`,
      ...(status === "active" ? { launchedAt: sql`coalesce(${campaigns.launchedAt}, now())` } : {}),
      ...(status === "completed" ? { completedAt: sql`now()` } : {}),
    })
    .where(eq(campaigns.id, campaignId));
}

export async function countCampaignLeads(tx: TTx, campaignId: string): Promise<number> {
  const { rows } = await tx.client.query<{ n: number }>(
    "select count(*)::int as n from campaign_leads where campaign_id = $1",
    [campaignId],
  );
  return rows[0]?.n ?? 0;
}

/** Makes every queued lead due now (a launch), and stops planning when paused or completed. */
export async function scheduleQueuedLeads(tx: TTx, campaignId: string): Promise<number> {
  const { rowCount } = await tx.client.query(
    `update campaign_leads set next_touch_at = now()
      where campaign_id = $1 and stage = 'queued' and next_touch_at is null`,
    [campaignId],
  );
  return rowCount ?? 0;
}

export async function findOrgNumbers(
  tx: TTx,
): Promise<{ e164: string; label: string; provider: "sandbox" | "twilio" }[]> {
  const { rows } = await tx.client.query<{ e164: string; label: string; provider: "sandbox" | "twilio" }>(
    "select e164, label, provider from phone_numbers order by created_at, e164",
  );
  return rows;
}
