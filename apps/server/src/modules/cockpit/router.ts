import { ZBoardFilter } from "@plaibook/shared";
import { z } from "zod";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { loadBoard, loadBoardChanges } from "./board.js";

export const cockpitRouter = router({
  /** Every live conversation the person may see, filtered and sorted, with counters per status. */
  board: procedureWith("conversations.view")
    .input(ZBoardFilter)
    .query(({ ctx, input }) => loadBoard(ctx.uc.tx, ctx.uc.actor, input)),
  /** Fresh rows after live events (`ids`) or after a reconnect (`since`, the board's `asOf`). */
  changes: procedureWith("conversations.view")
    .input(
      z
        .object({
          filter: ZBoardFilter,
          ids: z.array(z.uuid()).min(1).max(500).optional(),
          since: z.iso.datetime({ offset: true }).optional(),
        })
        .refine((v) => (v.ids === undefined) !== (v.since === undefined), {
          error: "Give either ids or since",
        }),
    )
    .query(({ ctx, input }) => loadBoardChanges(ctx.uc.tx, ctx.uc.actor, input)),
});
