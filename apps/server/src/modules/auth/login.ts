import type { TLoginInput } from "@plaibook/shared";
import type { TRequestMeta } from "../../platform/auth/actor.js";
import { verifyAgainstDummy, verifyPassword } from "../../platform/auth/passwords.js";
import { withOrg, withoutOrg } from "../../platform/db/with-org.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import {
  findLoginCandidate,
  getLoginRowForUpdate,
  recordLoginFailure,
  recordLoginSuccess,
} from "../users/index.js";
import type { TAuthDeps } from "./deps.js";
import { issueSession, type TIssuedSession } from "./issue-session.js";

/** One message for every failure, so a caller cannot learn whether an email exists or is locked. */
export const LOGIN_FAILED_MESSAGE = "Email or password is incorrect, or the account is temporarily locked.";

export async function login(
  deps: TAuthDeps,
  input: TLoginInput,
  meta: TRequestMeta,
): Promise<TIssuedSession> {
  const candidate = await withoutOrg(deps.appPool, (tx) => findLoginCandidate(tx, input.email));
  if (!candidate) {
    await verifyAgainstDummy(input.password);
    await withoutOrg(deps.appPool, (tx) =>
      recordAudit(tx, meta, {
        action: "auth.login_failed",
        orgId: null,
        details: { email: input.email, reason: "unknown_email" },
      }),
    );
    throw new AppError("UNAUTHORIZED", LOGIN_FAILED_MESSAGE);
  }

  // The transaction commits failures and lockouts too; the error is thrown only after it.
  const outcome = await withOrg(deps.appPool, candidate.orgId, async (tx) => {
    const user = await getLoginRowForUpdate(tx, candidate.userId);
    if (!user) return { ok: false as const };
    const audit = (action: string, details: Record<string, unknown> = {}) =>
      recordAudit(tx, meta, {
        action,
        orgId: user.orgId,
        actorUserId: user.id,
        targetType: "user",
        targetId: user.id,
        details,
      });

    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      await verifyAgainstDummy(input.password);
      await audit("auth.login_failed", { reason: "locked", lockedUntil: user.lockedUntil.toISOString() });
      return { ok: false as const };
    }
    const passwordOk = await checkPassword(user.passwordHash, input.password);
    if (!passwordOk || user.status !== "active") {
      const reason = !passwordOk ? "bad_password" : `status_${user.status}`;
      if (!passwordOk) {
        const { locked } = await recordLoginFailure(tx, user.id, deps.policy);
        if (locked) await audit("auth.account_locked", { minutes: deps.policy.lockMinutes });
      }
      await audit("auth.login_failed", { reason });
      return { ok: false as const };
    }
    await recordLoginSuccess(tx, user.id);
    await audit("auth.login");
    return { ok: true as const, issued: await issueSession(deps, tx, user, meta) };
  });
  if (!outcome.ok) throw new AppError("UNAUTHORIZED", LOGIN_FAILED_MESSAGE);
  return outcome.issued;
}

/** An invited user has no password yet: spend the same time and fail. */
async function checkPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash) return verifyPassword(passwordHash, password);
  await verifyAgainstDummy(password);
  return false;
}
