import { ZCampaignSettings, ZCampaignTransition } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { findCampaignMessages } from "../messaging/queries.js";
import { addLeadsToCampaign, createCampaign, transitionCampaign, updateCampaign } from "./manage-campaign.js";
import { findCampaigns, findOrgNumbers, getCampaign } from "./queries.js";

const ZCampaignId = z.object({ campaignId: z.uuid() });

export const campaignsRouter = router({
  list: procedureWith("campaigns.view").query(({ ctx }) => findCampaigns(ctx.uc.tx)),
  get: procedureWith("campaigns.view")
    .input(ZCampaignId)
    .query(({ ctx, input }) => getCampaign(ctx.uc.tx, input.campaignId)),
  sendingNumbers: procedureWith("campaigns.view").query(({ ctx }) => findOrgNumbers(ctx.uc.tx)),
  messages: procedureWith("campaigns.view")
    .input(ZCampaignId.extend({ limit: z.number().int().min(1).max(500).default(100) }))
    .query(({ ctx, input }) => findCampaignMessages(ctx.uc.tx, input.campaignId, input.limit)),
  create: procedureWith("campaigns.manage")
    .input(ZCampaignSettings)
    .mutation(({ ctx, input }) => createCampaign(ctx.uc, input)),
  update: procedureWith("campaigns.manage")
    .input(ZCampaignId.extend({ settings: ZCampaignSettings }))
    .mutation(({ ctx, input }) => updateCampaign(ctx.uc, input.campaignId, input.settings)),
  transition: procedureWith("campaigns.manage")
    .input(ZCampaignTransition)
    .mutation(({ ctx, input }) => transitionCampaign(ctx.uc, ctx.services.queue.boss, input)),
  addLeads: procedureWith("campaigns.manage")
    .input(ZCampaignId.extend({ leadIds: z.array(z.uuid()).min(1).max(10_000) }))
    .mutation(({ ctx, input }) => addLeadsToCampaign(ctx.uc, input)),
});
