import type { TRole, TTeamMember } from "@plaibook/shared";
import { assignableRoles, can } from "@plaibook/shared";

export type TActor = { id: string; role: TRole };

export type TMemberActions = {
  /** Roles offered in the row's role select; empty when the role cannot be changed here. */
  roleOptions: TRole[];
  canDeactivate: boolean;
  canReactivate: boolean;
};

const NONE: TMemberActions = { roleOptions: [], canDeactivate: false, canReactivate: false };

/**
 * What the actor may do to one member row. Mirrors the server's rules so the UI never offers an action
 * the server would refuse: managers and below only look; nobody edits their own row (no self-deactivation,
 * no accidental self-demotion); admins cannot touch owners or make new ones.
 */
export function memberActions(actor: TActor, member: TTeamMember): TMemberActions {
  if (!can(actor.role, "team.manage") || member.id === actor.id) return NONE;
  const assignable = assignableRoles(actor.role);
  if (!assignable.includes(member.role)) return NONE;
  const deactivated = member.status === "deactivated";
  return {
    roleOptions: deactivated ? [] : assignable,
    canDeactivate: !deactivated,
    canReactivate: deactivated,
  };
}
