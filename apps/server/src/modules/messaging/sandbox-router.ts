import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { getSandboxSettings, replyAsLead, setSandboxBot } from "./sandbox.js";

export const sandboxRouter = router({
  reply: procedureWith("sandbox.simulate")
    .input(
      z.object({
        conversationId: z.uuid(),
        body: z.string().trim().min(1, { error: "Write a message" }).max(1600),
      }),
    )
    .mutation(({ ctx, input }) => replyAsLead(ctx.uc, ctx.services.app, input)),
  settings: procedureWith("sandbox.simulate").query(({ ctx }) => getSandboxSettings(ctx.uc)),
  setBot: procedureWith("campaigns.manage")
    .input(z.object({ enabled: z.boolean() }))
    .mutation(({ ctx, input }) => setSandboxBot(ctx.uc, input.enabled)),
});
