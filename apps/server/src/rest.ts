import type { FastifyInstance } from "fastify";
import { authRestRoutes } from "./modules/auth/rest.js";
import { registerOpenApi } from "./platform/http/openapi.js";
import type { TServices } from "./platform/services.js";

/** Public REST API v1; each feature adds its routes here. */
export async function restRoutes(app: FastifyInstance, services: TServices): Promise<void> {
  await registerOpenApi(app, "1.0.0");
  await authRestRoutes(app, services);
}
