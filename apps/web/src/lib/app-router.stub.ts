// TEMPORARY: stands in for `@plaibook/server/router` until apps/server exports its router.
// Delete this file (and point app-router.ts at the server) once the real router exists.
import type { TInviteUserResult, TSession, TSessionOrg, TSessionUser, TTeamMember } from "@plaibook/shared";
import {
  ZAcceptInviteInput,
  ZChangeRoleInput,
  ZInviteUserInput,
  ZLoginInput,
  ZSignupInput,
  ZUserIdInput,
} from "@plaibook/shared";
import { initTRPC } from "@trpc/server";

const t = initTRPC.create();
const session = (): TSession => {
  throw new Error("stub");
};
const member = (): TTeamMember => {
  throw new Error("stub");
};

const stubRouter = t.router({
  auth: t.router({
    login: t.procedure.input(ZLoginInput).mutation(session),
    signup: t.procedure.input(ZSignupInput).mutation(session),
    acceptInvite: t.procedure.input(ZAcceptInviteInput).mutation(session),
    refresh: t.procedure.mutation(session),
    logout: t.procedure.mutation((): { ok: true } => ({ ok: true })),
    me: t.procedure.query((): { user: TSessionUser; org: TSessionOrg } => {
      throw new Error("stub");
    }),
  }),
  users: t.router({
    list: t.procedure.query((): TTeamMember[] => []),
    invite: t.procedure.input(ZInviteUserInput).mutation((): TInviteUserResult => {
      throw new Error("stub");
    }),
    changeRole: t.procedure.input(ZChangeRoleInput).mutation(member),
    deactivate: t.procedure.input(ZUserIdInput).mutation(member),
    reactivate: t.procedure.input(ZUserIdInput).mutation(member),
  }),
});

export type StubAppRouter = typeof stubRouter;
