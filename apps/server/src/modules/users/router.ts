import { ZChangeRoleInput, ZInviteUserInput, ZUserIdInput } from "@plaibook/shared";
import { procedureWith, router } from "../../platform/http/trpc.js";
import { changeRole } from "./change-role.js";
import { inviteUser } from "./invite-user.js";
import { listUsers } from "./list-users.js";
import { deactivateUser, reactivateUser } from "./set-user-active.js";

// Every mutation re-checks the finer rules (who may touch whom) in the use case's policy.
export const usersRouter = router({
  list: procedureWith("team.view").query(({ ctx }) => listUsers(ctx.uc)),
  invite: procedureWith("team.manage")
    .input(ZInviteUserInput)
    .mutation(({ ctx, input }) =>
      inviteUser(ctx.uc, input, { inviteTtlHours: ctx.services.config.INVITE_TTL_HOURS }),
    ),
  changeRole: procedureWith("team.manage")
    .input(ZChangeRoleInput)
    .mutation(({ ctx, input }) => changeRole(ctx.uc, input)),
  deactivate: procedureWith("team.manage")
    .input(ZUserIdInput)
    .mutation(({ ctx, input }) => deactivateUser(ctx.uc, input)),
  reactivate: procedureWith("team.manage")
    .input(ZUserIdInput)
    .mutation(({ ctx, input }) => reactivateUser(ctx.uc, input)),
});
