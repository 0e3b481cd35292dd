import { randomUUID } from "node:crypto";
import type { TRole, TSession } from "@plaibook/shared";
import type { TRequestMeta } from "../../platform/auth/actor.js";
import { newOpaqueToken } from "../../platform/auth/tokens.js";
import type { TTx } from "../../platform/db/with-org.js";
import { getOrg } from "../orgs/index.js";
import type { TAuthDeps } from "./deps.js";
import { insertRefreshToken } from "./queries.js";

/** A session for the web app plus the refresh token, which travels separately (cookie or REST body). */
export type TIssuedSession = { session: TSession; refreshToken: string; refreshExpiresAt: Date };

/** Signs an access token and stores a new refresh token, in `familyId` or a new family. */
export async function issueSession(
  deps: TAuthDeps,
  tx: TTx,
  user: { id: string; orgId: string; email: string; name: string; role: TRole },
  meta: TRequestMeta,
  familyId: string = randomUUID(),
): Promise<TIssuedSession> {
  const refresh = newOpaqueToken();
  const refreshExpiresAt = new Date(Date.now() + deps.policy.refreshTtlDays * 86_400_000);
  await insertRefreshToken(tx, {
    orgId: user.orgId,
    userId: user.id,
    familyId,
    tokenHash: refresh.hash,
    expiresAt: refreshExpiresAt,
    userAgent: meta.userAgent,
    ip: meta.ip,
  });
  const accessToken = await deps.tokens.signAccess({ userId: user.id, orgId: user.orgId, role: user.role });
  return {
    session: {
      accessToken,
      expiresIn: deps.tokens.accessTtlSeconds,
      user: { id: user.id, email: user.email, name: user.name, role: user.role },
      org: await getOrg(tx, user.orgId),
    },
    refreshToken: refresh.token,
    refreshExpiresAt,
  };
}
