import type { TChangeRoleInput, TTeamMember } from "@plaibook/shared";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { assertCanAssign, assertCanManageMember } from "./policy.js";
import { countOtherActiveOwners, getTeamMemberForUpdate, updateUserRole } from "./queries.js";

export async function changeRole(ctx: TCtx, input: TChangeRoleInput): Promise<TTeamMember> {
  const target = await getTeamMemberForUpdate(ctx.tx, input.userId);
  assertCanManageMember(ctx.actor, target);
  assertCanAssign(ctx.actor, input.role);
  if (target.role === input.role) return target;
  if (target.role === "owner" && (await countOtherActiveOwners(ctx.tx, target.id)) === 0) {
    throw new AppError("CONFLICT", "An organisation needs at least one active owner");
  }
  const updated = await updateUserRole(ctx.tx, target.id, input.role);
  await recordAudit(ctx.tx, ctx.meta, {
    action: "user.role_changed",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "user",
    targetId: target.id,
    details: { from: target.role, to: input.role },
  });
  return updated;
}
