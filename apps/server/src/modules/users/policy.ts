import { assignableRoles, can, type TRole, type TTeamMember } from "@plaibook/shared";
import type { TActor } from "../../platform/auth/actor.js";
import { AppError } from "../../platform/errors.js";

export function assertCanManageTeam(actor: TActor): void {
  if (!can(actor.role, "team.manage"))
    throw new AppError("FORBIDDEN", "Only owners and admins can manage the team");
}

export function assertCanAssign(actor: TActor, role: TRole): void {
  assertCanManageTeam(actor);
  if (!assignableRoles(actor.role).includes(role)) {
    throw new AppError("FORBIDDEN", `Your role (${actor.role}) cannot give the ${role} role`);
  }
}

/** Admins manage everyone below owner; owners manage everyone; nobody changes their own access here. */
export function assertCanManageMember(actor: TActor, target: TTeamMember): void {
  assertCanManageTeam(actor);
  if (target.id === actor.userId)
    throw new AppError("FORBIDDEN", "You cannot change your own role or access");
  if (target.role === "owner" && actor.role !== "owner") {
    throw new AppError("FORBIDDEN", "Only an owner can change another owner");
  }
}
