import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { trainOfflineModels } from "./ai/offline/classifier/index.js";
import type { TAppContext } from "./app-context.js";
import { createSmsProviders } from "./integrations/sms-providers.js";
import { allJobs } from "./jobs.js";
import { conversationRoomPolicy } from "./modules/cockpit/room-policy.js";
import { seedDemo, seedDemoCalls, seedLiveConversations } from "./modules/demo/index.js";
import { createTokenService } from "./platform/auth/tokens.js";
import { createBlobStore } from "./platform/blobs/index.js";
import { requireSecrets, type TConfig } from "./platform/config.js";
import { loadOrCreateSecrets, resolveClusterDir } from "./platform/data-dir.js";
import { createDatabase, type TDatabase } from "./platform/db/client.js";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "./platform/db/embedded.js";
import { migrateDatabase } from "./platform/db/migrate.js";
import { buildHttpApp } from "./platform/http/app.js";
import type { Logger } from "./platform/logger.js";
import { createMetrics } from "./platform/metrics.js";
import { startQueue, type TQueue } from "./platform/queue/boss.js";
import { startRealtime, type TRealtime } from "./platform/realtime/socket.js";
import type { TServices } from "./platform/services.js";
import { restRoutes } from "./rest.js";
import { appRouter } from "./router.js";

export type TRoles = { api: boolean; worker: boolean };

export type TRunning = {
  services: TServices;
  url: string | null;
  app: FastifyInstance | null;
  /** Stops in order: stop accepting and drain requests, close sockets, finish jobs, close the pool, stop Postgres. */
  stop: () => Promise<void>;
};

const DEFAULT_WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));

/** The database a process uses: DATABASE_URL, or the embedded cluster in the data dir. */
export async function openDatabase(
  config: TConfig,
  log: Logger,
): Promise<{
  url: string;
  embedded: TEmbeddedPostgres | null;
  secrets: { jwtSecret: string; secretsKey: string };
}> {
  if (!config.embedded)
    return { url: config.DATABASE_URL as string, embedded: null, secrets: requireSecrets(config) };
  const stored = loadOrCreateSecrets(config.PLAIBOOK_DATA_DIR);
  const { dir, relocated } = resolveClusterDir(config.PLAIBOOK_DATA_DIR);
  if (relocated) {
    log.warn(
      { clusterDir: dir },
      "the postgres user cannot reach the data dir, so the embedded cluster lives in the temp dir",
    );
  }
  const embedded = await startEmbeddedPostgres({
    clusterDir: dir,
    port: config.PLAIBOOK_PG_PORT,
    database: "plaibook",
    log,
  });
  return {
    url: embedded.url,
    embedded,
    secrets: {
      jwtSecret: config.JWT_SECRET ?? stored.jwtSecret,
      secretsKey: config.SECRETS_KEY ?? stored.secretsKey,
    },
  };
}

export async function runProcess(options: {
  config: TConfig;
  log: Logger;
  roles: TRoles;
  migrate: boolean;
  seedDemo: boolean;
}): Promise<TRunning> {
  const { config, log, roles } = options;
  const { url, embedded, secrets } = await openDatabase(config, log);
  let db: TDatabase | null = null;
  let queue: TQueue | null = null;
  let realtime: TRealtime | null = null;
  let app: FastifyInstance | null = null;

  const stop = async () => {
    // Sockets first: an open websocket would keep the HTTP server from closing.
    await realtime?.close().catch((error: unknown) => log.warn({ err: error }, "closing sockets failed"));
    await app?.close().catch((error: unknown) => log.warn({ err: error }, "closing HTTP failed"));
    await queue
      ?.stop(Math.max(1000, config.SHUTDOWN_TIMEOUT_MS - 3000))
      .catch((error: unknown) => log.warn({ err: error }, "stopping jobs failed"));
    await db?.close().catch((error: unknown) => log.warn({ err: error }, "closing the database pool failed"));
    await embedded
      ?.stop()
      .catch((error: unknown) => log.warn({ err: error }, "stopping embedded Postgres failed"));
  };

  try {
    db = createDatabase(url, {
      appPoolSize: config.DATABASE_POOL_SIZE,
      onIdleError: (error) => log.warn({ err: error }, "database connection lost; it will be replaced"),
    });
    if (options.migrate) await migrateDatabase(db.ownerPool);
    if (options.seedDemo) {
      const seeded = await seedDemo(db.appPool);
      log.info(
        seeded,
        seeded.createdOrg || seeded.createdUsers > 0 ? "demo data seeded" : "demo data already present",
      );
    }
    const tokens = createTokenService(secrets.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS);
    queue = await startQueue({
      url,
      db,
      jobs: allJobs,
      log,
      supervise: roles.worker,
      superviseIntervalSeconds: config.QUEUE_SUPERVISE_SECONDS,
    });
    // After the queue: the live demo conversations queue the agent's and the Overseer's work.
    if (options.seedDemo && (await seedLiveConversations(db.appPool, queue.boss)))
      log.info("demo conversations seeded");
    realtime = startRealtime({
      ownerPool: db.ownerPool,
      appPool: db.appPool,
      tokens,
      corsOrigins: config.CORS_ORIGINS,
      log,
      policy: conversationRoomPolicy(db.appPool),
    });
    const appContext: TAppContext = {
      config,
      log,
      db,
      boss: queue.boss,
      publish: realtime.publish,
      joinUser: realtime.joinUser,
      blobs: createBlobStore(config),
      sms: createSmsProviders(config, db),
      secretsKey: secrets.secretsKey,
    };
    const services: TServices = { config, log, db, tokens, queue, realtime, app: appContext };
    // The demo's call recordings go through the real pipeline; the worker analyses them.
    if (options.seedDemo) {
      const seededCalls = await seedDemoCalls(appContext);
      if (seededCalls > 0) log.info({ calls: seededCalls }, "demo calls queued");
    }
    if (roles.api) {
      app = await buildHttpApp({
        services,
        appRouter,
        restRoutes,
        metrics: createMetrics(),
        webDistDir: config.WEB_DIST_DIR ?? DEFAULT_WEB_DIST,
      });
      await app.ready();
      realtime.attach(app.server);
    }
    if (roles.worker) {
      // Train the offline classifier now (about a second of CPU), not inside the first job, where it
      // would stall every request and socket of this process.
      trainOfflineModels();
      await queue.work(appContext, config.WORKER_QUEUES);
    }
    let listening: string | null = null;
    if (app) {
      await app.listen({ port: config.PORT, host: config.HOST });
      const address = app.server.address();
      listening = `http://localhost:${typeof address === "object" && address ? address.port : config.PORT}`;
    }
    return { services, url: listening, app, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
