import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  startFakeFieldRoutes,
  type TFakeFieldRoutes,
  type TFakeFieldRoutesSeed,
  type TFakeFieldRoutesSpot,
} from "../../../test/fakes/fake-fieldroutes.js";
import { CrmError, type CrmProvider } from "../ports.js";
import { createFieldRoutesCrm, type TFieldRoutesCrmConfig, toTenDigits } from "./fieldroutes-crm.js";

const OFFICE_ZONE = "America/Chicago";

function spot(overrides: Partial<TFakeFieldRoutesSpot> & Pick<TFakeFieldRoutesSpot, "spotID">) {
  return {
    officeID: 1,
    routeID: 412,
    date: "2026-10-31",
    start: "08:00:00",
    end: "08:29:00",
    currentAppointment: null,
    apiCanSchedule: 1,
    reserved: 0,
    reservationEnd: null,
    ...overrides,
  } satisfies TFakeFieldRoutesSpot;
}

function seed(): TFakeFieldRoutesSeed {
  return {
    customers: [
      {
        customerID: 10231,
        officeID: 1,
        fname: "Jane",
        lname: "Doe",
        status: 1,
        email: "jane@example.com",
        phone1: "5125550100",
        address: "1 Main St",
        city: "Austin",
        state: "TX",
        zip: "78701",
        balance: "12.50",
        dateUpdated: "2026-07-30 10:14:00",
      },
      // An inactive duplicate updated later: the active record must still win.
      {
        customerID: 10500,
        officeID: 1,
        fname: "Jane",
        lname: "Doe (old)",
        status: 0,
        phone2: "512-555-0100",
        balance: "0.00",
        dateUpdated: "2026-08-01 09:00:00",
      },
      { customerID: 10600, officeID: 1, fname: "Bob", lname: "Other", status: 1, phone1: "5125550199" },
    ],
    appointments: [
      { appointmentID: 5501, customerID: 10231, date: "2026-01-10", start: "09:00:00", type: 3, status: 1 },
      { appointmentID: 5502, customerID: 10231, date: "2026-02-10", start: "09:00:00", type: 3, status: 1 },
      {
        appointmentID: 5503,
        customerID: 10231,
        date: "2026-03-10",
        start: "09:00:00",
        type: 7,
        status: 1,
        notes: "Ants in kitchen",
      },
      { appointmentID: 5504, customerID: 10231, date: "2026-04-10", start: "09:00:00", type: 3, status: 1 },
      { appointmentID: 5505, customerID: 10231, date: "2026-05-10", start: "09:00:00", type: 3, status: 1 },
      { appointmentID: 5506, customerID: 10231, date: "2026-06-10", start: "09:00:00", type: 3, status: 1 },
      // Pending and another customer's: not history.
      { appointmentID: 5507, customerID: 10231, date: "2026-08-10", start: "09:00:00", type: 3, status: 0 },
      { appointmentID: 5508, customerID: 10600, date: "2026-06-20", start: "09:00:00", type: 3, status: 1 },
    ],
    serviceTypes: [{ typeID: 3, description: "General Pest Control" }],
    spots: [
      // Saturday before DST ends (CDT, UTC-5).
      spot({ spotID: 88121, date: "2026-10-31", start: "08:00:00", end: "08:29:00" }),
      // Monday after DST ends (CST, UTC-6).
      spot({ spotID: 88122, date: "2026-11-02", start: "08:00:00", end: "08:29:00" }),
      // Late evening office time: already Nov 3 in UTC, still inside the range.
      spot({ spotID: 88123, date: "2026-11-02", start: "23:30:00", end: "23:59:00" }),
      // Friday 23:30 CDT = Oct 31 04:30Z, before the range starts.
      spot({ spotID: 88124, date: "2026-10-30", start: "23:30:00", end: "23:59:00" }),
      spot({
        spotID: 88125,
        date: "2026-11-01",
        start: "10:00:00",
        end: "10:29:00",
        currentAppointment: 5501,
      }),
      spot({ spotID: 88126, date: "2026-11-01", start: "11:00:00", end: "11:29:00", apiCanSchedule: 0 }),
      spot({
        spotID: 88127,
        date: "2026-11-01",
        start: "12:00:00",
        end: "12:29:00",
        reserved: 1,
        reservationEnd: "2099-01-01 00:00:00",
      }),
      spot({ spotID: 88128, officeID: 2, date: "2026-11-01", start: "13:00:00", end: "13:29:00" }),
      // An expired reservation holds nothing.
      spot({
        spotID: 88129,
        date: "2026-11-01",
        start: "14:00:00",
        end: "14:29:00",
        reserved: 1,
        reservationEnd: "2026-01-01 00:00:00",
      }),
    ],
  };
}

