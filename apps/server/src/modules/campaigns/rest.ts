import { ZCampaign } from "@plaibook/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { withBearer } from "../../platform/http/rest-auth.js";
import { bearer, errorResponses, ZIdParam } from "../../platform/http/rest-schemas.js";
import type { TServices } from "../../platform/services.js";
import { transitionCampaign } from "./manage-campaign.js";
import { findCampaigns, getCampaign } from "./queries.js";

export async function campaignsRestRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    "/api/v1/campaigns",
    {
      schema: {
        tags: ["campaigns"],
        summary: "List campaigns with funnel counts",
        security: bearer,
        response: { 200: z.array(ZCampaign), ...errorResponses },
      },
    },
    async (req) => withBearer(services, req, (ctx) => findCampaigns(ctx.tx), "campaigns.view"),
  );
  api.get(
    "/api/v1/campaigns/:id",
    {
      schema: {
        tags: ["campaigns"],
        summary: "One campaign",
        security: bearer,
        params: ZIdParam,
        response: { 200: ZCampaign, ...errorResponses },
      },
    },
    async (req) => withBearer(services, req, (ctx) => getCampaign(ctx.tx, req.params.id), "campaigns.view"),
  );
  for (const [path, to, summary] of [
    ["launch", "active", "Launch a draft (or resume a paused) campaign"],
    ["pause", "paused", "Pause an active campaign: nothing more is planned or sent until it resumes"],
  ] as const) {
    api.post(
      `/api/v1/campaigns/:id/${path}`,
      {
        schema: {
          tags: ["campaigns"],
          summary,
          security: bearer,
          params: ZIdParam,
          response: { 200: ZCampaign, ...errorResponses },
        },
      },
      async (req) =>
        withBearer(
          services,
          req,
          (ctx) => transitionCampaign(ctx, services.queue.boss, { campaignId: req.params.id, to }),
          "campaigns.manage",
        ),
    );
  }
}
