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
  /**
   * A short-lived link to one org's file (a call's audio), for elements that cannot send a bearer
   * header (`<audio src>`). Scoped to the file, not to a user's whole session.
   */
  signMedia: (claims: TMediaClaims, ttlSeconds: number) => Promise<string>;
  verifyMedia: (token: string) => Promise<TMediaClaims | null>;
};

export type TMediaClaims = { orgId: string; resource: string };
const MEDIA_AUDIENCE = "plaibook-media";
const ZMediaClaims = z.object({ org: z.uuid(), sub: z.string().min(1) });

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
    signMedia: ({ orgId, resource }, ttlSeconds) =>
      new SignJWT({ org: orgId })
        .setProtectedHeader({ alg: "HS256", typ: "JWT" })
        .setSubject(resource)
        .setIssuer(ISSUER)
        .setAudience(MEDIA_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
    verifyMedia: async (token) => {
      try {
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: MEDIA_AUDIENCE,
          algorithms: ["HS256"],
        });
        const claims = ZMediaClaims.safeParse(payload);
        return claims.success ? { orgId: claims.data.org, resource: claims.data.sub } : null;
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
