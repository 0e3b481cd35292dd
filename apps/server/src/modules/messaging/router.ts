import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import {
  announceControl,
  approveDraft,
  handBack,
  rejectDraft,
  sendAsPerson,
  type THumanControlEvent,
  takeOver,
} from "../agent/human-control.js";
import { findAnalyses } from "../overseer/queries.js";
import { replayConversation } from "../overseer/replay.js";
import type { TPublish } from "./events.js";
import { findConversationMessages, findConversations, getConversation } from "./queries.js";

const ZConversationId = z.object({ conversationId: z.uuid() });

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
    .input(ZConversationId)
    .query(async ({ ctx, input }) => ({
      conversation: await getConversation(ctx.uc.tx, input.conversationId),
      messages: await findConversationMessages(ctx.uc.tx, input.conversationId),
      analyses: await findAnalyses(ctx.uc.tx, input.conversationId),
    })),
  /** The conversation at turn N, rebuilt from the Overseer's append-only log. */
  replay: procedureWith("conversations.view")
    .input(ZConversationId.extend({ turn: z.number().int().min(0).optional() }))
    .query(({ ctx, input }) => replayConversation(ctx.uc.tx, input.conversationId, input.turn)),

  takeOver: procedureWith("conversations.control")
    .input(ZConversationId)
    .mutation(async ({ ctx, input }) => announce(ctx, await takeOver(ctx.uc, input.conversationId))),
  handBack: procedureWith("conversations.control")
    .input(ZConversationId)
    .mutation(async ({ ctx, input }) =>
      announce(ctx, await handBack(ctx.services.app.boss, ctx.uc, input.conversationId)),
    ),
  send: procedureWith("messages.send")
    .input(
      ZConversationId.extend({
        body: z.string().trim().min(1, { error: "Write a message first" }).max(1600),
      }),
    )
    .mutation(async ({ ctx, input }) =>
      announce(ctx, await sendAsPerson(ctx.services.app.boss, ctx.uc, input)),
    ),
  approveDraft: procedureWith("conversations.control")
    .input(z.object({ messageId: z.uuid(), body: z.string().trim().max(1600).optional() }))
    .mutation(async ({ ctx, input }) =>
      announce(ctx, await approveDraft(ctx.services.app.boss, ctx.uc, input)),
    ),
  rejectDraft: procedureWith("conversations.control")
    .input(z.object({ messageId: z.uuid() }))
    .mutation(async ({ ctx, input }) => announce(ctx, await rejectDraft(ctx.uc, input.messageId))),
});

type TRouterCtx = {
  uc: { actor: { orgId: string }; afterCommit?: (effect: () => void) => void };
  services: { app: { publish: TPublish } };
};

/** Announced once the request's transaction has committed. */
function announce(ctx: TRouterCtx, event: THumanControlEvent): THumanControlEvent {
  ctx.uc.afterCommit?.(() => announceControl(ctx.services.app.publish, ctx.uc.actor.orgId, event));
  return event;
}
