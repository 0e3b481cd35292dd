import type { TPermission } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError, z } from "zod";
import type { TRequestMeta } from "../auth/actor.js";
import { loadActor } from "../auth/load-actor.js";
import type { TCtx } from "../context.js";
import { withOrg } from "../db/with-org.js";
import { AppError } from "../errors.js";
import type { TServices } from "../services.js";
import { INTERNAL_ERROR_MESSAGE, trpcCodeOf } from "./error-mapping.js";

export type TCookieJar = {
  refreshToken: string | undefined;
  setRefreshToken: (token: string, expiresAt: Date) => void;
  clearRefreshToken: () => void;
};

export type TRpcContext = {
  services: TServices;
  meta: TRequestMeta;
  accessToken: string | null;
  cookies: TCookieJar;
};

const t = initTRPC.context<TRpcContext>().create({
  isDev: false,
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    return {
      ...shape,
      message: internal
        ? INTERNAL_ERROR_MESSAGE
        : zodError
          ? firstZodMessage(error.cause as ZodError)
          : shape.message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, zodError },
    };
  },
});

function firstZodMessage(error: ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "Invalid input";
  return issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
}

/** Maps the domain's AppError to its tRPC code once, for every procedure. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: trpcCodeOf[cause.code], message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapAppErrors);

/**
 * Verifies the access token, opens the request's transaction with the org set (so RLS applies),
 * loads the actor fresh, and hands use cases `ctx.uc` ({ tx, actor, meta }).
 */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const claims = ctx.accessToken ? await ctx.services.tokens.verifyAccess(ctx.accessToken) : null;
  if (!claims) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  const committed: (() => void)[] = [];
  const result = await withOrg(ctx.services.db.appPool, claims.orgId, async (tx) => {
    const actor = await loadActor(tx, claims.userId);
    if (!actor)
      throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
    const uc: TCtx = { tx, actor, meta: ctx.meta, afterCommit: (effect) => committed.push(effect) };
    const outcome = await next({ ctx: { uc } });
    // A failed procedure must not commit half its writes.
    if (!outcome.ok) throw outcome.error;
    return outcome;
  });
  for (const effect of committed) effect();
  return result;
});

/** A signed-in procedure that also requires a permission from the shared role table. */
export function procedureWith(permission: TPermission) {
  return authedProcedure.use(({ ctx, next }) => {
    if (!can(ctx.uc.actor.role, permission)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `Your role (${ctx.uc.actor.role}) may not do this.`,
      });
    }
    return next();
  });
}
