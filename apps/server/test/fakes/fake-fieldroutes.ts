import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the FieldRoutes (PestRoutes) API, for tests that drive the real client against
 * it. Like the vendor (integrations-reference.md §6) it takes POST only, JSON or form-urlencoded bodies,
 * credentials in the params or in headers, answers auth and validation failures as HTTP 200 with
 * `success:false` + `errorMessage`, filters searches with operator objects, caps searches (IDs) and
 * data rows, sends numbers as strings, and books with `rejectOccupiedSpots`. It records every request
 * and can fail the next calls on demand.
 */

type TId = number | string;

export type TFakeFieldRoutesCustomer = {
  customerID: TId;
  officeID?: TId;
  fname: string;
  lname: string;
  companyName?: string | null;
  /** 1 active, 0 inactive. */
  status: 0 | 1;
  email?: string | null;
  phone1?: string | null;
  phone2?: string | null;
  address?: string | null;
  city?: string | null;
  state?: string | null;
  zip?: string | null;
  balance?: string | number | null;
  dateUpdated?: string | null;
};

export type TFakeFieldRoutesAppointment = {
  appointmentID: TId;
  officeID?: TId;
  customerID: TId;
  routeID?: TId | null;
  spotID?: TId | null;
  date: string;
  start?: string | null;
  end?: string | null;
  duration?: number | null;
  type: TId;
  /** 0 Pending, 1 Completed, 2 No Show, -1 Cancelled, -2 Rescheduled. */
  status: number;
  notes?: string | null;
};

export type TFakeFieldRoutesSpot = {
  spotID: TId;
  officeID?: TId;
  routeID: TId;
  date: string;
  start: string;
  end: string;
  currentAppointment: TId | null;
  apiCanSchedule: 0 | 1;
  reserved?: 0 | 1;
  reservationEnd?: string | null;
  assignedTech?: TId | null;
};

export type TFakeFieldRoutesServiceType = { typeID: TId; officeID?: TId; description: string };

export type TFakeFieldRoutesSeed = {
  authenticationKey?: string;
  authenticationToken?: string;
  customers?: TFakeFieldRoutesCustomer[];
  appointments?: TFakeFieldRoutesAppointment[];
  spots?: TFakeFieldRoutesSpot[];
  serviceTypes?: TFakeFieldRoutesServiceType[];
  /** IDs a search returns at most (vendor: 50,000). */
  searchCap?: number;
  /** Rows a search returns with data; the rest come as `…NoDataExported` IDs (vendor: 1,000). */
  dataCap?: number;
  /** IDs a `get` takes at most (vendor: 1,000). */
  getCap?: number;
};

/** What the fake answers instead of doing the call. */
export type TFakeFieldRoutesFailure =
  | { kind: "http"; status: number; body?: string }
  | { kind: "rate_limit" }
  | { kind: "error"; message: string }
  | { kind: "malformed" }
  | { kind: "delay"; ms: number };

export type TFakeFieldRoutesRequest = {
  method: string;
  path: string;
  /** `customer/search` … */
  operation: string;
  contentType: string | null;
  /** Parsed params, credentials included, in the order they were sent. */
  params: Record<string, unknown>;
  /** Top-level keys in the order they were sent. */
  paramOrder: string[];
  /** What the fake answered. */
  status: number;
  success: boolean;
};

export type TFakeFieldRoutesState = {
  authenticationKey: string;
  authenticationToken: string;
  customers: TFakeFieldRoutesCustomer[];
  appointments: TFakeFieldRoutesAppointment[];
  spots: TFakeFieldRoutesSpot[];
  serviceTypes: TFakeFieldRoutesServiceType[];
  searchCap: number;
  dataCap: number;
  getCap: number;
};

export type TFakeFieldRoutes = {
  /** Base URL, as `https://{subdomain}.fieldroutes.com` would be. */
  url: string;
  state: TFakeFieldRoutesState;
  requests: TFakeFieldRoutesRequest[];
  /** Answers the next `count` calls with `failure` instead of doing them. */
  failNext: (count: number, failure: TFakeFieldRoutesFailure) => void;
  close: () => Promise<void>;
};

