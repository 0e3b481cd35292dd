import { z } from "zod";

/** Roles from most to least powerful; the order is the hierarchy. */
export const ROLES = ["owner", "admin", "manager", "rep", "viewer"] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

const rank = (role: TRole): number => ROLES.length - ROLES.indexOf(role);

/** True when `role` is `minimum` or more powerful. */
export function roleAtLeast(role: TRole, minimum: TRole): boolean {
  return rank(role) >= rank(minimum);
}

/**
 * What each permission requires. The server enforces these; the web uses the same table
 * to hide what a role may not do.
 */
export const PERMISSIONS = {
  "team.view": "viewer",
  "team.manage": "admin",
  "playbooks.view": "viewer",
  "playbooks.edit": "manager",
  "leads.view": "viewer",
  "leads.edit": "rep",
  "leads.import": "manager",
  "campaigns.view": "viewer",
  "campaigns.manage": "manager",
  "conversations.view": "viewer",
  "messages.send": "rep",
  "optouts.view": "viewer",
  "optouts.manage": "manager",
  "tasks.view": "viewer",
  "tasks.edit": "rep",
  "sandbox.simulate": "rep",
  "org.settings": "admin",
  "conversations.control": "rep",
  /** Below this, a person sees only conversations assigned to them, answered by them, or in their campaigns. */
  "conversations.viewAll": "manager",
  "conversations.assign": "manager",
  "escalations.view": "viewer",
  "escalations.manage": "rep",
  "usage.view": "manager",
  "agent.console": "rep",
  "calls.view": "viewer",
  "calls.upload": "rep",
  /** Below this, a person sees only the calls they made or uploaded. */
  "calls.viewAll": "manager",
  "calls.settings": "manager",
} as const satisfies Record<string, TRole>;
export type TPermission = keyof typeof PERMISSIONS;

export function can(role: TRole, permission: TPermission): boolean {
  return roleAtLeast(role, PERMISSIONS[permission]);
}

/** Roles an actor may hand out: admins manage everyone below owner; only owners make owners. */
export function assignableRoles(actor: TRole): TRole[] {
  if (actor === "owner") return [...ROLES];
  if (actor === "admin") return ROLES.filter((r) => r !== "owner");
  return [];
}
