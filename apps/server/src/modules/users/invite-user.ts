import type { TInviteUserInput, TInviteUserResult } from "@plaibook/shared";
import { newOpaqueToken } from "../../platform/auth/tokens.js";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { assertCanAssign } from "./policy.js";
import { insertUser } from "./queries.js";

/** Creates the user as `invited` with a one-time link; they set their own password when they accept. */
export async function inviteUser(
  ctx: TCtx,
  input: TInviteUserInput,
  options: { inviteTtlHours: number },
): Promise<TInviteUserResult> {
  assertCanAssign(ctx.actor, input.role);
  const invite = newOpaqueToken();
  const expiresAt = new Date(Date.now() + options.inviteTtlHours * 3_600_000);
  const member = await insertUser(ctx.tx, {
    orgId: ctx.actor.orgId,
    email: input.email,
    name: input.name,
    role: input.role,
    status: "invited",
    passwordHash: null,
    inviteTokenHash: invite.hash,
    inviteExpiresAt: expiresAt,
    invitedBy: ctx.actor.userId,
  });
  if (!member) throw new AppError("CONFLICT", `${input.email} already has a Plaibook account`);
  await recordAudit(ctx.tx, ctx.meta, {
    action: "user.invited",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "user",
    targetId: member.id,
    details: { email: member.email, role: member.role },
  });
  return {
    member,
    inviteUrl: `/accept-invite?token=${encodeURIComponent(invite.token)}`,
    expiresAt: expiresAt.toISOString(),
  };
}
