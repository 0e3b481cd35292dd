import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { conversationRooms } from "../../platform/realtime/socket.js";
import { recordAudit } from "../audit/record-audit.js";
import { acknowledgeEscalation, findEscalations } from "./queries.js";

export const escalationsRouter = router({
  list: procedureWith("escalations.view")
    .input(z.object({ includeResolved: z.boolean().default(false) }).default({ includeResolved: false }))
    .query(({ ctx, input }) => findEscalations(ctx.uc.tx, ctx.uc.actor, input)),
  acknowledge: procedureWith("escalations.manage")
    .input(z.object({ escalationId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      const conversationId = await acknowledgeEscalation(ctx.uc.tx, ctx.uc.actor, input.escalationId);
      await recordAudit(ctx.uc.tx, ctx.uc.meta, {
        action: "escalation.acknowledged",
        orgId: ctx.uc.actor.orgId,
        actorUserId: ctx.uc.actor.userId,
        targetType: "conversation",
        targetId: conversationId,
      });
      ctx.uc.afterCommit?.(() =>
        ctx.services.app.publish(
          conversationRooms(ctx.uc.actor.orgId, conversationId),
          "escalation.acknowledged",
          {
            escalationId: input.escalationId,
            conversationId,
            by: { userId: ctx.uc.actor.userId, name: ctx.uc.actor.name },
          },
        ),
      );
      return { ok: true };
    }),
});
