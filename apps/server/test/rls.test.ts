import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withOrg, withoutOrg } from "../src/platform/db/with-org.js";
import { buildOrg, buildUser, caller, ownerQuery, startTestApp, type TTestApp } from "./harness.js";
import { findTeamMembersForTest } from "./rls-helpers.js";

describe("tenant isolation through row-level security", () => {
  let app: TTestApp;
  let orgA: Awaited<ReturnType<typeof buildOrg>>;
  let orgB: Awaited<ReturnType<typeof buildOrg>>;
  let repB: Awaited<ReturnType<typeof buildUser>>;

  beforeAll(async () => {
    app = await startTestApp();
    orgA = await buildOrg(app, "Org A");
    orgB = await buildOrg(app, "Org B");
    repB = await buildUser(app, orgB.orgId, "rep");
  });
  afterAll(async () => app.close());

  it("runs requests as a role that cannot bypass RLS", async () => {
    const { rows } = await app.services.db.appPool.query<{
      current_user: string;
      rolbypassrls: boolean;
      rolsuper: boolean;
    }>("select current_user, rolbypassrls, rolsuper from pg_roles where rolname = current_user");
    expect(rows[0]).toEqual({ current_user: "plaibook_app", rolbypassrls: false, rolsuper: false });
    const forced = await ownerQuery<{ relname: string }>(
      app,
      "select relname from pg_class where relname in ('organizations','users','refresh_tokens','audit_log') and relrowsecurity and relforcerowsecurity",
    );
    expect(forced.map((r) => r.relname).sort()).toEqual([
      "audit_log",
      "organizations",
      "refresh_tokens",
      "users",
    ]);
  });

  it("cannot read another organisation's row even with its exact id", async () => {
    const rows = await withOrg(app.services.db.appPool, orgA.orgId, async (tx) => {
      const byId = await tx.client.query("select id, email from users where id = $1", [repB.id]);
      const all = await tx.client.query<{ org_id: string }>("select org_id from users");
      const orgs = await tx.client.query("select id from organizations where id = $1", [orgB.orgId]);
      const tokens = await tx.client.query("select id from refresh_tokens where org_id = $1", [orgB.orgId]);
      const audit = await tx.client.query("select id from audit_log where org_id = $1", [orgB.orgId]);
      return {
        byId: byId.rowCount,
        all: all.rows,
        orgs: orgs.rowCount,
        tokens: tokens.rowCount,
        audit: audit.rowCount,
      };
    });
    expect(rows.byId).toBe(0);
    expect(rows.orgs).toBe(0);
    expect(rows.tokens).toBe(0);
    expect(rows.audit).toBe(0);
    expect(rows.all.every((r) => r.org_id === orgA.orgId)).toBe(true);
    expect(await findTeamMembersForTest(app, orgA.orgId)).not.toContain(repB.email);
  });

  it("cannot change or delete another organisation's rows, nor write rows into it", async () => {
    const result = await withOrg(app.services.db.appPool, orgA.orgId, async (tx) => {
      const updated = await tx.client.query("update users set role = 'owner' where id = $1", [repB.id]);
      const deleted = await tx.client.query("delete from users where id = $1", [repB.id]);
      return { updated: updated.rowCount, deleted: deleted.rowCount };
    });
    expect(result).toEqual({ updated: 0, deleted: 0 });
    await expect(
      withOrg(app.services.db.appPool, orgA.orgId, (tx) =>
        tx.client.query(
          "insert into users (org_id, email, name, role) values ($1, 'intruder@example.test', 'I', 'owner')",
          [orgB.orgId],
        ),
      ),
    ).rejects.toThrow(/row-level security/);
    const [stored] = await ownerQuery<{ role: string }>(app, "select role from users where id = $1", [
      repB.id,
    ]);
    expect(stored?.role).toBe("rep");
  });

  it("shows nothing at all when no organisation is set", async () => {
    const count = await withoutOrg(
      app.services.db.appPool,
      async (tx) => (await tx.client.query("select 1 from users")).rowCount,
    );
    expect(count).toBe(0);
  });

  it("answers a crafted cross-tenant id through the API as not found", async () => {
    const api = caller(app, { accessToken: orgA.session.accessToken });
    await expect(api.users.changeRole({ userId: repB.id, role: "viewer" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(api.users.deactivate({ userId: repB.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [stored] = await ownerQuery<{ role: string; status: string }>(
      app,
      "select role, status from users where id = $1",
      [repB.id],
    );
    expect(stored).toEqual({ role: "rep", status: "active" });
  });

  it("ignores an org id forged into a token signed with another secret", async () => {
    const { createTokenService } = await import("../src/platform/auth/tokens.js");
    const forged = await createTokenService("another-secret-".padEnd(48, "y"), 3600).signAccess({
      userId: repB.id,
      orgId: orgB.orgId,
      role: "owner",
    });
    await expect(caller(app, { accessToken: forged }).users.list()).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });
});
