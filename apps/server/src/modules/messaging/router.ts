import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { conversationRoom } from "../../platform/realtime/socket.js";
import {
  announceControl,
  approveDraft,
  assignConversation,
  closeConversation,
  handBack,
  rejectDraft,
  reopenConversation,
  sendAsPerson,
  type THumanControlEvent,
  takeOver,
} from "../agent/human-control.js";
import { crmContext } from "../cockpit/crm-context.js";
import { assertConversationVisible, assertMessageVisible } from "../cockpit/scope.js";
import { findAnalyses } from "../overseer/queries.js";
import { replayConversation } from "../overseer/replay.js";
import type { TPublish } from "./events.js";
import { findConversationMessages, findConversations, getConversation } from "./queries.js";

const ZConversationId = z.object({ conversationId: z.uuid() });

/** Procedures on one conversation: only those the person may see (a rep: theirs). */
const onConversation = (permission: Parameters<typeof procedureWith>[0]) =>
  procedureWith(permission)
    .input(ZConversationId)
    .use(async ({ ctx, input, next }) => {
      await assertConversationVisible(ctx.uc.tx, ctx.uc.actor, input.conversationId);
      return next();
    });
const onDraft = (permission: Parameters<typeof procedureWith>[0]) =>
  procedureWith(permission)
    .input(z.object({ messageId: z.uuid() }))
    .use(async ({ ctx, input, next }) => {
      await assertMessageVisible(ctx.uc.tx, ctx.uc.actor, input.messageId);
      return next();
    });

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
    .query(({ ctx, input }) => findConversations(ctx.uc.tx, input, ctx.uc.actor)),
  get: onConversation("conversations.view").query(async ({ ctx, input }) => ({
    conversation: await getConversation(ctx.uc.tx, input.conversationId),
    messages: await findConversationMessages(ctx.uc.tx, input.conversationId),
    analyses: await findAnalyses(ctx.uc.tx, input.conversationId),
  })),
  /** The lead as the team's CRM knows them (none connected: `crm: null`). */
  crmContext: onConversation("conversations.view").query(({ ctx, input }) =>
    crmContext(ctx.uc.tx, ctx.services.app, input.conversationId),
  ),
  /** The conversation at turn N, rebuilt from the Overseer's append-only log. */
  replay: onConversation("conversations.view")
    .input(z.object({ turn: z.number().int().min(0).optional() }))
    .query(({ ctx, input }) => replayConversation(ctx.uc.tx, input.conversationId, input.turn)),

  takeOver: onConversation("conversations.control").mutation(async ({ ctx, input }) =>
    announce(ctx, await takeOver(ctx.uc, input.conversationId)),
  ),
  handBack: onConversation("conversations.control").mutation(async ({ ctx, input }) =>
    announce(ctx, await handBack(ctx.services.app.boss, ctx.uc, input.conversationId)),
  ),
  send: onConversation("messages.send")
    .input(z.object({ body: z.string().trim().min(1, { error: "Write a message first" }).max(1600) }))
    .mutation(async ({ ctx, input }) =>
      announce(ctx, await sendAsPerson(ctx.services.app.boss, ctx.uc, input)),
    ),
  approveDraft: onDraft("conversations.control")
    .input(z.object({ body: z.string().trim().max(1600).optional() }))
    .mutation(async ({ ctx, input }) =>
      announce(ctx, await approveDraft(ctx.services.app.boss, ctx.uc, input)),
    ),
  rejectDraft: onDraft("conversations.control").mutation(async ({ ctx, input }) =>
    announce(ctx, await rejectDraft(ctx.uc, input.messageId)),
  ),
  close: onConversation("conversations.control").mutation(async ({ ctx, input }) =>
    announce(ctx, await closeConversation(ctx.uc, input.conversationId)),
  ),
  reopen: onConversation("conversations.control").mutation(async ({ ctx, input }) =>
    announce(ctx, await reopenConversation(ctx.uc, input.conversationId)),
  ),
  assign: onConversation("conversations.assign")
    .input(z.object({ userId: z.uuid().nullable() }))
    .mutation(async ({ ctx, input }) => {
      const event = await assignConversation(ctx.uc, input);
      // The assignee hears about this conversation from now on, on whichever api process they are.
      if (event.assignee) {
        const assigneeId = event.assignee.userId;
        ctx.uc.afterCommit?.(() =>
          ctx.services.app.joinUser(assigneeId, conversationRoom(input.conversationId)),
        );
      }
      return announce(ctx, event);
    }),
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
