import type { TBookableSlot } from "@plaibook/shared";
import type { TAgentTools, TBookingResult } from "../../ai/ports.js";
import type { TAppContext } from "../../app-context.js";
import { CrmError, type CrmProvider, type TCrmCustomer, type TCrmSlot } from "../../integrations/ports.js";
import { withOrg } from "../../platform/db/with-org.js";
import { recordAppointment } from "../appointments/book-appointment.js";
import { computeOpenSlots } from "../appointments/open-slots.js";
import { findBookedIntervals } from "../appointments/queries.js";
import { recordIntegrationError } from "../integrations/org-integrations.js";
import type { TConversationContext } from "./context.js";

export type TAgentToolsOptions = {
  app: Pick<TAppContext, "db" | "log">;
  ctx: TConversationContext;
  crm: CrmProvider | null;
  /** The lead's message being answered: booking twice for it returns the first booking. */
  sourceMessageId: string | null;
  /** The playbook test console: slots are real, bookings are not made. */
  dryRun?: boolean;
};

/**
 * The agent's tools, run by our code with guards: a slot can be booked only if it was offered to the
 * lead (or listed for them in this turn); the CRM's schedule is used when the CRM knows the lead,
 * the internal calendar otherwise.
 */
export function createAgentTools(
  options: TAgentToolsOptions,
): TAgentTools & { customer(): Promise<TCrmCustomer | null> } {
  const { app, ctx, crm, sourceMessageId } = options;
  const listed = new Map<string, { slot: TBookableSlot; crm: TCrmSlot | null }>();
  let customer: Promise<TCrmCustomer | null> | null = null;
  const durationMinutes = ctx.playbook?.booking.appointmentMinutes ?? 60;

  const lookupCustomer = () => {
    customer ??= crm
      ? crm.findCustomerByPhone(ctx.leadPhone).catch(async (error: unknown) => {
          await noteCrmFailure(error);
          return null;
        })
      : Promise.resolve(null);
    return customer;
  };

  const noteCrmFailure = async (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    app.log.warn(
      { err: error, conversationId: ctx.conversationId },
      "CRM call failed; using the internal calendar",
    );
    await withOrg(app.db.appPool, ctx.orgId, (tx) =>
      recordIntegrationError(tx, "fieldroutes", message),
    ).catch(() => undefined);
  };

  return {
    lookupCustomer,
    customer: lookupCustomer,

    async listOpenSlots({ from, to, limit }) {
      const known = await lookupCustomer();
      if (crm && known) {
        try {
          const spots = await crm.listOpenSlots({ from, to });
          return spots.slice(0, limit).map((spot) => {
            const slot = {
              id: `crm:${spot.id}`,
              start: spot.start.toISOString(),
              end: spot.end.toISOString(),
            };
            listed.set(slot.id, { slot, crm: spot });
            return slot;
          });
        } catch (error) {
          await noteCrmFailure(error);
        }
      }
      const booked = await withOrg(app.db.appPool, ctx.orgId, (tx) => findBookedIntervals(tx, from, to));
      const slots = computeOpenSlots({ settings: ctx.calendar, durationMinutes, from, to, booked, limit });
      for (const slot of slots) listed.set(slot.id, { slot, crm: null });
      return slots;
    },

    async bookAppointment(slotId): Promise<TBookingResult> {
      const offered = ctx.agentState.offeredSlots.find((s) => s.id === slotId);
      const entry = listed.get(slotId) ?? (offered ? { slot: offered, crm: null } : undefined);
      if (!entry) return { ok: false, reason: "That slot was not offered to the lead" };
      const { slot } = entry;
      if (options.dryRun) return { ok: true, appointmentId: `console-${slot.id}`, slot };
      const base = {
        orgId: ctx.orgId,
        leadId: ctx.leadId,
        conversationId: ctx.conversationId,
        sourceMessageId,
        start: new Date(slot.start),
        end: new Date(slot.end),
        bookedBy: "ai" as const,
        leadTimeZone: ctx.lead.timeZone,
        leadName: ctx.lead.name,
      };
      if (slotId.startsWith("crm:")) {
        const known = await lookupCustomer();
        const spot = entry.crm ?? {
          id: slotId.slice(4),
          start: new Date(slot.start),
          end: new Date(slot.end),
          routeId: null,
        };
        if (!crm || !known) return { ok: false, reason: "The CRM is not reachable for this lead" };
        try {
          const { externalId } = await crm.bookAppointment({
            customerExternalId: known.externalId,
            slot: spot,
            durationMinutes,
            notes: `Booked by the Plaibook AI agent by SMS with ${ctx.lead.name}.`,
          });
          const outcome = await withOrg(app.db.appPool, ctx.orgId, (tx) =>
            recordAppointment(tx, { ...base, provider: "fieldroutes", externalId }),
          );
          return outcome.ok
            ? { ok: true, appointmentId: outcome.appointmentId, slot }
            : { ok: false, reason: "taken" };
        } catch (error) {
          if (error instanceof CrmError && error.kind === "slot_taken") return { ok: false, reason: "taken" };
          await noteCrmFailure(error);
          return { ok: false, reason: "The CRM could not book it" };
        }
      }
      const outcome = await withOrg(app.db.appPool, ctx.orgId, (tx) =>
        recordAppointment(tx, { ...base, provider: "internal", externalId: null }),
      );
      return outcome.ok
        ? { ok: true, appointmentId: outcome.appointmentId, slot }
        : { ok: false, reason: "taken" };
    },
  };
}
