import { DateTime } from "luxon";
import { z } from "zod";
import { CrmError, type CrmProvider, type TCrmCustomer, type TCrmSlot } from "../ports.js";
import { createFieldRoutesClient, type TFieldRoutesClient, type TSearchable } from "./fieldroutes-client.js";
import {
  type TFieldRoutesAppointment,
  type TFieldRoutesCustomer,
  type TFieldRoutesSpot,
  ZAppointment,
  ZCreateResult,
  ZCustomer,
  ZServiceType,
  ZSpot,
} from "./fieldroutes-schemas.js";

export type TFieldRoutesCrmConfig = {
  /** `https://{subdomain}.fieldroutes.com` */
  baseUrl: string;
  authenticationKey: string;
  authenticationToken: string;
  /** The office we schedule in; null uses the key's default office. */
  officeId: string | null;
  /** The office's IANA zone: a spot's date and start are wall-clock times there. */
  timeZone: string;
  /** The service type new appointments are booked as. */
  serviceTypeId: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** The vendor's search/get caps; tests lower them to exercise paging. */
  searchCap?: number;
  getCap?: number;
};

/** How many past services the agent sees. */
const SERVICE_HISTORY_LIMIT = 5;

const CUSTOMERS: TSearchable = {
  endpoint: "customer",
  idsKey: "customerIDs",
  dataKey: "customers",
  idField: "customerID",
};
const APPOINTMENTS: TSearchable = {
  endpoint: "appointment",
  idsKey: "appointmentIDs",
  dataKey: "appointments",
  idField: "appointmentID",
};
const SPOTS: TSearchable = { endpoint: "spot", idsKey: "spotIDs", dataKey: "spots", idField: "spotID" };
const SERVICE_TYPES: TSearchable = {
  endpoint: "serviceType",
  idsKey: "typeIDs",
  dataKey: "serviceTypes",
  idField: "typeID",
};

const APPOINTMENT_STATUS: Record<number, string> = {
  0: "pending",
  1: "completed",
  2: "no_show",
  [-1]: "cancelled",
  [-2]: "rescheduled",
};

/** FieldRoutes (formerly PestRoutes) as the team's CRM. */
export function createFieldRoutesCrm(config: TFieldRoutesCrmConfig): CrmProvider {
  if (!DateTime.local().setZone(config.timeZone).isValid) {
    throw new Error(`FieldRoutes: "${config.timeZone}" is not an IANA time zone`);
  }
  const client = createFieldRoutesClient(config);
  const serviceNames = new Map<string, string>();

  return {
    name: "fieldroutes",

    findCustomerByPhone: async (phoneE164) => {
      const phone = toTenDigits(phoneE164);
      // FieldRoutes stores North American numbers as 10 digits; any other number cannot match.
      if (!phone) return null;
      const customers = await client.searchAll(CUSTOMERS, { phone, officeIDs: 0 }, ZCustomer);
      const customer = pickCustomer(customers);
      if (!customer) return null;
      const appointments = await client.searchAll(
        APPOINTMENTS,
        { customerIDs: [customer.customerID], status: 1, officeIDs: 0 },
        ZAppointment,
      );
      const recent = appointments.sort(byMostRecent).slice(0, SERVICE_HISTORY_LIMIT);
      await learnServiceNames(client, serviceNames, recent);
      return toCrmCustomer(customer, recent, serviceNames);
    },

    listOpenSlots: async ({ from, to }) => {
      if (to.getTime() <= from.getTime()) return [];
      const firstDay = DateTime.fromJSDate(from, { zone: config.timeZone }).toISODate();
      const lastDay = DateTime.fromJSDate(new Date(to.getTime() - 1), { zone: config.timeZone }).toISODate();
      const spots = await client.searchAll(
        SPOTS,
        {
          date: { operator: "BETWEEN", value: [firstDay, lastDay] },
          apiCanSchedule: 1,
          ...(config.officeId ? { officeIDs: [config.officeId] } : {}),
        },
        ZSpot,
      );
      const now = DateTime.now();
      return spots
        .filter((spot) => isOpen(spot, config.timeZone, now))
        .map((spot) => toSlot(spot, config.timeZone))
        .filter((slot) => slot.start >= from && slot.start < to)
        .sort((a, b) => a.start.getTime() - b.start.getTime() || a.id.localeCompare(b.id));
    },

    bookAppointment: async ({ customerExternalId, slot, durationMinutes, notes }) => {
      const body = await client.call("appointment", "create", {
        customerID: customerExternalId,
        type: config.serviceTypeId,
        spotID: slot.id,
        ...(slot.routeId ? { routeID: slot.routeId } : {}),
        duration: durationMinutes,
        notes,
        // Fail instead of double-booking a spot someone took since we listed it.
        rejectOccupiedSpots: 1,
        ...(config.officeId ? { officeID: config.officeId } : {}),
      });
      const parsed = ZCreateResult.safeParse(body);
      if (!parsed.success) {
        throw new CrmError(
          "unavailable",
          `FieldRoutes appointment/create: no appointment ID in the response (${z.prettifyError(parsed.error)})`,
        );
      }
      return { externalId: parsed.data.result };
    },
  };
}