// Midnight Oct 31 CDT to midnight Nov 3 CST.
const RANGE = { from: new Date("2026-10-31T05:00:00Z"), to: new Date("2026-11-03T06:00:00Z") };

let fake: TFakeFieldRoutes;

function crm(overrides: Partial<TFieldRoutesCrmConfig> = {}): CrmProvider {
  return createFieldRoutesCrm({
    baseUrl: fake.url,
    authenticationKey: fake.state.authenticationKey,
    authenticationToken: fake.state.authenticationToken,
    officeId: "1",
    timeZone: OFFICE_ZONE,
    serviceTypeId: "3",
    timeoutMs: 2_000,
    ...overrides,
  });
}

async function crmError(promise: Promise<unknown>): Promise<CrmError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CrmError);
  return error as CrmError;
}

beforeEach(async () => {
  fake = await startFakeFieldRoutes(seed());
});
afterEach(async () => {
  await fake.close();
});

describe("findCustomerByPhone", () => {
  it("finds the active customer with the five most recent completed services", async () => {
    const customer = await crm().findCustomerByPhone("+15125550100");

    expect(customer).toEqual({
      externalId: "10231",
      name: "Jane Doe",
      email: "jane@example.com",
      address: "1 Main St, Austin, TX 78701",
      active: true,
      balanceCents: 1250,
      serviceHistory: [
        { date: "2026-06-10", service: "General Pest Control", status: "completed", notes: null },
        { date: "2026-05-10", service: "General Pest Control", status: "completed", notes: null },
        { date: "2026-04-10", service: "General Pest Control", status: "completed", notes: null },
        { date: "2026-03-10", service: "Service type 7", status: "completed", notes: "Ants in kitchen" },
        { date: "2026-02-10", service: "General Pest Control", status: "completed", notes: null },
      ],
    });
    const lookup = fake.requests.find((r) => r.operation === "customer/search");
    expect(lookup?.params).toMatchObject({ phone: "5125550100", officeIDs: 0, includeData: 1 });
    const history = fake.requests.find((r) => r.operation === "appointment/search");
    expect(history?.params).toMatchObject({ customerIDs: ["10231"], status: 1, includeData: 1 });
  });

  it("returns null when no customer has the number", async () => {
    expect(await crm().findCustomerByPhone("+15125550111")).toBeNull();
    expect(fake.requests.map((r) => r.operation)).toEqual(["customer/search"]);
  });

  it("does not ask FieldRoutes about numbers outside North America", async () => {
    expect(await crm().findCustomerByPhone("+447700900123")).toBeNull();
    expect(fake.requests).toHaveLength(0);
    expect(toTenDigits("+1 (512) 555-0100")).toBe("5125550100");
  });

  it("keeps the service type id when the names cannot be looked up", async () => {
    const failServiceTypes: typeof fetch = async (input, init) =>
      String(input).endsWith("/api/serviceType/search")
        ? new Response("<html>502</html>", { status: 502 })
        : fetch(input, init);
    const customer = await crm({ fetch: failServiceTypes }).findCustomerByPhone("+15125550100");
    expect(customer?.serviceHistory.map((s) => s.service)).toEqual([
      "Service type 3",
      "Service type 3",
      "Service type 3",
      "Service type 7",
      "Service type 3",
    ]);
  });
});

