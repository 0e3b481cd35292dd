import type { TCampaign, TCampaignSettings, TCampaignStatus } from "@plaibook/shared";
import type { PgBoss } from "pg-boss";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { getCurrentVersionId } from "../playbooks/index.js";
import { addCampaignLeads } from "./enrol.js";
import { assertEditable, assertTransition } from "./policy.js";
import {
  countCampaignLeads,
  findOrgNumbers,
  getCampaign,
  insertCampaign,
  lockCampaignStatus,
  scheduleQueuedLeads,
  setCampaignStatus,
  updateCampaignSettings,
} from "./queries.js";
import { enqueueTick } from "./tick-queue.js";

async function assertOwnNumbers(ctx: TCtx, numbers: string[]): Promise<void> {
  const own = new Set((await findOrgNumbers(ctx.tx)).map((n) => n.e164));
  const foreign = numbers.filter((n) => !own.has(n));
  if (foreign.length > 0)
    throw new AppError("BAD_REQUEST", `Not one of your sending numbers: ${foreign.join(", ")}`);
}

function audit(ctx: TCtx, action: string, campaignId: string, details: Record<string, unknown> = {}) {
  return recordAudit(ctx.tx, ctx.meta, {
    action,
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "campaign",
    targetId: campaignId,
    details,
  });
}

/** A new campaign starts as a draft pinned to the playbook's current version. */
export async function createCampaign(ctx: TCtx, settings: TCampaignSettings): Promise<TCampaign> {
  await assertOwnNumbers(ctx, settings.sendingNumbers);
  const pinned = await getCurrentVersionId(ctx.tx, settings.playbookId);
  const id = await insertCampaign(ctx.tx, {
    ...settings,
    orgId: ctx.actor.orgId,
    playbookVersionId: pinned.versionId,
    createdBy: ctx.actor.userId,
  });
  await audit(ctx, "campaign.created", id, { playbookVersion: pinned.version });
  return getCampaign(ctx.tx, id);
}

/** Edits a draft or paused campaign; it is re-pinned to the playbook's current version. */
export async function updateCampaign(
  ctx: TCtx,
  campaignId: string,
  settings: TCampaignSettings,
): Promise<TCampaign> {
  assertEditable((await lockCampaignStatus(ctx.tx, campaignId)) as TCampaignStatus);
  await assertOwnNumbers(ctx, settings.sendingNumbers);
  const pinned = await getCurrentVersionId(ctx.tx, settings.playbookId);
  await updateCampaignSettings(ctx.tx, campaignId, { ...settings, playbookVersionId: pinned.versionId });
  await audit(ctx, "campaign.updated", campaignId, { playbookVersion: pinned.version });
  return getCampaign(ctx.tx, campaignId);
}

/** Launch, pause, resume or complete. Launching makes every queued lead due and plans at once. */
export async function transitionCampaign(
  ctx: TCtx,
  boss: PgBoss,
  input: { campaignId: string; to: "active" | "paused" | "completed" },
): Promise<TCampaign> {
  const from = (await lockCampaignStatus(ctx.tx, input.campaignId)) as TCampaignStatus;
  assertTransition(from, input.to);
  if (
    input.to === "active" &&
    from === "draft" &&
    (await countCampaignLeads(ctx.tx, input.campaignId)) === 0
  ) {
    throw new AppError("BAD_REQUEST", "Add leads to the campaign before launching it");
  }
  await setCampaignStatus(ctx.tx, input.campaignId, input.to);
  if (input.to === "active") {
    await scheduleQueuedLeads(ctx.tx, input.campaignId);
    await enqueueTick(boss, ctx.tx, { orgId: ctx.actor.orgId, campaignId: input.campaignId });
  }
  if (input.to === "completed") {
    await ctx.tx.client.query("update campaign_leads set next_touch_at = null where campaign_id = $1", [
      input.campaignId,
    ]);
  }
  const action =
    from === "draft" && input.to === "active"
      ? "campaign.launched"
      : `campaign.${input.to === "active" ? "resumed" : input.to}`;
  await audit(ctx, action, input.campaignId, { from, to: input.to });
  return getCampaign(ctx.tx, input.campaignId);
}

export async function addLeadsToCampaign(
  ctx: TCtx,
  input: { campaignId: string; leadIds: string[] },
): Promise<{ added: number }> {
  const status = await lockCampaignStatus(ctx.tx, input.campaignId);
  if (status === "completed") throw new AppError("CONFLICT", "This campaign is completed");
  const added = await addCampaignLeads(ctx.tx, ctx.actor.orgId, input.campaignId, input.leadIds);
  await audit(ctx, "campaign.leads_added", input.campaignId, { added });
  return { added };
}
