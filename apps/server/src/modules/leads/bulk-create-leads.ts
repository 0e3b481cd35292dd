import { ZLeadInput } from "@plaibook/shared";
import type { TCtx } from "../../platform/context.js";
import { recordAudit } from "../audit/index.js";
import { addCampaignLeads } from "../campaigns/enrol.js";
import { normalisePhone, resolveTimeZone } from "./phone.js";
import { type TLeadValues, upsertLeads } from "./queries.js";

/** Validates each lead on its own: good ones are created or merged by phone, bad ones reported. */
export async function bulkCreateLeads(
  ctx: TCtx,
  input: { campaignId?: string | undefined; leads: Record<string, unknown>[] },
) {
  const rejected: { index: number; reason: string }[] = [];
  const byPhone = new Map<string, TLeadValues>();
  for (const [index, raw] of input.leads.entries()) {
    const parsed = ZLeadInput.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      rejected.push({ index, reason: `${issue?.path.join(".") || "lead"}: ${issue?.message ?? "invalid"}` });
      continue;
    }
    const phone = normalisePhone(parsed.data.phone);
    if (!phone.ok) {
      rejected.push({ index, reason: `phone: ${phone.reason}` });
      continue;
    }
    const zone = resolveTimeZone(parsed.data.timeZone, phone.e164);
    if (!zone.ok) {
      rejected.push({ index, reason: `timeZone: ${zone.reason}` });
      continue;
    }
    byPhone.set(phone.e164, {
      phone: phone.e164,
      firstName: parsed.data.firstName,
      lastName: parsed.data.lastName,
      email: parsed.data.email ?? null,
      company: parsed.data.company ?? null,
      city: parsed.data.city ?? null,
      timeZone: zone.timeZone,
      timeZoneSource: zone.source,
    });
  }
  const saved = await upsertLeads(ctx.tx, ctx.actor.orgId, [...byPhone.values()]);
  if (input.campaignId)
    await addCampaignLeads(
      ctx.tx,
      ctx.actor.orgId,
      input.campaignId,
      saved.map((s) => s.id),
    );
  const created = saved.filter((s) => s.inserted).length;
  await recordAudit(ctx.tx, ctx.meta, {
    action: "leads.bulk_created",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    details: { created, merged: input.leads.length - rejected.length - created, rejected: rejected.length },
  });
  return { created, merged: input.leads.length - rejected.length - created, rejected };
}
