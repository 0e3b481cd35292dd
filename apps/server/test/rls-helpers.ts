import { listUsers } from "../src/modules/users/index.js";
import { withOrg } from "../src/platform/db/with-org.js";
import type { TRunning } from "../src/process.js";

/** Lists members through the real use case as an owner of `orgId` would see them. */
export async function findTeamMembersForTest(app: TRunning, orgId: string): Promise<string[]> {
  return withOrg(app.services.db.appPool, orgId, async (tx) => {
    const members = await listUsers({
      tx,
      actor: { userId: "00000000-0000-4000-8000-000000000000", orgId, role: "owner", email: "", name: "" },
      meta: { ip: null, userAgent: null, requestId: "test" },
    });
    return members.map((m) => m.email);
  });
}
