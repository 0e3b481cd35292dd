import type { TTeamMember, TUserIdInput } from "@plaibook/shared";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { assertCanManageMember } from "./policy.js";
import { countOtherActiveOwners, getTeamMemberForUpdate, hasPassword, updateUserStatus } from "./queries.js";

/**
 * Deactivation takes effect on the user's next request: every request reloads the user, and
 * refresh refuses inactive users, so no token outlives it.
 */
export async function deactivateUser(ctx: TCtx, input: TUserIdInput): Promise<TTeamMember> {
  const target = await getTeamMemberForUpdate(ctx.tx, input.userId);
  assertCanManageMember(ctx.actor, target);
  if (target.status === "deactivated") return target;
  if (target.role === "owner" && (await countOtherActiveOwners(ctx.tx, target.id)) === 0) {
    throw new AppError("CONFLICT", "An organisation needs at least one active owner");
  }
  const updated = await updateUserStatus(ctx.tx, target.id, "deactivated");
  await audit(ctx, "user.deactivated", target.id);
  return updated;
}

/** Brings a user back as they were: active, or still invited if they never set a password. */
export async function reactivateUser(ctx: TCtx, input: TUserIdInput): Promise<TTeamMember> {
  const target = await getTeamMemberForUpdate(ctx.tx, input.userId);
  assertCanManageMember(ctx.actor, target);
  if (target.status !== "deactivated") return target;
  const status = (await hasPassword(ctx.tx, target.id)) ? "active" : "invited";
  const updated = await updateUserStatus(ctx.tx, target.id, status);
  await audit(ctx, "user.reactivated", target.id);
  return updated;
}

function audit(ctx: TCtx, action: string, userId: string): Promise<void> {
  return recordAudit(ctx.tx, ctx.meta, {
    action,
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "user",
    targetId: userId,
  });
}
