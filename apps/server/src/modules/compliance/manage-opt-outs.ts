import type { TOptOut } from "@plaibook/shared";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { normalisePhone } from "../leads/phone.js";
import { deleteOptOut, getOptOut, insertOptOut, lockConsent, stopCampaignsFor } from "./queries.js";

function e164(raw: string): string {
  const phone = normalisePhone(raw);
  if (!phone.ok) throw new AppError("BAD_REQUEST", `Phone: ${phone.reason}`);
  return phone.e164;
}

/** Opts a number out by hand: from now on nothing is sent to it, in any campaign. */
export async function addOptOut(ctx: TCtx, rawPhone: string, source = "manual"): Promise<TOptOut> {
  const phone = e164(rawPhone);
  await lockConsent(ctx.tx, ctx.actor.orgId, phone);
  await insertOptOut(ctx.tx, { orgId: ctx.actor.orgId, phone, source, keyword: null });
  await stopCampaignsFor(ctx.tx, [phone]);
  await recordAudit(ctx.tx, ctx.meta, {
    action: "optout.added",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "phone",
    targetId: phone,
    details: { source },
  });
  return (await getOptOut(ctx.tx, phone)) as TOptOut;
}

/** Removes an opt-out by hand (e.g. the person asked by phone to hear from us again). */
export async function removeOptOut(ctx: TCtx, rawPhone: string): Promise<{ ok: true }> {
  const phone = e164(rawPhone);
  await lockConsent(ctx.tx, ctx.actor.orgId, phone);
  if (!(await deleteOptOut(ctx.tx, phone))) throw new AppError("NOT_FOUND", `${phone} is not opted out`);
  await recordAudit(ctx.tx, ctx.meta, {
    action: "optout.removed",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "phone",
    targetId: phone,
  });
  return { ok: true };
}
