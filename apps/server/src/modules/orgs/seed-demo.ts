import { ROLES, type TRole } from "@plaibook/shared";
import type pg from "pg";
import { hashPassword } from "../../platform/auth/passwords.js";
import { withOrg } from "../../platform/db/with-org.js";
import { recordAudit } from "../audit/index.js";
import { insertUser } from "../users/index.js";
import { insertOrg } from "./queries.js";

/** Fixed so that seeding is idempotent: a second run finds the same organisation. */
export const DEMO_ORG_ID = "00000000-0000-4000-8000-00000000de00";
export const DEMO_PASSWORD = "plaibook-demo";
export const DEMO_USERS: { email: string; name: string; role: TRole }[] = ROLES.map((role) => ({
  email: `${role}@demo.plaibook.test`,
  name: {
    owner: "Olivia Owner",
    admin: "Adam Admin",
    manager: "Dana Manager",
    rep: "Riley Rep",
    viewer: "Vic Viewer",
  }[role],
  role,
}));

/** Creates the demo organisation and one user per role; rows that exist are left as they are. */
export async function seedDemo(appPool: pg.Pool): Promise<{ createdOrg: boolean; createdUsers: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return withOrg(appPool, DEMO_ORG_ID, async (tx) => {
    const { created } = await insertOrg(tx, { id: DEMO_ORG_ID, name: "Demo Pest & Solar Co." });
    let createdUsers = 0;
    for (const user of DEMO_USERS) {
      const inserted = await insertUser(tx, { ...user, orgId: DEMO_ORG_ID, status: "active", passwordHash });
      if (inserted) createdUsers += 1;
    }
    if (created || createdUsers > 0) {
      await recordAudit(tx, null, {
        action: "demo.seeded",
        orgId: DEMO_ORG_ID,
        details: { createdOrg: created, createdUsers },
      });
    }
    return { createdOrg: created, createdUsers };
  });
}
