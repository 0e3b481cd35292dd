import { type TSession, ZAcceptInviteInput, ZLoginInput, ZSignupInput } from "@plaibook/shared";
import { authedProcedure, publicProcedure, router, type TRpcContext } from "../../platform/http/trpc.js";
import { getOrg } from "../orgs/index.js";
import { acceptInvite } from "./accept-invite.js";
import type { TAuthDeps } from "./deps.js";
import { authDepsOf } from "./deps-of.js";
import type { TIssuedSession } from "./issue-session.js";
import { login } from "./login.js";
import { logout } from "./logout.js";
import { refreshSession } from "./refresh-session.js";
import { signup } from "./signup.js";

/** The browser's refresh token lives in an httpOnly cookie; the session body carries the access token. */
function startSession(ctx: TRpcContext, issued: TIssuedSession): TSession {
  ctx.cookies.setRefreshToken(issued.refreshToken, issued.refreshExpiresAt);
  return issued.session;
}

const deps = (ctx: TRpcContext): TAuthDeps => authDepsOf(ctx.services);

export const authRouter = router({
  login: publicProcedure
    .input(ZLoginInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await login(deps(ctx), input, ctx.meta))),
  signup: publicProcedure
    .input(ZSignupInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await signup(deps(ctx), input, ctx.meta))),
  acceptInvite: publicProcedure
    .input(ZAcceptInviteInput)
    .mutation(async ({ ctx, input }) => startSession(ctx, await acceptInvite(deps(ctx), input, ctx.meta))),
  refresh: publicProcedure.mutation(async ({ ctx }) => {
    try {
      return startSession(ctx, await refreshSession(deps(ctx), ctx.cookies.refreshToken, ctx.meta));
    } catch (error) {
      ctx.cookies.clearRefreshToken();
      throw error;
    }
  }),
  logout: publicProcedure.mutation(async ({ ctx }) => {
    await logout(deps(ctx), ctx.cookies.refreshToken, ctx.meta);
    ctx.cookies.clearRefreshToken();
    return { ok: true as const };
  }),
  me: authedProcedure.query(async ({ ctx }) => {
    const { actor, tx } = ctx.uc;
    return {
      user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role },
      org: await getOrg(tx, actor.orgId),
    };
  }),
});
