import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildOrg,
  buildUser,
  caller,
  ownerQuery,
  startTestApp,
  TEST_PASSWORD,
  type TTestApp,
} from "../../../test/harness.js";

describe("team management and role guards", () => {
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app.close());

  const as = (session: { accessToken: string }) => caller(app, { accessToken: session.accessToken });

  it("lets every role list the team but only owners and admins change it", async () => {
    const { orgId } = await buildOrg(app);
    for (const role of ["manager", "rep", "viewer"] as const) {
      const user = await buildUser(app, orgId, role);
      await expect(as(user.session).users.list()).resolves.toEqual(
        expect.arrayContaining([expect.objectContaining({ id: user.id, role })]),
      );
      await expect(
        as(user.session).users.invite({ email: `x-${role}@example.test`, name: "X", role: "viewer" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const admin = await buildUser(app, orgId, "admin");
    const invited = await as(admin.session).users.invite({
      email: "new.rep@example.test",
      name: "New Rep",
      role: "rep",
    });
    expect(invited.member).toMatchObject({ email: "new.rep@example.test", status: "invited", role: "rep" });
    expect(invited.inviteUrl).toMatch(/^\/accept-invite\?token=/);
  });

  it("refuses calls without a valid access token", async () => {
    await expect(caller(app).users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(caller(app, { accessToken: "not.a.jwt" }).users.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("keeps admins below owners", async () => {
    const { orgId, owner } = await buildOrg(app);
    const admin = await buildUser(app, orgId, "admin");
    await expect(
      as(admin.session).users.invite({ email: "boss@example.test", name: "Boss", role: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      as(admin.session).users.changeRole({ userId: owner.id, role: "viewer" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(as(admin.session).users.deactivate({ userId: owner.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(as(admin.session).users.deactivate({ userId: admin.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("changes roles with effect on the next request, and audits it", async () => {
    const { orgId, session } = await buildOrg(app);
    const manager = await buildUser(app, orgId, "manager");
    const updated = await as(session).users.changeRole({ userId: manager.id, role: "admin" });
    expect(updated.role).toBe("admin");
    // The old access token still says manager; the server reads the current role.
    await expect(
      as(manager.session).users.invite({ email: "promoted@example.test", name: "P", role: "rep" }),
    ).resolves.toBeDefined();
    const [audit] = await ownerQuery<{ details: { from: string; to: string } }>(
      app,
      "select details from audit_log where action = 'user.role_changed' and target_id = $1",
      [manager.id],
    );
    expect(audit?.details).toMatchObject({ from: "manager", to: "admin" });
  });

  it("lets owners manage owners, and a deactivated owner's session stops at once", async () => {
    const { orgId, owner, session } = await buildOrg(app);
    const second = await buildUser(app, orgId, "owner");
    await as(session).users.changeRole({ userId: second.id, role: "admin" });
    // Now an admin: may no longer touch the owner.
    await expect(
      as(second.session).users.changeRole({ userId: owner.id, role: "admin" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const third = await buildUser(app, orgId, "owner");
    expect((await as(third.session).users.deactivate({ userId: owner.id })).status).toBe("deactivated");
    await expect(as(session).users.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const owners = await ownerQuery<{ id: string }>(
      app,
      "select id from users where org_id = $1 and role = 'owner' and status = 'active'",
      [orgId],
    );
    expect(owners.map((o) => o.id)).toEqual([third.id]);
  });

  it("invites a user who accepts, sets a password and signs in", async () => {
    const { session } = await buildOrg(app);
    const invite = await as(session).users.invite({
      email: "Invitee@Example.test",
      name: "Invitee",
      role: "manager",
    });
    const token = new URL(invite.inviteUrl, "http://x").searchParams.get("token") ?? "";
    const accepted = await caller(app).auth.acceptInvite({
      token,
      name: "Ivy Invitee",
      password: TEST_PASSWORD,
    });
    expect(accepted.user).toMatchObject({
      email: "invitee@example.test",
      name: "Ivy Invitee",
      role: "manager",
    });
    await expect(
      caller(app).auth.acceptInvite({ token, name: "Again", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    const login = await caller(app).auth.login({ email: "invitee@example.test", password: TEST_PASSWORD });
    expect(login.user.id).toBe(accepted.user.id);
    const list = await as(session).users.list();
    expect(list.find((m) => m.id === accepted.user.id)?.status).toBe("active");
  });

  it("refuses a duplicate email and an expired invite", async () => {
    const { session } = await buildOrg(app);
    await as(session).users.invite({ email: "dup@example.test", name: "Dup", role: "rep" });
    await expect(
      as(session).users.invite({ email: "dup@example.test", name: "Dup", role: "rep" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const invite = await as(session).users.invite({ email: "late@example.test", name: "Late", role: "rep" });
    await ownerQuery(
      app,
      "update users set invite_expires_at = now() - interval '1 minute' where email = 'late@example.test'",
    );
    const token = new URL(invite.inviteUrl, "http://x").searchParams.get("token") ?? "";
    await expect(
      caller(app).auth.acceptInvite({ token, name: "Late", password: TEST_PASSWORD }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("deactivates and reactivates a member", async () => {
    const { orgId, session } = await buildOrg(app);
    const rep = await buildUser(app, orgId, "rep");
    expect((await as(session).users.deactivate({ userId: rep.id })).status).toBe("deactivated");
    await expect(caller(app, { cookies: rep.cookies }).auth.refresh()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    expect((await as(session).users.reactivate({ userId: rep.id })).status).toBe("active");
    await expect(caller(app).auth.login({ email: rep.email, password: rep.password })).resolves.toBeDefined();
  });
});
