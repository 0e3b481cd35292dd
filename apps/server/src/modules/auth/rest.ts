import { ZLoginInput, ZRole } from "@plaibook/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requestMeta } from "../../platform/http/app.js";
import { withBearer } from "../../platform/http/rest-auth.js";
import type { TServices } from "../../platform/services.js";
import { getOrg } from "../orgs/index.js";
import { authDepsOf } from "./deps-of.js";
import type { TIssuedSession } from "./issue-session.js";
import { login } from "./login.js";
import { refreshSession } from "./refresh-session.js";

const ZTokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z
    .string()
    .describe("Single use: each refresh returns a new one; reusing an old one ends the session."),
  token_type: z.literal("Bearer"),
  expires_in: z.number().int().describe("Seconds until the access token expires"),
});
const ZError = z.object({ error: z.string(), message: z.string() });
const ZMe = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
  role: ZRole,
  organization: z.object({ id: z.uuid(), name: z.string() }),
});

const tokenResponse = (issued: TIssuedSession): z.infer<typeof ZTokenResponse> => ({
  access_token: issued.session.accessToken,
  refresh_token: issued.refreshToken,
  token_type: "Bearer",
  expires_in: issued.session.expiresIn,
});

export async function authRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    "/api/v1/auth/token",
    {
      schema: {
        tags: ["auth"],
        summary: "Exchange email and password for tokens",
        body: ZLoginInput,
        response: { 200: ZTokenResponse, 400: ZError, 401: ZError, 429: ZError },
      },
    },
    async (req) => tokenResponse(await login(authDepsOf(services), req.body, requestMeta(req))),
  );
  api.post(
    "/api/v1/auth/refresh",
    {
      schema: {
        tags: ["auth"],
        summary: "Rotate a refresh token",
        body: z.object({ refresh_token: z.string().min(1).max(200) }),
        response: { 200: ZTokenResponse, 400: ZError, 401: ZError, 429: ZError },
      },
    },
    async (req) =>
      tokenResponse(await refreshSession(authDepsOf(services), req.body.refresh_token, requestMeta(req))),
  );
  api.get(
    "/api/v1/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The authenticated user, their role and organisation",
        security: [{ bearerAuth: [] }],
        response: { 200: ZMe, 401: ZError },
      },
    },
    async (req) =>
      withBearer(services, req, async ({ tx, actor }) => ({
        user: { id: actor.userId, email: actor.email, name: actor.name },
        role: actor.role,
        organization: await getOrg(tx, actor.orgId),
      })),
  );
}
