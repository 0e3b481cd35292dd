import { ZTaskInput } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
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
      return getTask(ctx.uc.tx, id);
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
