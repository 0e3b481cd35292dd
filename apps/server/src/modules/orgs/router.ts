import { ZOrgSmsSettings } from "@plaibook/shared";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { getSmsSettings, updateSmsSettings } from "./sms-settings.js";

export const orgsRouter = router({
  smsSettings: procedureWith("campaigns.view").query(({ ctx }) => getSmsSettings(ctx.uc)),
  updateSmsSettings: procedureWith("org.settings")
    .input(ZOrgSmsSettings)
    .mutation(({ ctx, input }) => updateSmsSettings(ctx.uc, input)),
});
