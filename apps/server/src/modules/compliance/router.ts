import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { addOptOut, removeOptOut } from "./manage-opt-outs.js";
import { findOptOutPage } from "./queries.js";

const ZPhone = z.object({ phone: z.string().trim().min(3).max(40) });

export const optOutsRouter = router({
  list: procedureWith("optouts.view")
    .input(
      z
        .object({
          search: z.string().trim().max(40).default(""),
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(10).max(200).default(50),
        })
        .default({ search: "", page: 1, pageSize: 50 }),
    )
    .query(({ ctx, input }) => findOptOutPage(ctx.uc.tx, input)),
  add: procedureWith("optouts.manage")
    .input(ZPhone)
    .mutation(({ ctx, input }) => addOptOut(ctx.uc, input.phone)),
  remove: procedureWith("optouts.manage")
    .input(ZPhone)
    .mutation(({ ctx, input }) => removeOptOut(ctx.uc, input.phone)),
});