describe("listOpenSlots", () => {
  it("lists free, API-schedulable spots of the office as instants in the office zone, across DST", async () => {
    const slots = await crm().listOpenSlots(RANGE);

    expect(slots.map((s) => [s.id, s.start.toISOString(), s.end.toISOString(), s.routeId])).toEqual([
      ["88121", "2026-10-31T13:00:00.000Z", "2026-10-31T13:29:00.000Z", "412"],
      ["88129", "2026-11-01T20:00:00.000Z", "2026-11-01T20:29:00.000Z", "412"],
      ["88122", "2026-11-02T14:00:00.000Z", "2026-11-02T14:29:00.000Z", "412"],
      ["88123", "2026-11-03T05:30:00.000Z", "2026-11-03T05:59:00.000Z", "412"],
    ]);
    const search = fake.requests.find((r) => r.operation === "spot/search");
    expect(search?.params).toMatchObject({
      date: { operator: "BETWEEN", value: ["2026-10-31", "2026-11-02"] },
      apiCanSchedule: 1,
      officeIDs: ["1"],
      includeData: 1,
    });
  });

  it("pages past the data cap with get and past the search cap with a > re-query", async () => {
    await fake.close();
    const spots = Array.from({ length: 8 }, (_, index) =>
      spot({
        spotID: 70001 + index,
        date: "2026-11-02",
        start: `${String(8 + index).padStart(2, "0")}:00:00`,
      }),
    );
    fake = await startFakeFieldRoutes({ spots, searchCap: 3, dataCap: 2, getCap: 1 });

    const slots = await crm({ searchCap: 3, getCap: 1 }).listOpenSlots(RANGE);

    expect(slots.map((s) => s.id)).toEqual(spots.map((s) => String(s.spotID)));
    const searches = fake.requests.filter((r) => r.operation === "spot/search");
    expect(searches.map((r) => r.params.spotIDs)).toEqual([
      undefined,
      { operator: ">", value: "70003" },
      { operator: ">", value: "70006" },
    ]);
    expect(fake.requests.filter((r) => r.operation === "spot/get").map((r) => r.params.spotIDs)).toEqual([
      ["70003"],
      ["70006"],
    ]);
    expect(fake.requests.every((r) => r.success)).toBe(true);
  });

  it("names the malformed field when a spot cannot be read", async () => {
    fake.state.spots.push(spot({ spotID: 99999, date: "2026-11-01", start: "8am" }));
    const error = await crmError(crm().listOpenSlots(RANGE));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toMatch(/spot\/search.*spots\[\d+\].*start/s);
  });
});

describe("bookAppointment", () => {
  it("books the spot, which then is no longer open", async () => {
    const provider = crm();
    const [slot] = await provider.listOpenSlots(RANGE);
    if (!slot) throw new Error("expected an open slot");

    const booked = await provider.bookAppointment({
      customerExternalId: "10231",
      slot,
      durationMinutes: 30,
      notes: "Booked by Plaibook",
    });

    expect(booked.externalId).toMatch(/^\d+$/);
    const create = fake.requests.find((r) => r.operation === "appointment/create");
    expect(create?.params).toMatchObject({
      customerID: "10231",
      type: "3",
      spotID: slot.id,
      routeID: "412",
      duration: 30,
      notes: "Booked by Plaibook",
      rejectOccupiedSpots: 1,
      officeID: "1",
    });
    expect(fake.state.appointments.at(-1)).toMatchObject({
      appointmentID: Number(booked.externalId),
      spotID: slot.id,
    });
    const after = await provider.listOpenSlots(RANGE);
    expect(after.map((s) => s.id)).not.toContain(slot.id);
    expect(after).toHaveLength(3);
  });

  it("reports slot_taken when someone booked the spot first", async () => {
    const provider = crm();
    const [slot] = await provider.listOpenSlots(RANGE);
    if (!slot) throw new Error("expected an open slot");
    const input = { customerExternalId: "10231", slot, durationMinutes: 30, notes: "" };
    await provider.bookAppointment(input);

    const error = await crmError(provider.bookAppointment({ ...input, customerExternalId: "10600" }));
    expect(error.kind).toBe("slot_taken");
    expect(fake.state.appointments.filter((a) => a.spotID === slot.id)).toHaveLength(1);
  });

  it("reports a refused booking as invalid", async () => {
    const [slot] = await crm().listOpenSlots(RANGE);
    if (!slot) throw new Error("expected an open slot");
    const error = await crmError(
      crm().bookAppointment({ customerExternalId: "4040404", slot, durationMinutes: 30, notes: "" }),
    );
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain("Customer 4040404 not found");
  });
});

