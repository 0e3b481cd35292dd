import { randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyCookie from "@fastify/cookie";
import fastifyCors from "@fastify/cors";
import fastifyHelmet from "@fastify/helmet";
import fastifyRateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import type { AnyRouter } from "@trpc/server";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import type { TRequestMeta } from "../auth/actor.js";
import { AppError, type AppErrorCode, httpStatusOf } from "../errors.js";
import type { TMetrics } from "../metrics.js";
import type { TServices } from "../services.js";
import { INTERNAL_ERROR_MESSAGE, trpcEnvelope } from "./error-mapping.js";
import type { TRpcContext } from "./trpc.js";

export const REFRESH_COOKIE = "plaibook_refresh";
/** Procedures and routes that take a password or a token: rate-limited per client address. */
const AUTH_PATHS = /^\/(trpc\/[^?]*auth\.(login|signup|refresh|acceptInvite)|api\/v1\/auth\/)/;

export type TRestRoutes = (app: FastifyInstance, services: TServices) => Promise<void>;

export async function buildHttpApp(options: {
  services: TServices;
  appRouter: AnyRouter;
  restRoutes: TRestRoutes;
  metrics: TMetrics;
  webDistDir: string | null;
}): Promise<FastifyInstance> {
  const { services, metrics } = options;
  const { config, log } = services;
  const app = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook("onSend", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });
  app.addHook("onResponse", async (req, reply) => {
    metrics.httpDuration
      .labels(req.method, req.routeOptions.url ?? "unmatched", String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'", "ws:", "wss:"],
        "media-src": ["'self'", "blob:"],
        "upgrade-insecure-requests": null,
      },
    },
  });
  await app.register(fastifyCors, {
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    credentials: true,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.AUTH_RATE_LIMIT_PER_MINUTE,
    timeWindow: "1 minute",
    // Thrown, so the error handler below renders it like every other error.
    errorResponseBuilder: (_req, context) =>
      new AppError(
        "TOO_MANY_REQUESTS",
        `Too many attempts. Try again in ${Math.ceil(context.ttl / 1000)} seconds.`,
      ),
  });
  const authRateLimit = app.rateLimit();
  app.addHook("onRequest", async (req, reply) => {
    if (AUTH_PATHS.test(req.url.slice(0, 200))) await authRateLimit.call(app, req, reply);
  });

  app.setErrorHandler((error: FastifyError | AppError, req, reply) => {
    const render = (code: AppErrorCode, status: number, message: string) =>
      reply
        .status(status)
        .send(
          req.url.startsWith("/trpc/")
            ? trpcEnvelope(req.url, code, message, status)
            : { error: code, message },
        );
    if (error instanceof AppError) return render(error.code, httpStatusOf[error.code], error.message);
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) {
      req.log.error({ err: error }, "request failed");
      return reply
        .status(500)
        .send({ error: "INTERNAL", message: INTERNAL_ERROR_MESSAGE, requestId: req.id });
    }
    return render(status === 413 ? "BAD_REQUEST" : statusCodeOf(status), status, error.message);
  });

  app.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true }));
  app.get("/readyz", { schema: { hide: true } }, async (_req, reply) => {
    try {
      await services.db.appPool.query("select 1");
      return { ok: true, database: "up" };
    } catch (error) {
      return reply.status(503).send({ ok: false, database: "down", message: String(error) });
    }
  });
  app.get("/metrics", { schema: { hide: true } }, async (_req, reply) => {
    reply.header("content-type", metrics.registry.contentType);
    return metrics.registry.metrics();
  });

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: options.appRouter,
      createContext: ({ req, res }) => createContext(services, req, res),
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR")
          log.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
      },
    } satisfies FastifyTRPCPluginOptions<AnyRouter>["trpcOptions"],
  });

  await options.restRoutes(app, services);
  registerWebApp(app, options.webDistDir);
  return app;
}

export function requestMeta(req: FastifyRequest): TRequestMeta {
  const ua = req.headers["user-agent"];
  return {
    ip: req.ip ?? null,
    userAgent: typeof ua === "string" ? ua.slice(0, 300) : null,
    requestId: String(req.id),
  };
}

export function bearerToken(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

function createContext(services: TServices, req: FastifyRequest, res: FastifyReply): TRpcContext {
  const cookiePath = "/";
  return {
    services,
    meta: requestMeta(req),
    accessToken: bearerToken(req),
    cookies: {
      refreshToken: req.cookies[REFRESH_COOKIE],
      setRefreshToken: (token, expiresAt) => {
        res.setCookie(REFRESH_COOKIE, token, {
          httpOnly: true,
          sameSite: "strict",
          secure: req.protocol === "https",
          path: cookiePath,
          expires: expiresAt,
        });
      },
      clearRefreshToken: () => {
        res.clearCookie(REFRESH_COOKIE, { path: cookiePath });
      },
    },
  };
}

/** Serves the built web app, with the SPA's index.html for any other GET that wants HTML. */
function registerWebApp(app: FastifyInstance, webDistDir: string | null): void {
  const index = webDistDir ? join(webDistDir, "index.html") : null;
  if (webDistDir && index && existsSync(index)) {
    void app.register(fastifyStatic, {
      root: webDistDir,
      index: false,
      wildcard: false,
      maxAge: "1h",
      immutable: false,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split("?")[0] ?? "";
    // App routes (/login, /settings/team) get the SPA; API paths and missing files (/x.png) get a 404.
    const wantsPage =
      req.method === "GET" &&
      !/^\/(api|trpc|socket\.io)(\/|$)/.test(path) &&
      (req.headers.accept?.includes("text/html") || !/\.[a-z0-9]+$/i.test(path));
    if (!wantsPage)
      return reply.status(404).send({ error: "NOT_FOUND", message: `No route for ${req.method} ${path}` });
    if (index && existsSync(index)) return reply.header("cache-control", "no-cache").sendFile("index.html");
    return reply
      .status(503)
      .type("text/html")
      .send(
        "<h1>Plaibook</h1><p>The web app is not built. Run <code>npm run build</code> (npm start does this).</p>",
      );
  });
}

/** The AppError code for a 4xx raised by Fastify or a plugin (validation, body limits, …). */
function statusCodeOf(status: number): AppErrorCode {
  const match = (Object.entries(httpStatusOf) as [AppErrorCode, number][]).find(([, s]) => s === status);
  return match?.[0] ?? "BAD_REQUEST";
}
