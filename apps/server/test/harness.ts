import { randomBytes, randomUUID } from "node:crypto";
import type { TRole } from "@plaibook/shared";
import pg from "pg";
import { inject } from "vitest";
import { insertUser } from "../src/modules/users/index.js";
import { hashPassword } from "../src/platform/auth/passwords.js";
import { loadConfig, type TConfig } from "../src/platform/config.js";
import { withOrg } from "../src/platform/db/with-org.js";
import type { TCookieJar, TRpcContext } from "../src/platform/http/trpc.js";
import { createLogger } from "../src/platform/logger.js";
import { runProcess, type TRoles, type TRunning } from "../src/process.js";
import { appRouter } from "../src/router.js";
import { withDatabase } from "./global-setup.js";

/** A fresh database cloned from the migrated template; dropped by `drop()`. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = inject("pgAdminUrl");
  const name = `plaibook_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (let attempt = 0; ; attempt += 1) {
    try {
      await admin.query(`create database ${name} template ${inject("pgTemplate")}`);
      break;
    } catch (error) {
      // Two files cloning the template at the same instant collide; try again shortly.
      if (attempt >= 20 || !String(error).includes("being accessed by other users")) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  return {
    url: withDatabase(adminUrl, name),
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

export const TEST_SECRETS = { JWT_SECRET: "test-jwt-secret-".padEnd(48, "x"), SECRETS_KEY: "ab".repeat(32) };

export function testConfig(url: string, overrides: Record<string, string> = {}): TConfig {
  return loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
    AUTH_RATE_LIMIT_PER_MINUTE: "10000",
    ...TEST_SECRETS,
    ...overrides,
  });
}

export type TTestApp = TRunning & { baseUrl: string; dbUrl: string; close: () => Promise<void> };

/** The real process (api + worker by default) on its own database and a free port. */
export async function startTestApp(
  options: { env?: Record<string, string>; roles?: TRoles; dbUrl?: string } = {},
): Promise<TTestApp> {
  const database = options.dbUrl ? null : await createTestDatabase();
  const dbUrl = options.dbUrl ?? (database as { url: string }).url;
  const config = testConfig(dbUrl, options.env);
  const running = await runProcess({
    config,
    log: createLogger(config),
    roles: options.roles ?? { api: true, worker: true },
    migrate: true,
    seedDemo: false,
  });
  return {
    ...running,
    baseUrl: running.url ?? "",
    dbUrl,
    close: async () => {
      await running.stop();
      await database?.drop();
    },
  };
}

/** A cookie jar that behaves like the browser's for the refresh cookie. */
export function memoryCookies(initial?: string): TCookieJar & { current: () => string | undefined } {
  let value = initial;
  return {
    get refreshToken() {
      return value;
    },
    setRefreshToken: (token) => {
      value = token;
    },
    clearRefreshToken: () => {
      value = undefined;
    },
    current: () => value,
  };
}

/** Calls tRPC procedures in-process, through the same middleware as HTTP. */
export function caller(app: TRunning, options: { accessToken?: string | null; cookies?: TCookieJar } = {}) {
  const ctx: TRpcContext = {
    services: app.services,
    meta: { ip: "127.0.0.1", userAgent: "vitest", requestId: randomUUID() },
    accessToken: options.accessToken ?? null,
    cookies: options.cookies ?? memoryCookies(),
  };
  return appRouter.createCaller(ctx);
}

export const TEST_PASSWORD = "correct horse battery";

/** Signs up a new organisation; returns its owner's session. */
export async function buildOrg(app: TRunning, name = `Org ${randomBytes(3).toString("hex")}`) {
  const cookies = memoryCookies();
  const email = `owner-${randomBytes(4).toString("hex")}@example.test`;
  const session = await caller(app, { cookies }).auth.signup({
    orgName: name,
    name: "Owner",
    email,
    password: TEST_PASSWORD,
  });
  return { orgId: session.org.id, owner: { ...session.user, password: TEST_PASSWORD }, session, cookies };
}

/** An active user of `role` in the organisation, with TEST_PASSWORD, signed in. */
export async function buildUser(app: TRunning, orgId: string, role: TRole) {
  const email = `${role}-${randomBytes(4).toString("hex")}@example.test`;
  const passwordHash = await hashPassword(TEST_PASSWORD);
  await withOrg(app.services.db.appPool, orgId, (tx) =>
    insertUser(tx, { orgId, email, name: `Test ${role}`, role, status: "active", passwordHash }),
  );
  const cookies = memoryCookies();
  const session = await caller(app, { cookies }).auth.login({ email, password: TEST_PASSWORD });
  return { ...session.user, password: TEST_PASSWORD, session, cookies };
}

/** Reads through the owner connection (bypasses RLS): for asserting what is really stored. */
export async function ownerQuery<T extends pg.QueryResultRow>(
  app: TRunning,
  text: string,
  values: unknown[] = [],
) {
  const { rows } = await app.services.db.ownerPool.query<T>(text, values);
  return rows;
}
