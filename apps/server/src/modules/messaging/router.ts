import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { findConversationMessages, findConversations, getConversation } from "./queries.js";

export const conversationsRouter = router({
  list: procedureWith("conversations.view")
    .input(
      z
        .object({
          campaignId: z.uuid().optional(),
          leadId: z.uuid().optional(),
          limit: z.number().int().min(1).max(500).default(100),
        })
        .default({ limit: 100 }),
    )
    .query(({ ctx, input }) => findConversations(ctx.uc.tx, input)),
  get: procedureWith("conversations.view")
    .input(z.object({ conversationId: z.uuid() }))
    .query(async ({ ctx, input }) => ({
      conversation: await getConversation(ctx.uc.tx, input.conversationId),
      messages: await findConversationMessages(ctx.uc.tx, input.conversationId),
    })),
});
