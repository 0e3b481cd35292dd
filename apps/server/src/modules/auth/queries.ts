import { and, eq, isNull, sql } from "drizzle-orm";
import type { TTx } from "../../platform/db/with-org.js";
import { refreshTokens } from "./tables.js";

export async function insertRefreshToken(
  tx: TTx,
  token: {
    orgId: string;
    userId: string;
    familyId: string;
    tokenHash: string;
    expiresAt: Date;
    userAgent: string | null;
    ip: string | null;
  },
): Promise<void> {
  await tx.db.insert(refreshTokens).values(token);
}

export type TRefreshTokenRow = {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
};

export async function getRefreshTokenForUpdate(tx: TTx, tokenId: string): Promise<TRefreshTokenRow | null> {
  const [row] = await tx.db
    .select({
      id: refreshTokens.id,
      userId: refreshTokens.userId,
      familyId: refreshTokens.familyId,
      expiresAt: refreshTokens.expiresAt,
      usedAt: refreshTokens.usedAt,
      revokedAt: refreshTokens.revokedAt,
    })
    .from(refreshTokens)
    .where(eq(refreshTokens.id, tokenId))
    .for("update");
  return row ?? null;
}

export async function markRefreshTokenUsed(tx: TTx, tokenId: string): Promise<void> {
  await tx.db.update(refreshTokens).set({ usedAt: sql`now()` }).where(eq(refreshTokens.id, tokenId));
}

export async function revokeFamily(tx: TTx, familyId: string): Promise<number> {
  const rows = await tx.db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.familyId, familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

export async function revokeAllForUser(tx: TTx, userId: string): Promise<number> {
  const rows = await tx.db
    .update(refreshTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

/** Ids only, from the security-definer lookup: a refresh arrives before the organisation is known. */
export async function findRefreshTokenOrg(
  tx: TTx,
  tokenHash: string,
): Promise<{ tokenId: string; orgId: string } | null> {
  const { rows } = await tx.client.query<{ token_id: string; org_id: string }>(
    "select token_id, org_id from auth_find_refresh_token($1)",
    [tokenHash],
  );
  return rows[0] ? { tokenId: rows[0].token_id, orgId: rows[0].org_id } : null;
}
