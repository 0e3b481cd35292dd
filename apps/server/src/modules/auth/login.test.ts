import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildOrg,
  buildUser,
  caller,
  ownerQuery,
  startTestApp,
  type TTestApp,
} from "../../../test/harness.js";
import { LOGIN_FAILED_MESSAGE } from "./login.js";

describe("login and lockout", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { LOGIN_MAX_FAILURES: "5", LOGIN_LOCK_MINUTES: "15" } });
  });
  afterAll(async () => app.close());

  it("signs in with the right password and records the login", async () => {
    const { orgId } = await buildOrg(app);
    const rep = await buildUser(app, orgId, "rep");
    const session = await caller(app).auth.login({ email: rep.email.toUpperCase(), password: rep.password });
    expect(session.user).toMatchObject({ id: rep.id, role: "rep" });
    expect(session.org.id).toBe(orgId);
    const audit = await ownerQuery<{ action: string }>(
      app,
      "select action from audit_log where actor_user_id = $1",
      [rep.id],
    );
    expect(audit.map((a) => a.action)).toContain("auth.login");
  });

  it("locks the account after 5 failures, refuses even the right password, and says nothing more than for an unknown email", async () => {
    const { orgId } = await buildOrg(app);
    const rep = await buildUser(app, orgId, "rep");
    for (let i = 0; i < 5; i += 1) {
      await expect(
        caller(app).auth.login({ email: rep.email, password: "wrong password!" }),
      ).rejects.toMatchObject({
        code: "UNAUTHORIZED",
        message: LOGIN_FAILED_MESSAGE,
      });
    }
    const [row] = await ownerQuery<{ locked_until: Date | null }>(
      app,
      "select locked_until from users where id = $1",
      [rep.id],
    );
    const minutes = ((row?.locked_until?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);

    const locked = caller(app).auth.login({ email: rep.email, password: rep.password });
    await expect(locked).rejects.toMatchObject({ code: "UNAUTHORIZED", message: LOGIN_FAILED_MESSAGE });
    const unknown = caller(app).auth.login({ email: "nobody@example.test", password: rep.password });
    await expect(unknown).rejects.toMatchObject({ code: "UNAUTHORIZED", message: LOGIN_FAILED_MESSAGE });

    const actions = await ownerQuery<{ action: string; reason: string | null }>(
      app,
      "select action, details->>'reason' as reason from audit_log where target_id = $1 order by id",
      [rep.id],
    );
    expect(actions.filter((a) => a.action === "auth.account_locked")).toHaveLength(1);
    expect(actions.at(-1)).toMatchObject({ action: "auth.login_failed", reason: "locked" });

    // Once the lock has passed, the right password works again.
    await ownerQuery(app, "update users set locked_until = now() - interval '1 second' where id = $1", [
      rep.id,
    ]);
    await expect(caller(app).auth.login({ email: rep.email, password: rep.password })).resolves.toMatchObject(
      {
        user: { id: rep.id },
      },
    );
  });

  it("resets the failure count after a successful login", async () => {
    const { orgId } = await buildOrg(app);
    const rep = await buildUser(app, orgId, "rep");
    for (let i = 0; i < 4; i += 1) {
      await expect(
        caller(app).auth.login({ email: rep.email, password: "nope nope nope" }),
      ).rejects.toThrow();
    }
    await caller(app).auth.login({ email: rep.email, password: rep.password });
    for (let i = 0; i < 4; i += 1) {
      await expect(
        caller(app).auth.login({ email: rep.email, password: "nope nope nope" }),
      ).rejects.toThrow();
    }
    const [row] = await ownerQuery<{ locked_until: Date | null; failed_login_count: number }>(
      app,
      "select locked_until, failed_login_count from users where id = $1",
      [rep.id],
    );
    expect(row).toEqual({ locked_until: null, failed_login_count: 4 });
  });

  it("refuses deactivated and invited users with the same generic message", async () => {
    const { orgId, session } = await buildOrg(app);
    const rep = await buildUser(app, orgId, "rep");
    await caller(app, { accessToken: session.accessToken }).users.deactivate({ userId: rep.id });
    await expect(caller(app).auth.login({ email: rep.email, password: rep.password })).rejects.toMatchObject({
      message: LOGIN_FAILED_MESSAGE,
    });
    await expect(caller(app, { accessToken: rep.session.accessToken }).auth.me()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("validates input and names the problem", async () => {
    await expect(caller(app).auth.login({ email: "not-an-email", password: "x" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("email"),
    });
  });
});
