import { ZSavePlaybookInput } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { findPlaybooks, findPlaybookVersionHeads, getPlaybook, getPlaybookVersion } from "./queries.js";
import { savePlaybook } from "./save-playbook.js";

const ZPlaybookId = z.object({ playbookId: z.uuid() });

export const playbooksRouter = router({
  list: procedureWith("playbooks.view").query(({ ctx }) => findPlaybooks(ctx.uc.tx)),
  get: procedureWith("playbooks.view")
    .input(ZPlaybookId)
    .query(async ({ ctx, input }) => {
      const playbook = await getPlaybook(ctx.uc.tx, input.playbookId);
      return {
        playbook,
        versions: await findPlaybookVersionHeads(ctx.uc.tx, input.playbookId),
        current: await getPlaybookVersion(ctx.uc.tx, input.playbookId, playbook.currentVersion),
      };
    }),
  getVersion: procedureWith("playbooks.view")
    .input(ZPlaybookId.extend({ version: z.number().int().min(1) }))
    .query(({ ctx, input }) => getPlaybookVersion(ctx.uc.tx, input.playbookId, input.version)),
  save: procedureWith("playbooks.edit")
    .input(ZSavePlaybookInput)
    .mutation(({ ctx, input }) => savePlaybook(ctx.uc, input)),
});
