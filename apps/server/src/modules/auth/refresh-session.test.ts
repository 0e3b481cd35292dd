import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildOrg,
  caller,
  memoryCookies,
  ownerQuery,
  startTestApp,
  type TTestApp,
} from "../../../test/harness.js";

describe("refresh token rotation", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.close());

  it("rotates the refresh token on every use and keeps the session", async () => {
    const { cookies, owner } = await buildOrg(app);
    const first = cookies.current();
    const session = await caller(app, { cookies }).auth.refresh();
    const second = cookies.current();
    expect(session.user.id).toBe(owner.id);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    await expect(caller(app, { accessToken: session.accessToken }).auth.me()).resolves.toMatchObject({
      user: { id: owner.id },
    });
    const rows = await ownerQuery<{ family_id: string; used: boolean }>(
      app,
      "select family_id, used_at is not null as used from refresh_tokens where user_id = $1 order by created_at",
      [owner.id],
    );
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((r) => r.family_id)).size).toBe(1);
    expect(rows.map((r) => r.used)).toEqual([true, false]);
  });

  it("revokes the whole family when a spent token is presented again", async () => {
    const { cookies, owner } = await buildOrg(app);
    const stolen = cookies.current();
    await caller(app, { cookies }).auth.refresh();
    const legit = cookies.current();

    await expect(caller(app, { cookies: memoryCookies(stolen) }).auth.refresh()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    // The newest token of the family is dead too: the thief and the victim both sign in again.
    await expect(caller(app, { cookies: memoryCookies(legit) }).auth.refresh()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const live = await ownerQuery(
      app,
      "select 1 from refresh_tokens where user_id = $1 and revoked_at is null",
      [owner.id],
    );
    expect(live).toHaveLength(0);
    const audit = await ownerQuery<{ action: string }>(
      app,
      "select action from audit_log where actor_user_id = $1",
      [owner.id],
    );
    expect(audit.map((a) => a.action)).toContain("auth.refresh_reuse_detected");
  });

  it("logout revokes the family and clears the cookie", async () => {
    const { cookies, owner } = await buildOrg(app);
    const token = cookies.current();
    await caller(app, { cookies }).auth.logout();
    expect(cookies.current()).toBeUndefined();
    await expect(caller(app, { cookies: memoryCookies(token) }).auth.refresh()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const audit = await ownerQuery<{ action: string }>(
      app,
      "select action from audit_log where actor_user_id = $1",
      [owner.id],
    );
    expect(audit.map((a) => a.action)).toContain("auth.logout");
  });

  it("refuses a missing, unknown or expired token", async () => {
    await expect(caller(app).auth.refresh()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(
      caller(app, { cookies: memoryCookies("made-up-token") }).auth.refresh(),
    ).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const { cookies, owner } = await buildOrg(app);
    await ownerQuery(
      app,
      "update refresh_tokens set expires_at = now() - interval '1 minute' where user_id = $1",
      [owner.id],
    );
    await expect(caller(app, { cookies }).auth.refresh()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const [audit] = await ownerQuery<{ reason: string }>(
      app,
      "select details->>'reason' as reason from audit_log where action = 'auth.refresh_rejected' and actor_user_id = $1",
      [owner.id],
    );
    expect(audit?.reason).toBe("expired");
  });
});
