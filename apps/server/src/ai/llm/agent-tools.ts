import type { TAgentState, TBookableSlot } from "@plaibook/shared";
import { type ToolSet, tool } from "ai";
import { DateTime } from "luxon";
import { z } from "zod";
import type { TAgentTools, TBookingResult } from "../ports.js";

/** What the model did with its tools during one reply; the responder builds the new state from it. */
export type TToolLog = {
  /** Slots list_open_slots returned in this turn, in order. */
  listed: TBookableSlot[];
  booked: Extract<TBookingResult, { ok: true }> | null;
  handover: { reason: string } | null;
};

const MAX_SLOTS_PER_LIST = 6;
const MAX_SEARCH_DAYS = 14;

/** Local "YYYY-MM-DDTHH:mm" in the lead's zone, or a full ISO instant with offset. */
const ZLocalOrIso = z
  .string()
  .describe('A moment in the lead\'s zone as "YYYY-MM-DDTHH:mm" (or ISO 8601 with an offset)');

/**
 * The agent's tools as the model sees them. Each one calls the injected TAgentTools, which guard on
 * their own; this wrapper guards too, so a model cannot book a slot nobody offered the lead: only ids
 * in `state.offeredSlots` or returned by list_open_slots in this turn reach bookAppointment.
 */
export function createAgentToolSet(input: {
  tools: TAgentTools;
  state: TAgentState;
  timeZone: string;
  now: Date;
  bookingEnabled: boolean;
}): { toolSet: ToolSet; log: TToolLog } {
  const { tools, state, timeZone, now } = input;
  const log: TToolLog = { listed: [], booked: null, handover: null };

  const lookUpCustomer = tool({
    description:
      "Look up the lead in the business's CRM: name, whether they are a customer, service history.",
    inputSchema: z.object({}),
    execute: async () => {
      const customer = await tools.lookupCustomer();
      if (!customer) return { found: false };
      return {
        found: true,
        name: customer.name,
        active: customer.active,
        balanceCents: customer.balanceCents,
        serviceHistory: customer.serviceHistory.slice(0, 5),
      };
    },
  });

  const listOpenSlots = tool({
    description:
      "List open appointment slots between two moments in the lead's time zone. Propose only slots it returns.",
    inputSchema: z.object({
      from: ZLocalOrIso,
      to: ZLocalOrIso,
      limit: z.number().int().min(1).max(MAX_SLOTS_PER_LIST).describe("How many slots to return"),
    }),
    execute: async ({ from, to, limit }) => {
      const start = readMoment(from, timeZone);
      const end = readMoment(to, timeZone);
      if (!start || !end) return { error: 'Use "YYYY-MM-DDTHH:mm" in the lead\'s time zone.' };
      // Never search the past, nor further than two weeks out.
      const searchFrom = DateTime.max(start, DateTime.fromJSDate(now));
      const searchTo = DateTime.min(end, searchFrom.plus({ days: MAX_SEARCH_DAYS }));
      if (searchTo <= searchFrom) return { error: "`to` must be after `from` and in the future." };
      const slots = await tools.listOpenSlots({
        from: searchFrom.toJSDate(),
        to: searchTo.toJSDate(),
        limit: Math.min(limit, MAX_SLOTS_PER_LIST),
      });
      for (const slot of slots) {
        if (!log.listed.some((listed) => listed.id === slot.id)) log.listed.push(slot);
      }
      return { slots: slots.map((slot) => describeSlot(slot, timeZone)) };
    },
  });

  const bookAppointment = tool({
    description: "Book a slot the lead accepted. Use the id of a slot that was offered to them.",
    inputSchema: z.object({ slotId: z.string().min(1) }),
    execute: async ({ slotId }): Promise<TBookingResult | { ok: true; alreadyBooked: true }> => {
      if (log.booked) {
        if (log.booked.slot.id === slotId) return { ok: true, alreadyBooked: true };
        return { ok: false, reason: "An appointment was already booked in this conversation turn." };
      }
      const offered = [...state.offeredSlots, ...log.listed].some((slot) => slot.id === slotId);
      if (!offered) {
        return { ok: false, reason: "That slot was not offered to the lead. List open slots first." };
      }
      const result = await tools.bookAppointment(slotId);
      if (result.ok) log.booked = result;
      return result;
    },
  });

  const handToHuman = tool({
    description: "Hand the conversation to a person at the business (the lead asked, or you cannot help).",
    inputSchema: z.object({ reason: z.string().min(1).max(300) }),
    execute: async ({ reason }) => {
      log.handover = { reason };
      return { ok: true };
    },
  });

  const toolSet: ToolSet = input.bookingEnabled
    ? {
        look_up_customer: lookUpCustomer,
        list_open_slots: listOpenSlots,
        book_appointment: bookAppointment,
        hand_to_human: handToHuman,
      }
    : { look_up_customer: lookUpCustomer, hand_to_human: handToHuman };
  return { toolSet, log };
}

function readMoment(value: string, timeZone: string): DateTime | null {
  const moment = DateTime.fromISO(value, { zone: timeZone });
  return moment.isValid ? moment : null;
}

/** A slot as the model should read it: its id and the lead's local wall-clock time. */
export function describeSlot(slot: TBookableSlot, timeZone: string) {
  const start = DateTime.fromISO(slot.start, { setZone: true }).setZone(timeZone);
  const end = DateTime.fromISO(slot.end, { setZone: true }).setZone(timeZone);
  return { id: slot.id, start: start.toFormat("ccc LLL d, h:mm a"), end: end.toFormat("h:mm a") };
}