/** `+15125550100` → `5125550100`; null for numbers outside the North American plan. */
export function toTenDigits(phoneE164: string): string | null {
  const digits = phoneE164.replace(/\D/g, "");
  if (digits.length === 11 && digits.startsWith("1")) return digits.slice(1);
  if (digits.length === 10 && !phoneE164.trim().startsWith("+")) return digits;
  return null;
}

/** Active customers first, then the most recently updated (a duplicate record is usually the stale one). */
function pickCustomer(customers: TFieldRoutesCustomer[]): TFieldRoutesCustomer | null {
  const ranked = [...customers].sort(
    (a, b) =>
      Number(b.status === 1) - Number(a.status === 1) ||
      (b.dateUpdated ?? "").localeCompare(a.dateUpdated ?? "") ||
      Number(b.customerID) - Number(a.customerID),
  );
  return ranked[0] ?? null;
}

function byMostRecent(a: TFieldRoutesAppointment, b: TFieldRoutesAppointment): number {
  return (
    b.date.localeCompare(a.date) ||
    (b.start ?? "").localeCompare(a.start ?? "") ||
    Number(b.appointmentID) - Number(a.appointmentID)
  );
}

/** Names the service types of these appointments; a failed lookup leaves the type IDs showing. */
async function learnServiceNames(
  client: TFieldRoutesClient,
  names: Map<string, string>,
  appointments: TFieldRoutesAppointment[],
): Promise<void> {
  const unknown = [
    ...new Set(appointments.map((a) => a.type).filter((id): id is string => !!id && !names.has(id))),
  ];
  if (unknown.length === 0) return;
  try {
    const types = await client.searchAll(SERVICE_TYPES, { typeIDs: unknown, officeIDs: 0 }, ZServiceType);
    for (const type of types) if (type.description) names.set(type.typeID, type.description);
  } catch {
    // Names are a nicety: the history with type IDs is still worth showing.
  }
}

function toCrmCustomer(
  customer: TFieldRoutesCustomer,
  appointments: TFieldRoutesAppointment[],
  serviceNames: Map<string, string>,
): TCrmCustomer {
  const person = [customer.fname, customer.lname].filter(Boolean).join(" ");
  const cityLine = [customer.city, [customer.state, customer.zip].filter(Boolean).join(" ")]
    .filter(Boolean)
    .join(", ");
  const address = [customer.address, cityLine].filter(Boolean).join(", ");
  return {
    externalId: customer.customerID,
    name: person || customer.companyName || `Customer ${customer.customerID}`,
    email: customer.email,
    address: address || null,
    active: customer.status === 1,
    balanceCents: customer.balance === null ? null : Math.round(customer.balance * 100),
    serviceHistory: appointments.map((appointment) => ({
      date: appointment.date,
      service: appointment.type
        ? (serviceNames.get(appointment.type) ?? `Service type ${appointment.type}`)
        : "Unknown service",
      status:
        (appointment.status === null ? undefined : APPOINTMENT_STATUS[appointment.status]) ??
        appointment.statusText ??
        "unknown",
      notes: appointment.notes,
    })),
  };
}

/** Free: nobody booked it, the API may schedule it, and no live reservation holds it. */
function isOpen(spot: TFieldRoutesSpot, timeZone: string, now: DateTime): boolean {
  if (spot.currentAppointment !== null || !spot.apiCanSchedule) return false;
  if (!spot.reserved) return true;
  const until = spot.reservationEnd ? DateTime.fromSQL(spot.reservationEnd, { zone: timeZone }) : null;
  return until?.isValid === true && until < now;
}

function toSlot(spot: TFieldRoutesSpot, timeZone: string): TCrmSlot {
  const start = DateTime.fromISO(`${spot.date}T${spot.start}`, { zone: timeZone });
  let end = DateTime.fromISO(`${spot.date}T${spot.end}`, { zone: timeZone });
  if (!start.isValid || !end.isValid) {
    throw new CrmError(
      "unavailable",
      `FieldRoutes spot/search: spot ${spot.spotID} has an invalid time (${spot.date} ${spot.start}–${spot.end})`,
    );
  }
  // A spot ending past midnight ends on the next day.
  if (end <= start) end = end.plus({ days: 1 });
  return { id: spot.spotID, start: start.toJSDate(), end: end.toJSDate(), routeId: spot.routeID };
}
