import { createHash, randomBytes } from "node:crypto";
import { type TRole, ZRole } from "@plaibook/shared";
import { errors, jwtVerify, SignJWT } from "jose";
import { z } from "zod";

const ISSUER = "plaibook";
const AUDIENCE = "plaibook-api";

export type TAccessClaims = { userId: string; orgId: string; role: TRole };

const ZClaims = z.object({ sub: z.uuid(), org: z.uuid(), role: ZRole });

export type TTokenService = {
  accessTtlSeconds: number;
  signAccess: (claims: TAccessClaims) => Promise<string>;
  /** Returns the claims, or null for a missing, expired, tampered or malformed token. */
  verifyAccess: (token: string) => Promise<TAccessClaims | null>;
};

export function createTokenService(secret: string, accessTtlSeconds: number): TTokenService {
  const key = new TextEncoder().encode(secret);
  return {
    accessTtlSeconds,
    signAccess: ({ userId, orgId, role }) =>
      new SignJWT({ org: orgId, role })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(userId)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${accessTtlSeconds}s`)
        .sign(key),
    verifyAccess: async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ["HS256"],
        });
        const claims = ZClaims.safeParse(payload);
        return claims.success
          ? { userId: claims.data.sub, orgId: claims.data.org, role: claims.data.role }
          : null;
      } catch (error) {
        if (error instanceof errors.JOSEError) return null;
        throw error;
      }
    },
  };
}

/** An opaque random token and the SHA-256 hash we store in its place. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOpaqueToken(token) };
}

export function hashOpaqueToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