describe("transport and errors", () => {
  it("puts the credentials last in every request body", async () => {
    await crm().findCustomerByPhone("+15125550100");
    await crm().listOpenSlots(RANGE);
    expect(fake.requests.length).toBeGreaterThanOrEqual(4);
    for (const request of fake.requests) {
      expect(request.method).toBe("POST");
      expect(request.contentType).toContain("application/json");
      expect(request.paramOrder.slice(-2)).toEqual(["authenticationKey", "authenticationToken"]);
    }
  });

  it("maps a wrong token (HTTP 200, success:false) to auth", async () => {
    const error = await crmError(crm({ authenticationToken: "wrong" }).findCustomerByPhone("+15125550100"));
    expect(error.kind).toBe("auth");
    expect(fake.requests[0]?.status).toBe(200);
    expect(error.message).not.toContain("wrong");
  });

  it("maps HTTP 500 to unavailable and does not retry by itself", async () => {
    fake.failNext(1, { kind: "http", status: 500 });
    const error = await crmError(crm().listOpenSlots(RANGE));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toContain("HTTP 500");
    expect(fake.requests).toHaveLength(1);
    await expect(crm().listOpenSlots(RANGE)).resolves.toHaveLength(4);
  });

  it("maps limit wording and HTTP 429 to rate_limited", async () => {
    fake.failNext(1, { kind: "rate_limit" });
    fake.failNext(1, { kind: "http", status: 429, body: "Too Many Requests" });
    expect((await crmError(crm().listOpenSlots(RANGE))).kind).toBe("rate_limited");
    expect((await crmError(crm().listOpenSlots(RANGE))).kind).toBe("rate_limited");
  });

  it("treats success:false on HTTP 200 as a failure", async () => {
    fake.failNext(1, { kind: "error", message: "Invalid value for parameter date" });
    const error = await crmError(crm().listOpenSlots(RANGE));
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain("Invalid value for parameter date");
  });

  it("treats a non-empty errorMessage as a failure even with success:true", async () => {
    const withError: typeof fetch = async () =>
      Response.json({ success: true, errorMessage: "Office 1 is not accessible", spotIDs: [], spots: [] });
    const error = await crmError(crm({ fetch: withError }).listOpenSlots(RANGE));
    expect(error.kind).toBe("invalid");
    expect(error.message).toContain("Office 1 is not accessible");
  });

  it("explains a response that is not JSON", async () => {
    fake.failNext(1, { kind: "malformed" });
    const error = await crmError(crm().findCustomerByPhone("+15125550100"));
    expect(error.kind).toBe("unavailable");
    expect(error.message).toMatch(/customer\/search: the response is not JSON/);
  });

  it("maps a timeout and a refused connection to unavailable", async () => {
    fake.failNext(1, { kind: "delay", ms: 1_000 });
    const timedOut = await crmError(crm({ timeoutMs: 100 }).listOpenSlots(RANGE));
    expect(timedOut.kind).toBe("unavailable");
    expect(timedOut.message).toContain("no answer within 100 ms");

    const url = fake.url;
    await fake.close();
    const refused = await crmError(crm({ baseUrl: url }).listOpenSlots(RANGE));
    expect(refused.kind).toBe("unavailable");
    fake = await startFakeFieldRoutes(seed());
  });
});

describe("the fake", () => {
  it("accepts form bodies with credentials in headers, matches phone2, and refuses GET", async () => {
    const form = new URLSearchParams({ phone: "5125550100", officeIDs: "0", includeData: "1" });
    const response = await fetch(`${fake.url}/api/customer/search`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        authenticationKey: fake.state.authenticationKey,
        authenticationToken: fake.state.authenticationToken,
      },
      body: form.toString(),
    });
    const body = (await response.json()) as { success: boolean; customerIDs: number[]; customers: unknown[] };
    expect(body.success).toBe(true);
    expect(body.customerIDs).toEqual([10231, 10500]);
    expect(body.customers[0]).toMatchObject({ customerID: "10231", status: "1", balance: "12.50" });

    const spots = new URLSearchParams([
      ["date[operator]", "BETWEEN"],
      ["date[value][]", "2026-11-01"],
      ["date[value][]", "2026-11-01"],
      ["spotIDs[operator]", "IN"],
      ["spotIDs[value][]", "88125"],
      ["spotIDs[value][]", "88126"],
      ["authenticationKey", fake.state.authenticationKey],
      ["authenticationToken", fake.state.authenticationToken],
    ]);
    const spotAnswer = await fetch(`${fake.url}/api/spot/search`, { method: "POST", body: spots });
    expect(await spotAnswer.json()).toMatchObject({ success: true, spotIDs: [88125, 88126] });

    const get = await fetch(`${fake.url}/api/customer/search`);
    expect(get.status).toBe(405);
  });
});
