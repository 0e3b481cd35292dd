import type { TAcceptInviteInput } from "@plaibook/shared";
import type { TRequestMeta } from "../../platform/auth/actor.js";
import { hashPassword } from "../../platform/auth/passwords.js";
import { hashOpaqueToken } from "../../platform/auth/tokens.js";
import { withOrg, withoutOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import {
  completeInvite,
  findActiveUser,
  findInviteCandidate,
  getInvitedUserForUpdate,
} from "../users/index.js";
import type { TAuthDeps } from "./deps.js";
import { issueSession, type TIssuedSession } from "./issue-session.js";

const INVALID_INVITE = "This invite link is invalid or has expired. Ask an admin for a new one.";

/** An invited user sets their name and password, becomes active, and is signed in. */
export async function acceptInvite(
  deps: TAuthDeps,
  input: TAcceptInviteInput,
  meta: TRequestMeta,
): Promise<TIssuedSession> {
  const tokenHash = hashOpaqueToken(input.token);
  const found = await withoutOrg(deps.appPool, (tx) => findInviteCandidate(tx, tokenHash));
  if (!found) throw new AppError("BAD_REQUEST", INVALID_INVITE);
  const passwordHash = await hashPassword(input.password);
  return withOrg(deps.appPool, found.orgId, async (tx) => {
    const invited = await getInvitedUserForUpdate(tx, found.userId);
    const expired = !invited?.inviteExpiresAt || invited.inviteExpiresAt.getTime() <= Date.now();
    if (invited?.status !== "invited" || expired) throw new AppError("BAD_REQUEST", INVALID_INVITE);
    await completeInvite(tx, invited.id, { name: input.name, passwordHash });
    const user = await findActiveUser(tx, invited.id);
    if (!user) throw new AppError("BAD_REQUEST", INVALID_INVITE);
    await recordAudit(tx, meta, {
      action: "auth.invite_accepted",
      orgId: found.orgId,
      actorUserId: user.id,
      targetType: "user",
      targetId: user.id,
    });
    return issueSession(deps, tx, user, meta);
  });
}
