import { ZConversation, ZMessage } from "@plaibook/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses, ZIdParam } from "../../platform/http/rest-schemas.js";
import type { TServices } from "../../platform/services.js";
import { findConversationMessages, findConversations, getConversation } from "./queries.js";

export async function conversationsRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/conversations",
    {
      schema: {
        tags: ["conversations"],
        summary: "List conversations, latest first",
        security: bearer,
        querystring: z.object({
          campaignId: z.uuid().optional(),
          leadId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: { 200: z.array(ZConversation), ...errorResponses },
      },
    },
    async (req) =>
      withBearer(services, req, (ctx) => findConversations(ctx.tx, req.query), "conversations.view"),
  );
  api.get(
    "/api/v1/conversations/:id",
    {
      schema: {
        tags: ["conversations"],
        summary: "A conversation with its messages, oldest first",
        security: bearer,
        params: ZIdParam,
        response: {
          200: z.object({ conversation: ZConversation, messages: z.array(ZMessage) }),
          ...errorResponses,
        },
      },
    },
    async (req) =>
      withBearer(
        services,
        req,
        async (ctx) => ({
          conversation: await getConversation(ctx.tx, req.params.id),
          messages: await findConversationMessages(ctx.tx, req.params.id),
        }),
        "conversations.view",
      ),
  );
}
