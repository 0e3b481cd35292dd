import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import { jsonSchemaTransform } from "fastify-type-provider-zod";

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="140" height="32" viewBox="0 0 140 32"><rect width="32" height="32" rx="8" fill="#4f46e5"/><path d="M11 8h6.5a5.5 5.5 0 0 1 0 11H14v5h-3z" fill="#fff"/><path d="M14 11v5h3.3a2.5 2.5 0 0 0 0-5z" fill="#4f46e5"/><text x="42" y="23" font-family="system-ui, sans-serif" font-size="20" font-weight="700" fill="#fff">Plaibook</text></svg>`;

/**
 * The public REST API's OpenAPI document is generated from the routes' Zod schemas; it is served at
 * /api/v1/openapi.json with an interactive page at /api/docs.
 */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Plaibook API",
        version,
        description:
          "Public REST API for integrators and scripts. Get a token with POST /api/v1/auth/token and send it as `Authorization: Bearer <access_token>`.",
      },
      servers: [{ url: "/" }],
      components: {
        securitySchemes: { bearerAuth: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, {
    routePrefix: "/api/docs",
    staticCSP: true,
    uiConfig: { docExpansion: "list" },
    theme: { title: "Plaibook API" },
    logo: { type: "image/svg+xml", content: LOGO, href: "/", target: "_self" },
  });
  app.get("/api/v1/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
