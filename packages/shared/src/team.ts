import { z } from "zod";
import { ZEmail, ZPersonName, ZUserStatus } from "./auth.js";
import { ZRole } from "./roles.js";

export const ZTeamMember = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
  status: ZUserStatus,
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type TTeamMember = z.infer<typeof ZTeamMember>;

export const ZInviteUserInput = z.object({ email: ZEmail, name: ZPersonName, role: ZRole });
export type TInviteUserInput = z.infer<typeof ZInviteUserInput>;

export const ZInviteUserResult = z.object({
  member: ZTeamMember,
  /** Path of the accept-invite page with its one-time token; shown once to the inviter. */
  inviteUrl: z.string(),
  expiresAt: z.string(),
});
export type TInviteUserResult = z.infer<typeof ZInviteUserResult>;

export const ZChangeRoleInput = z.object({ userId: z.uuid(), role: ZRole });
export type TChangeRoleInput = z.infer<typeof ZChangeRoleInput>;

export const ZUserIdInput = z.object({ userId: z.uuid() });
export type TUserIdInput = z.infer<typeof ZUserIdInput>;
