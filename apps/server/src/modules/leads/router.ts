import { ZLeadInput, ZListLeadsInput } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { getLeadDetail } from "./get-lead-detail.js";
import { findLeadImports, findLeadPage, getLeadImport } from "./queries.js";
import { createLead, updateLead } from "./save-lead.js";

export const leadsRouter = router({
  list: procedureWith("leads.view")
    .input(ZListLeadsInput)
    .query(({ ctx, input }) => findLeadPage(ctx.uc.tx, input)),
  get: procedureWith("leads.view")
    .input(z.object({ leadId: z.uuid() }))
    .query(({ ctx, input }) => getLeadDetail(ctx.uc.tx, input.leadId)),
  create: procedureWith("leads.edit")
    .input(ZLeadInput.extend({ campaignId: z.uuid().optional() }))
    .mutation(({ ctx, input }) => createLead(ctx.uc, input)),
  update: procedureWith("leads.edit")
    .input(ZLeadInput.extend({ leadId: z.uuid() }))
    .mutation(({ ctx, input }) => updateLead(ctx.uc, input.leadId, input)),
  imports: procedureWith("leads.view")
    .input(z.object({ limit: z.number().int().min(1).max(100).default(20) }).default({ limit: 20 }))
    .query(({ ctx, input }) => findLeadImports(ctx.uc.tx, input.limit)),
  importStatus: procedureWith("leads.view")
    .input(z.object({ importId: z.uuid() }))
    .query(({ ctx, input }) => getLeadImport(ctx.uc.tx, input.importId)),
});
