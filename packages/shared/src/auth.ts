import { z } from "zod";
import { ZRole } from "./roles.js";

export const PASSWORD_MIN_LENGTH = 10;

export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address" }));
export const ZPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, { error: `Password must be at least ${PASSWORD_MIN_LENGTH} characters` })
  .max(200, { error: "Password must be at most 200 characters" });
export const ZPersonName = z.string().trim().min(1, { error: "Name is required" }).max(120);

export const ZLoginInput = z.object({
  email: ZEmail,
  password: z.string().min(1, { error: "Password is required" }).max(200),
});
export type TLoginInput = z.infer<typeof ZLoginInput>;

export const ZSignupInput = z.object({
  orgName: z.string().trim().min(2, { error: "Organisation name is required" }).max(120),
  name: ZPersonName,
  email: ZEmail,
  password: ZPassword,
});
export type TSignupInput = z.infer<typeof ZSignupInput>;

export const ZAcceptInviteInput = z.object({
  token: z.string().min(20).max(200),
  name: ZPersonName,
  password: ZPassword,
});
export type TAcceptInviteInput = z.infer<typeof ZAcceptInviteInput>;

export const ZUserStatus = z.enum(["active", "invited", "deactivated"]);
export type TUserStatus = z.infer<typeof ZUserStatus>;

export const ZSessionUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZRole,
});
export type TSessionUser = z.infer<typeof ZSessionUser>;

export const ZSessionOrg = z.object({ id: z.uuid(), name: z.string() });
export type TSessionOrg = z.infer<typeof ZSessionOrg>;

/** What a successful login, sign-up or refresh returns to the web app. */
export const ZSession = z.object({
  accessToken: z.string(),
  expiresIn: z.number().int(),
  user: ZSessionUser,
  org: ZSessionOrg,
});
export type TSession = z.infer<typeof ZSession>;
