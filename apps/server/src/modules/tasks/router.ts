import { ZTaskInput } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { announceControl } from "../agent/human-control.js";
import { recordAudit } from "../audit/record-audit.js";
import { findTasks, getTask, insertTask, updateTaskRow } from "./queries.js";

export const tasksRouter = router({
  list: procedureWith("tasks.view")
    .input(
      z
        .object({
          mine: z.boolean().default(false),
          includeDone: z.boolean().default(false),
          leadId: z.uuid().optional(),
        })
        .default({ mine: false, includeDone: false }),
    )
    .query(({ ctx, input }) =>
      findTasks(ctx.uc.tx, {
        leadId: input.leadId,
        assigneeId: input.mine ? ctx.uc.actor.userId : null,
        includeDone: input.includeDone,
      }),
    ),
  create: procedureWith("tasks.edit")
    .input(ZTaskInput)
    .mutation(async ({ ctx, input }) => {
      const id = await insertTask(ctx.uc.tx, {
        orgId: ctx.uc.actor.orgId,
        leadId: input.leadId ?? null,
        conversationId: input.conversationId ?? null,
        assigneeId: input.assigneeId ?? null,
        dueAt: input.dueAt ?? null,
        note: input.note,
        createdBy: ctx.uc.actor.userId,
      });
      const task = await getTask(ctx.uc.tx, id);
      const { conversationId, leadId } = task;
      await recordAudit(ctx.uc.tx, ctx.uc.meta, {
        action: "task.create",
        orgId: ctx.uc.actor.orgId,
        actorUserId: ctx.uc.actor.userId,
        targetType: conversationId ? "conversation" : "task",
        targetId: conversationId ?? id,
        details: { taskId: id },
      });
      // Others watching the conversation see the follow-up appear ("Dana added a task").
      if (conversationId && leadId) {
        const event = {
          conversationId,
          leadId,
          action: "task_added" as const,
          by: { userId: ctx.uc.actor.userId, name: ctx.uc.actor.name },
        };
        ctx.uc.afterCommit?.(() => announceControl(ctx.services.app.publish, ctx.uc.actor.orgId, event));
      }
      return task;
    }),
  update: procedureWith("tasks.edit")
    .input(ZTaskInput.partial().extend({ taskId: z.uuid() }))
    .mutation(async ({ ctx, input }) => {
      await updateTaskRow(ctx.uc.tx, input.taskId, input);
      return getTask(ctx.uc.tx, input.taskId);
    }),
  setDone: procedureWith("tasks.edit")
    .input(z.object({ taskId: z.uuid(), done: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      await updateTaskRow(ctx.uc.tx, input.taskId, { done: input.done });
      return getTask(ctx.uc.tx, input.taskId);
    }),
});
