import fastifyFormbody from "@fastify/formbody";
import fastifyMultipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { authRestRoutes } from "./modules/auth/rest.js";
import { callsRestRoutes } from "./modules/calls/rest.js";
import { campaignsRestRoutes } from "./modules/campaigns/rest.js";
import { optOutsRestRoutes } from "./modules/compliance/rest.js";
import { leadsRestRoutes } from "./modules/leads/rest.js";
import { conversationsRestRoutes } from "./modules/messaging/rest.js";
import { twilioWebhookRoutes } from "./modules/messaging/webhooks.js";
import { registerOpenApi } from "./platform/http/openapi.js";
import type { TServices } from "./platform/services.js";

/** Public REST API v1 and vendor webhooks; each feature adds its routes here. */
export async function restRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: 200 * 1024 * 1024, files: 1, fields: 20 } });
  await app.register(fastifyFormbody);
  await registerOpenApi(app, "1.0.0");
  await authRestRoutes(app, services);
  await leadsRestRoutes(app, services);
  await campaignsRestRoutes(app, services);
  await conversationsRestRoutes(app, services);
  await optOutsRestRoutes(app, services);
  await callsRestRoutes(app, services);
  await twilioWebhookRoutes(app, services);
}
