import { randomUUID } from "node:crypto";
import type { TSignupInput } from "@plaibook/shared";
import type { TRequestMeta } from "../../platform/auth/actor.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { withOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { provisionSandboxNumbers } from "../messaging/provision-numbers.js";
import { insertOrg } from "../orgs/index.js";
import { insertUser } from "../users/index.js";
import type { TAuthDeps } from "./deps.js";
import { issueSession, type TIssuedSession } from "./issue-session.js";

/** Creates an organisation with its first owner, and signs the owner in. */
export async function signup(
  deps: TAuthDeps,
  input: TSignupInput,
  meta: TRequestMeta,
): Promise<TIssuedSession> {
  const orgId = randomUUID();
  const passwordHash = await hashPassword(input.password);
  return withOrg(deps.appPool, orgId, async (tx) => {
    await insertOrg(tx, { id: orgId, name: input.orgName });
    const owner = await insertUser(tx, {
      orgId,
      email: input.email,
      name: input.name,
      role: "owner",
      status: "active",
      passwordHash,
    });
    if (!owner) throw new AppError("CONFLICT", "An account with this email already exists. Sign in instead.");
    await provisionSandboxNumbers(tx, orgId);
    await recordAudit(tx, meta, {
      action: "org.created",
      orgId,
      actorUserId: owner.id,
      targetType: "organization",
      targetId: orgId,
    });
    await recordAudit(tx, meta, {
      action: "auth.signup",
      orgId,
      actorUserId: owner.id,
      targetType: "user",
      targetId: owner.id,
    });
    return issueSession(deps, tx, { ...owner, orgId }, meta);
  });
}
