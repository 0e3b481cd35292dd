import { can, type TPermission } from "@plaibook/shared";
import type { FastifyRequest } from "fastify";
import { loadActor } from "../auth/load-actor.js";
import type { TCtx } from "../context.js";
import { withOrg } from "../db/with-org.js";
import { AppError } from "../errors.js";
import type { TServices } from "../services.js";
import { bearerToken, requestMeta } from "./app.js";

/** Runs a REST handler's unit of work as the bearer token's user, inside their org's transaction. */
export async function withBearer<T>(
  services: TServices,
  req: FastifyRequest,
  work: (ctx: TCtx) => Promise<T>,
  permission?: TPermission,
): Promise<T> {
  const token = bearerToken(req);
  const claims = token ? await services.tokens.verifyAccess(token) : null;
  if (!claims) throw new AppError("UNAUTHORIZED", "Missing or invalid bearer token");
  return withOrg(services.db.appPool, claims.orgId, async (tx) => {
    const actor = await loadActor(tx, claims.userId);
    if (!actor) throw new AppError("UNAUTHORIZED", "This user is no longer active");
    if (permission && !can(actor.role, permission)) {
      throw new AppError("FORBIDDEN", `Your role (${actor.role}) may not do this`);
    }
    return work({ tx, actor, meta: requestMeta(req) });
  });
}
