import type { TLead, TLeadInput, ZLeadInput } from "@plaibook/shared";
import type { z } from "zod";
import type { TCtx } from "../../platform/context.js";
import { AppError } from "../../platform/errors.js";
import { recordAudit } from "../audit/index.js";
import { addCampaignLeads } from "../campaigns/enrol.js";
import { normalisePhone, resolveTimeZone } from "./phone.js";
import { findLeadByPhone, getLead, type TLeadValues, updateLeadRow, upsertLeads } from "./queries.js";

type TInput = z.output<typeof ZLeadInput>;

function toValues(input: TInput): TLeadValues {
  const phone = normalisePhone(input.phone);
  if (!phone.ok) throw new AppError("BAD_REQUEST", `Phone: ${phone.reason}`);
  const zone = resolveTimeZone(input.timeZone, phone.e164);
  if (!zone.ok) throw new AppError("BAD_REQUEST", `Time zone: ${zone.reason}`);
  return {
    phone: phone.e164,
    firstName: input.firstName,
    lastName: input.lastName,
    email: input.email ?? null,
    company: input.company ?? null,
    city: input.city ?? null,
    timeZone: zone.timeZone,
    timeZoneSource: zone.source,
  };
}

export async function createLead(
  ctx: TCtx,
  input: TInput & { campaignId?: string | undefined },
): Promise<TLead> {
  const values = toValues(input);
  if (await findLeadByPhone(ctx.tx, values.phone))
    throw new AppError("CONFLICT", `A lead with phone ${values.phone} already exists`);
  const [row] = await upsertLeads(ctx.tx, ctx.actor.orgId, [values]);
  if (!row) throw new Error("lead was not saved");
  if (input.campaignId) await addCampaignLeads(ctx.tx, ctx.actor.orgId, input.campaignId, [row.id]);
  await recordAudit(ctx.tx, ctx.meta, {
    action: "lead.created",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "lead",
    targetId: row.id,
  });
  return getLead(ctx.tx, row.id);
}

export async function updateLead(ctx: TCtx, leadId: string, input: TInput): Promise<TLead> {
  const values = toValues(input);
  const other = await findLeadByPhone(ctx.tx, values.phone);
  if (other && other.id !== leadId)
    throw new AppError("CONFLICT", `Another lead already has phone ${values.phone}`);
  await updateLeadRow(ctx.tx, leadId, values);
  await recordAudit(ctx.tx, ctx.meta, {
    action: "lead.updated",
    orgId: ctx.actor.orgId,
    actorUserId: ctx.actor.userId,
    targetType: "lead",
    targetId: leadId,
  });
  return getLead(ctx.tx, leadId);
}

export type { TLeadInput };