type TRow = Record<string, unknown>;
type TEntity = {
  pk: string;
  idsKey: string;
  dataKey: string;
  rows: () => TRow[];
  /** Search param → row field (the `phone` param is special). */
  filters: Record<string, string>;
};

const CONTROL_PARAMS = new Set(["authenticationKey", "authenticationToken", "includeData"]);
const AUTH_FAILED = "Authentication failed: invalid authenticationKey or authenticationToken";
const RATE_LIMITED = "API rate limit exceeded: 3000 reads per day for this key. Try again later.";

class FieldRoutesFailure extends Error {}

export async function startFakeFieldRoutes(seed: TFakeFieldRoutesSeed = {}): Promise<TFakeFieldRoutes> {
  const state: TFakeFieldRoutesState = {
    authenticationKey: seed.authenticationKey ?? "fake-fr-key",
    authenticationToken: seed.authenticationToken ?? "fake-fr-token",
    customers: structuredClone(seed.customers ?? []),
    appointments: structuredClone(seed.appointments ?? []),
    spots: structuredClone(seed.spots ?? []),
    serviceTypes: structuredClone(seed.serviceTypes ?? []),
    searchCap: seed.searchCap ?? 50_000,
    dataCap: seed.dataCap ?? 1_000,
    getCap: seed.getCap ?? 1_000,
  };
  const requests: TFakeFieldRoutesRequest[] = [];
  const failures: { remaining: number; failure: TFakeFieldRoutesFailure }[] = [];

  const entities: Record<string, TEntity> = {
    customer: {
      pk: "customerID",
      idsKey: "customerIDs",
      dataKey: "customers",
      rows: () => state.customers,
      filters: {
        customerIDs: "customerID",
        officeIDs: "officeID",
        status: "status",
        fname: "fname",
        lname: "lname",
        email: "email",
        phone1: "phone1",
        phone2: "phone2",
        dateUpdated: "dateUpdated",
      },
    },
    appointment: {
      pk: "appointmentID",
      idsKey: "appointmentIDs",
      dataKey: "appointments",
      rows: () => state.appointments,
      filters: {
        appointmentIDs: "appointmentID",
        customerIDs: "customerID",
        officeIDs: "officeID",
        routeIDs: "routeID",
        spotIDs: "spotID",
        status: "status",
        date: "date",
        type: "type",
      },
    },
    spot: {
      pk: "spotID",
      idsKey: "spotIDs",
      dataKey: "spots",
      rows: () => state.spots,
      filters: {
        spotIDs: "spotID",
        officeIDs: "officeID",
        routeIDs: "routeID",
        date: "date",
        apiCanSchedule: "apiCanSchedule",
        currentAppointment: "currentAppointment",
        assignedTech: "assignedTech",
      },
    },
    serviceType: {
      pk: "typeID",
      idsKey: "typeIDs",
      dataKey: "serviceTypes",
      rows: () => state.serviceTypes,
      filters: { typeIDs: "typeID", officeIDs: "officeID" },
    },
  };

  const server = createServer((req, res) => {
    readBody(req)
      .then(async (raw) => {
        const record = await handle(req, raw, res);
        requests.push(record);
      })
      .catch((error: unknown) => {
        if (res.headersSent) return;
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(String(error));
      });
  });

  async function handle(
    req: IncomingMessage,
    raw: string,
    res: ServerResponse,
  ): Promise<TFakeFieldRoutesRequest> {
    const url = new URL(req.url ?? "/", "http://fake.fieldroutes");
    const contentType = req.headers["content-type"] ?? null;
    const match = /^\/api\/([^/]+)\/([^/]+)$/.exec(url.pathname);
    const operation = match ? `${match[1]}/${match[2]}` : "";
    const record: TFakeFieldRoutesRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      operation,
      contentType,
      params: {},
      paramOrder: [],
      status: 0,
      success: false,
    };
    const answer = (status: number, body: unknown) => {
      record.status = status;
      record.success =
        typeof body === "object" && body !== null && "success" in body && body.success === true;
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
      return record;
    };
    const fail = (errorMessage: string, status = 200) =>
      answer(status, { success: false, errorMessage, params: withoutCredentials(record.params) });

    if (req.method !== "POST") {
      res.setHeader("allow", "POST");
      return fail("Only POST requests are accepted", 405);
    }
    try {
      record.params = parseParams(raw, contentType);
    } catch {
      return fail("The request body could not be parsed", 400);
    }
    record.paramOrder = Object.keys(record.params);

    const failure = takeFailure();
    if (failure) {
      switch (failure.kind) {
        case "http":
          record.status = failure.status;
          res.writeHead(failure.status, { "content-type": "text/html" });
          res.end(failure.body ?? `<html><body><h1>${failure.status}</h1></body></html>`);
          return record;
        case "rate_limit":
          return fail(RATE_LIMITED);
        case "error":
          return fail(failure.message);
        case "malformed":
          record.status = 200;
          res.writeHead(200, { "content-type": "application/json" });
          res.end('{"success":true,"customerIDs":[10231');
          return record;
        case "delay":
          await new Promise((resolve) => setTimeout(resolve, failure.ms));
          if (res.destroyed) return record;
          break;
      }
    }

    const key = stringParam(record.params.authenticationKey) ?? header(req, "authenticationkey");
    const token = stringParam(record.params.authenticationToken) ?? header(req, "authenticationtoken");
    if (key !== state.authenticationKey || token !== state.authenticationToken) return fail(AUTH_FAILED);
    if (!match) return fail(`Unknown endpoint ${url.pathname}`, 404);

    try {
      const [endpoint, action] = [match[1] ?? "", match[2] ?? ""];
      if (endpoint === "appointment" && action === "create")
        return answer(200, createAppointment(record.params));
      const entity = entities[endpoint];
      if (entity && action === "search") return answer(200, search(entity, record.params));
      if (entity && action === "get") return answer(200, get(entity, record.params));
      return fail(`Unknown endpoint ${endpoint}/${action}`, 404);
    } catch (error) {
      if (error instanceof FieldRoutesFailure) return fail(error.message);
      throw error;
    }
  }

  function takeFailure(): TFakeFieldRoutesFailure | null {
    const next = failures[0];
    if (!next) return null;
    next.remaining -= 1;
    if (next.remaining <= 0) failures.shift();
    return next.failure;
  }

  function search(entity: TEntity, params: Record<string, unknown>) {
    const predicates: ((row: TRow) => boolean)[] = [];
    for (const [name, filter] of Object.entries(params)) {
      if (CONTROL_PARAMS.has(name)) continue;
      if (name === "phone" && entity.pk === "customerID") {
        const wanted = String(filter).replace(/\D/g, "");
        predicates.push((row) => [row.phone1, row.phone2].some((p) => digits(p) === wanted));
        continue;
      }
      const field = entity.filters[name];
      if (!field) throw new FieldRoutesFailure(`Invalid search parameter: ${name}`);
      if (name === "officeIDs" && isAllOffices(filter)) continue;
      validateFilter(name, filter);
      predicates.push((row) => matches(row[field], filter, name.endsWith("IDs")));
    }
    const found = entity
      .rows()
      .filter((row) => predicates.every((test) => test(row)))
      .sort((a, b) => Number(a[entity.pk]) - Number(b[entity.pk]));
    const ids = found.slice(0, state.searchCap).map((row) => Number(row[entity.pk]));
    const includeData = truthy(params.includeData);
    const withData = includeData ? found.slice(0, Math.min(state.dataCap, ids.length)) : [];
    return {
      params: withoutCredentials(params),
      success: true,
      idName: entity.idsKey,
      propertyName: entity.idsKey,
      ...(includeData ? { propertyNameData: entity.dataKey } : {}),
      count: ids.length,
      [entity.idsKey]: ids,
      [`${entity.idsKey}NoDataExported`]: includeData ? ids.slice(withData.length) : [],
      ...(includeData ? { [entity.dataKey]: withData.map(asVendorRow) } : {}),
    };
  }

  function get(entity: TEntity, params: Record<string, unknown>) {
    const ids = idList(params[entity.idsKey]);
    if (ids.length === 0) throw new FieldRoutesFailure(`${entity.idsKey} is required`);
    if (ids.length > state.getCap) {
      throw new FieldRoutesFailure(`Too many IDs requested: ${ids.length} (maximum ${state.getCap})`);
    }
    const rows = entity.rows().filter((row) => ids.includes(String(row[entity.pk])));
    return { params: withoutCredentials(params), success: true, [entity.dataKey]: rows.map(asVendorRow) };
  }

  function createAppointment(params: Record<string, unknown>) {
    const customerId = stringParam(params.customerID);
    const type = stringParam(params.type);
    if (!customerId) throw new FieldRoutesFailure("customerID is required");
    if (!type) throw new FieldRoutesFailure("type is required");
    if (!state.customers.some((c) => String(c.customerID) === customerId)) {
      throw new FieldRoutesFailure(`Customer ${customerId} not found`);
    }
    const spotId = stringParam(params.spotID);
    const spot = spotId ? state.spots.find((s) => String(s.spotID) === spotId) : undefined;
    if (spotId && !spot) throw new FieldRoutesFailure(`Spot ${spotId} not found`);
    if (spot && isBooked(spot.currentAppointment) && truthy(params.rejectOccupiedSpots)) {
      throw new FieldRoutesFailure(`Spot ${spotId} is occupied by appointment ${spot.currentAppointment}`);
    }
    const appointmentID = Math.max(9000, ...state.appointments.map((a) => Number(a.appointmentID))) + 1;
    const duration = params.duration === undefined ? null : Number(params.duration);
    state.appointments.push({
      appointmentID,
      officeID: stringParam(params.officeID) ?? spot?.officeID ?? 1,
      customerID: customerId,
      routeID: stringParam(params.routeID) ?? spot?.routeID ?? null,
      spotID: spotId,
      date: spot?.date ?? stringParam(params.date) ?? new Date().toISOString().slice(0, 10),
      start: spot?.start ?? null,
      end: spot?.end ?? null,
      duration,
      type,
      status: 0,
      notes: stringParam(params.notes),
    });
    if (spot && !isBooked(spot.currentAppointment)) spot.currentAppointment = appointmentID;
    return { params: withoutCredentials(params), success: true, result: String(appointmentID) };
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    requests,
    failNext: (count, failure) => {
      if (count > 0) failures.push({ remaining: count, failure });
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const OPERATORS = new Set([
  "=",
  "!=",
  ">",
  "<",
  ">=",
  "<=",
  "IN",
  "NOT IN",
  "BETWEEN",
  "LIKE",
  "STARTSWITH",
  "ENDSWITH",
  "CONTAINS",
]);

function validateFilter(name: string, filter: unknown): void {
  if (!isOperatorObject(filter)) return;
  const operator = String(filter.operator).toUpperCase();
  if (!OPERATORS.has(operator))
    throw new FieldRoutesFailure(`Invalid operator "${filter.operator}" for ${name}`);
  if (operator === "BETWEEN" && !(Array.isArray(filter.value) && filter.value.length === 2)) {
    throw new FieldRoutesFailure(`BETWEEN for ${name} needs a value of two items`);
  }
}

/** A literal (a list or a "1,2" ID list means IN) or an operator object `{operator, value}`. */
function matches(actual: unknown, filter: unknown, isIdList: boolean): boolean {
  if (isOperatorObject(filter)) {
    const operator = String(filter.operator).toUpperCase();
    const value = filter.value;
    const list = Array.isArray(value) ? value : idList(value);
    const text = String(actual ?? "").toLowerCase();
    const needle = String(value ?? "").toLowerCase();
    switch (operator) {
      case "=":
        return compare(actual, value) === 0;
      case "!=":
        return compare(actual, value) !== 0;
      case ">":
        return compare(actual, value) > 0;
      case "<":
        return compare(actual, value) < 0;
      case ">=":
        return compare(actual, value) >= 0;
      case "<=":
        return compare(actual, value) <= 0;
      case "IN":
        return list.some((item) => compare(actual, item) === 0);
      case "NOT IN":
        return !list.some((item) => compare(actual, item) === 0);
      case "BETWEEN":
        return compare(actual, list[0]) >= 0 && compare(actual, list[1]) <= 0;
      case "LIKE":
        return new RegExp(`^${escapeRegExp(needle).replaceAll("%", ".*").replaceAll("_", ".")}$`).test(text);
      case "STARTSWITH":
        return text.startsWith(needle);
      case "ENDSWITH":
        return text.endsWith(needle);
      case "CONTAINS":
        return text.includes(needle);
      default:
        return false;
    }
  }
  if (Array.isArray(filter) || (isIdList && typeof filter === "string" && filter.includes(","))) {
    return idList(filter).some((item) => compare(actual, item) === 0);
  }
  return compare(actual, filter) === 0;
}

/** Numbers compare as numbers (the API sends "10" and 10 alike); dates and text as strings. */
function compare(a: unknown, b: unknown): number {
  const left = normalise(a);
  const right = normalise(b);
  if (typeof left === "number" && typeof right === "number") return left - right;
  return String(left).localeCompare(String(right));
}

function normalise(value: unknown): number | string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return value;
  const text = String(value).trim();
  return text !== "" && /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

function isOperatorObject(value: unknown): value is { operator: unknown; value: unknown } {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "operator" in value;
}

function isAllOffices(filter: unknown): boolean {
  return idList(filter).every((id) => id === "0") && idList(filter).length > 0;
}

function isBooked(currentAppointment: TId | null | undefined): boolean {
  return (
    currentAppointment !== null && currentAppointment !== undefined && String(currentAppointment) !== "0"
  );
}

/** As the vendor sends rows: numbers as strings. */
function asVendorRow(row: TRow): TRow {
  return Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      key,
      typeof value === "number" ? String(value) : (value ?? null),
    ]),
  );
}

