import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildOrg, buildUser, startTestApp, type TTestApp } from "./harness.js";

describe("HTTP surface: REST v1, OpenAPI, health, metrics, headers, rate limits", () => {
  let app: TTestApp;
  let rep: Awaited<ReturnType<typeof buildUser>>;
  beforeAll(async () => {
    app = await startTestApp({
      env: { AUTH_RATE_LIMIT_PER_MINUTE: "200", CORS_ORIGINS: "https://app.example.test" },
    });
    const { orgId } = await buildOrg(app, "REST Org");
    rep = await buildUser(app, orgId, "rep");
  });
  afterAll(async () => app.close());

  const post = (path: string, body: unknown) =>
    fetch(`${app.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });

  it("issues tokens that /api/v1/me accepts, and rotates refresh tokens", async () => {
    const res = await post("/api/v1/auth/token", { email: rep.email, password: rep.password });
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as {
      access_token: string;
      refresh_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(tokens).toMatchObject({ token_type: "Bearer", expires_in: 3600 });
    const me = await fetch(`${app.baseUrl}/api/v1/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      user: { id: rep.id, email: rep.email, name: rep.name },
      role: "rep",
      organization: { id: rep.session.org.id, name: "REST Org" },
    });
    const refreshed = await post("/api/v1/auth/refresh", { refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    const again = await post("/api/v1/auth/refresh", { refresh_token: tokens.refresh_token });
    expect(again.status).toBe(401);
  });

  it("rejects bad credentials, bad bodies and missing tokens with clear errors", async () => {
    const wrong = await post("/api/v1/auth/token", { email: rep.email, password: "wrong password" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({
      error: "UNAUTHORIZED",
      message: expect.stringContaining("incorrect"),
    });
    const bad = await post("/api/v1/auth/token", { email: "nope" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/email|password/);
    const anon = await fetch(`${app.baseUrl}/api/v1/me`);
    expect(anon.status).toBe(401);
  });

  it("publishes an OpenAPI document generated from the schemas, and a docs page", async () => {
    const doc = (await (await fetch(`${app.baseUrl}/api/v1/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } }>
      >;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/v1/auth/refresh",
      "/api/v1/auth/token",
      "/api/v1/calls",
      "/api/v1/calls/{id}",
      "/api/v1/calls/{id}/audio",
      "/api/v1/calls/{id}/retry",
      "/api/v1/calls/{id}/transcript",
      "/api/v1/campaigns",
      "/api/v1/campaigns/{id}",
      "/api/v1/campaigns/{id}/launch",
      "/api/v1/campaigns/{id}/pause",
      "/api/v1/conversations",
      "/api/v1/conversations/{id}",
      "/api/v1/conversations/{id}/analyses",
      "/api/v1/conversations/{id}/handback",
      "/api/v1/conversations/{id}/messages",
      "/api/v1/conversations/{id}/replay",
      "/api/v1/conversations/{id}/takeover",
      "/api/v1/leads",
      "/api/v1/leads/bulk",
      "/api/v1/leads/import",
      "/api/v1/leads/imports/{id}",
      "/api/v1/leads/imports/{id}/rejected.csv",
      "/api/v1/leads/{id}",
      "/api/v1/me",
      "/api/v1/messages/{id}/approve",
      "/api/v1/messages/{id}/reject",
      "/api/v1/opt-outs",
      "/api/v1/opt-outs.csv",
      "/api/v1/opt-outs/import",
    ]);
    // Webhooks are for vendors, not integrators: they stay out of the document.
    expect(Object.keys(doc.paths).some((p) => p.startsWith("/webhooks"))).toBe(false);
    expect(
      doc.paths["/api/v1/auth/token"]?.post?.requestBody?.content["application/json"]?.schema.required,
    ).toEqual(["email", "password"]);
    const page = await fetch(`${app.baseUrl}/api/docs/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("swagger");
  });

  it("serves health, readiness and Prometheus metrics with request ids and security headers", async () => {
    const health = await fetch(`${app.baseUrl}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(await health.json()).toEqual({ ok: true });
    expect(health.headers.get("x-request-id")).toBe("abc-123");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
    expect(health.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(await (await fetch(`${app.baseUrl}/readyz`)).json()).toMatchObject({ ok: true, database: "up" });
    const metrics = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(metrics).toContain("plaibook_http_request_duration_seconds_bucket");
  });

  it("allows cross-origin calls only from the configured origins", async () => {
    const allowed = await fetch(`${app.baseUrl}/healthz`, {
      headers: { origin: "https://app.example.test" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example.test");
    const denied = await fetch(`${app.baseUrl}/healthz`, {
      headers: { origin: "https://evil.example.test" },
    });
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("returns JSON 404s for unknown API routes", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/nothing-here`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: "NOT_FOUND" });
  });
});

describe("auth rate limits", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: "3" } });
  });
  afterAll(async () => app.close());

  it("limits login attempts per client on both the REST and tRPC routes", async () => {
    const attempt = () =>
      fetch(`${app.baseUrl}/api/v1/auth/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "someone@example.test", password: "whatever1234" }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(await (await attempt()).json()).toMatchObject({ error: "TOO_MANY_REQUESTS" });
    const trpc = await fetch(`${app.baseUrl}/trpc/auth.login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "someone@example.test", password: "whatever1234" }),
    });
    expect(trpc.status).toBe(429);
    // In the envelope the tRPC client reads, so the web app can show the message.
    expect(await trpc.json()).toMatchObject({
      error: {
        message: expect.stringMatching(/^Too many attempts/),
        data: { code: "TOO_MANY_REQUESTS", httpStatus: 429 },
      },
    });
    const batched = await fetch(`${app.baseUrl}/trpc/auth.login,auth.refresh?batch=1`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ 0: { email: "someone@example.test", password: "whatever1234" } }),
    });
    expect(((await batched.json()) as unknown[]).length).toBe(2);
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });
});

describe("web app serving", () => {
  let app: TTestApp;
  beforeAll(async () => {
    const dist = mkdtempSync(join(tmpdir(), "plaibook-dist-"));
    mkdirSync(join(dist, "assets"));
    writeFileSync(join(dist, "index.html"), "<!doctype html><title>Plaibook SPA</title>");
    writeFileSync(join(dist, "assets", "app.js"), "console.log(1)");
    app = await startTestApp({ env: { WEB_DIST_DIR: dist }, roles: { api: true, worker: false } });
  });
  afterAll(async () => app.close());

  it("serves the SPA for app routes, files as they are, and JSON 404s for the rest", async () => {
    for (const path of ["/", "/login", "/settings/team"]) {
      const res = await fetch(`${app.baseUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain("Plaibook SPA");
    }
    expect(await (await fetch(`${app.baseUrl}/assets/app.js`)).text()).toBe("console.log(1)");
    expect((await fetch(`${app.baseUrl}/missing.png`)).status).toBe(404);
    expect((await fetch(`${app.baseUrl}/api/v1/unknown`, { headers: { accept: "text/html" } })).status).toBe(
      404,
    );
  });
});
