import type { TOrgSmsSettings } from "@plaibook/shared";
import type { TCtx } from "../../platform/context.js";
import { recordAudit } from "../audit/index.js";
import { getSmsIdentity } from "../compliance/sms-identity.js";

/** The texts in force (defaults filled in), as the settings page shows them. */
export async function getSmsSettings(ctx: TCtx): Promise<TOrgSmsSettings> {
  const identity = await getSmsIdentity(ctx.tx);
  return {
    businessName: identity.businessName,
    helpText: identity.helpText,
    optOutConfirmation: identity.optOutConfirmation,
  };
}

/** Saves the organisation's SMS identity; other keys of sms_settings (e.g. the Sandbox bot) are kept. */
export async function updateSmsSettings(ctx: TCtx, input: TOrgSmsSettings): Promise<TOrgSmsSettings> {
  await ctx.tx.client.query(
    "update organizations set sms_settings = sms_settings || $1::jsonb, updated_at = now()",
    [JSON.stringify(input)],
  );
  await recordAudit(ctx.tx, ctx.meta, {
    action: "org.sms_settings_updated",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "organization",
    targetId: ctx.actor.orgId,
  });
  return getSmsSettings(ctx);
}