function withoutCredentials(params: Record<string, unknown>): Record<string, unknown> {
  const { authenticationKey: _key, authenticationToken: _token, ...rest } = params;
  return rest;
}

function idList(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : String(value).split(",");
  return items.map((item) => String(item).trim()).filter((item) => item !== "");
}

function stringParam(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  return text === "" ? null : text;
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === "1" || value === "true";
}

function digits(value: unknown): string {
  return String(value ?? "").replace(/\D/g, "");
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** JSON, or form-urlencoded with PHP-style brackets (`date[operator]=BETWEEN&date[value][]=…`). */
function parseParams(raw: string, contentType: string | null): Record<string, unknown> {
  if (raw.trim() === "") return {};
  if (contentType?.includes("application/json")) {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error("not an object");
    return parsed as Record<string, unknown>;
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(key);
    if (!match?.[1]) continue;
    const path = [match[1], ...[...(match[2] ?? "").matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "")];
    assignPath(out, path, decodeFormValue(value));
  }
  return out;
}

function decodeFormValue(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function assignPath(target: Record<string, unknown> | unknown[], path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    if (Array.isArray(target)) target.push(value);
    else target[head] = value;
    return;
  }
  const nextIsList = rest[0] === "";
  if (Array.isArray(target)) {
    const child = nextIsList ? [] : {};
    target.push(child);
    assignPath(child, rest, value);
    return;
  }
  const existing = target[head];
  const child =
    typeof existing === "object" && existing !== null
      ? (existing as Record<string, unknown>)
      : nextIsList
        ? []
        : {};
  target[head] = child;
  assignPath(child, rest, value);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
