import type { TRequestMeta } from "../../platform/auth/actor.js";
import { hashOpaqueToken } from "../../platform/auth/tokens.js";
import { withOrg, withoutOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { findActiveUser } from "../users/index.js";
import type { TAuthDeps } from "./deps.js";
import { issueSession, type TIssuedSession } from "./issue-session.js";
import {
  findRefreshTokenOrg,
  getRefreshTokenForUpdate,
  markRefreshTokenUsed,
  revokeFamily,
} from "./queries.js";

export const SESSION_EXPIRED_MESSAGE = "Your session has ended. Please sign in again.";

/**
 * Rotates a refresh token: the presented token is spent and a new one of the same family is issued.
 * Presenting a spent token again means it leaked, so the whole family is revoked.
 */
export async function refreshSession(
  deps: TAuthDeps,
  refreshToken: string | undefined,
  meta: TRequestMeta,
): Promise<TIssuedSession> {
  if (!refreshToken) throw new AppError("UNAUTHORIZED", SESSION_EXPIRED_MESSAGE);
  const found = await withoutOrg(deps.appPool, (tx) =>
    findRefreshTokenOrg(tx, hashOpaqueToken(refreshToken)),
  );
  if (!found) throw new AppError("UNAUTHORIZED", SESSION_EXPIRED_MESSAGE);

  const outcome = await withOrg(deps.appPool, found.orgId, async (tx) => {
    const token = await getRefreshTokenForUpdate(tx, found.tokenId);
    if (!token) return null;
    const reject = async (reason: string) => {
      await recordAudit(tx, meta, {
        action: "auth.refresh_rejected",
        orgId: found.orgId,
        actorUserId: token.userId,
        details: { reason, familyId: token.familyId },
      });
      return null;
    };
    if (token.revokedAt) return reject("revoked");
    if (token.usedAt) {
      const revoked = await revokeFamily(tx, token.familyId);
      await recordAudit(tx, meta, {
        action: "auth.refresh_reuse_detected",
        orgId: found.orgId,
        actorUserId: token.userId,
        targetType: "user",
        targetId: token.userId,
        details: { familyId: token.familyId, revoked },
      });
      return null;
    }
    if (token.expiresAt.getTime() <= Date.now()) return reject("expired");
    const user = await findActiveUser(tx, token.userId);
    if (!user) {
      await revokeFamily(tx, token.familyId);
      return reject("user_inactive");
    }
    await markRefreshTokenUsed(tx, token.id);
    await recordAudit(tx, meta, { action: "auth.refresh", orgId: found.orgId, actorUserId: user.id });
    return issueSession(deps, tx, user, meta, token.familyId);
  });
  if (!outcome) throw new AppError("UNAUTHORIZED", SESSION_EXPIRED_MESSAGE);
  return outcome;
}
