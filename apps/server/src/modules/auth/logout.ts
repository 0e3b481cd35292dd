import type { TRequestMeta } from "../../platform/auth/actor.js";
import { hashOpaqueToken } from "../../platform/auth/tokens.js";
import { withOrg, withoutOrg } from "../../platform/db/with-org.js";
import { recordAudit } from "../audit/index.js";
import type { TAuthDeps } from "./deps.js";
import { findRefreshTokenOrg, getRefreshTokenForUpdate, revokeFamily } from "./queries.js";

/** Ends the login behind this refresh token (its whole family). Unknown tokens are a no-op. */
export async function logout(
  deps: TAuthDeps,
  refreshToken: string | undefined,
  meta: TRequestMeta,
): Promise<void> {
  if (!refreshToken) return;
  const found = await withoutOrg(deps.appPool, (tx) =>
    findRefreshTokenOrg(tx, hashOpaqueToken(refreshToken)),
  );
  if (!found) return;
  await withOrg(deps.appPool, found.orgId, async (tx) => {
    const token = await getRefreshTokenForUpdate(tx, found.tokenId);
    if (!token) return;
    await revokeFamily(tx, token.familyId);
    await recordAudit(tx, meta, { action: "auth.logout", orgId: found.orgId, actorUserId: token.userId });
  });
}
