import type { TCallListQuery, TCallOutcome, TCallStatus } from "@plaibook/shared";
import { CALL_OUTCOMES, CALL_SORTS, CALL_STATUSES } from "@plaibook/shared";

export type TCallSort = (typeof CALL_SORTS)[number];

/**
 * The Calls list's filters, kept in the URL so a reload, the back button and a shared link land on the
 * same view. Dates are the person's local calendar days; durations are in minutes.
 */
export type TCallsSearch = {
  rep?: string;
  /** First day included, `YYYY-MM-DD`. */
  from?: string;
  /** Last day included, `YYYY-MM-DD`. */
  to?: string;
  outcome?: TCallOutcome;
  /** A category (`price`) or a full label (`price/budget`). */
  objection?: string;
  minMinutes?: number;
  maxMinutes?: number;
  status?: TCallStatus;
  sort?: TCallSort;
  page?: number;
  pageSize?: number;
};

export const CALL_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_CALL_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const OBJECTION = /^[a-z_]+(\/[a-z0-9_]+)?$/;

function oneOf<T extends string>(values: ReadonlyArray<T>, value: unknown): T | undefined {
  return typeof value === "string" && (values as ReadonlyArray<string>).includes(value)
    ? (value as T)
    : undefined;
}

function toNumber(value: unknown): number | undefined {
  const n =
    typeof value === "number" ? value : typeof value === "string" && value.trim() ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

function validDay(value: unknown): string | undefined {
  if (typeof value !== "string" || !DAY.test(value)) return undefined;
  return Number.isNaN(localMidnight(value).getTime()) ? undefined : value;
}

/** Reads untrusted URL search params; anything malformed is dropped rather than breaking the page. */
export function parseCallsSearch(raw: Record<string, unknown>): TCallsSearch {
  const out: TCallsSearch = {};
  if (typeof raw.rep === "string" && UUID.test(raw.rep)) out.rep = raw.rep;
  const from = validDay(raw.from);
  if (from) out.from = from;
  const to = validDay(raw.to);
  if (to) out.to = to;
  const outcome = oneOf(CALL_OUTCOMES, raw.outcome);
  if (outcome) out.outcome = outcome;
  if (typeof raw.objection === "string" && OBJECTION.test(raw.objection) && raw.objection.length <= 80)
    out.objection = raw.objection;
  const min = toNumber(raw.minMinutes);
  if (min !== undefined && min > 0 && min <= 24 * 60) out.minMinutes = min;
  const max = toNumber(raw.maxMinutes);
  if (max !== undefined && max > 0 && max <= 24 * 60) out.maxMinutes = max;
  const status = oneOf(CALL_STATUSES, raw.status);
  if (status) out.status = status;
  const sort = oneOf(CALL_SORTS, raw.sort);
  if (sort && sort !== "newest") out.sort = sort;
  const page = toNumber(raw.page);
  if (page !== undefined && Number.isInteger(page) && page > 1) out.page = page;
  const pageSize = toNumber(raw.pageSize);
  if (
    pageSize !== undefined &&
    (CALL_PAGE_SIZES as readonly number[]).includes(pageSize) &&
    pageSize !== DEFAULT_CALL_PAGE_SIZE
  )
    out.pageSize = pageSize;
  return out;
}

/** Midnight at the start of a `YYYY-MM-DD` day in the browser's zone. */
export function localMidnight(day: string, addDays = 0): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d + addDays);
}

/** The `calls.list` input for a URL state: a day range becomes [from's midnight, the day after to's). */
export function toListQuery(search: TCallsSearch): TCallListQuery {
  const query: TCallListQuery = {
    sort: search.sort ?? "newest",
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_CALL_PAGE_SIZE,
  };
  if (search.rep) query.repUserId = search.rep;
  if (search.from) query.from = localMidnight(search.from).toISOString();
  if (search.to) query.to = localMidnight(search.to, 1).toISOString();
  if (search.outcome) query.outcome = search.outcome;
  if (search.objection) query.objection = search.objection;
  if (search.minMinutes !== undefined) query.minDurationSeconds = Math.round(search.minMinutes * 60);
  if (search.maxMinutes !== undefined) query.maxDurationSeconds = Math.round(search.maxMinutes * 60);
  if (search.status) query.status = search.status;
  return query;
}

/** Drops unset keys so the URL stays short. */
export function withoutEmpty(search: TCallsSearch): TCallsSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, v]) => v !== undefined && v !== ""),
  ) as TCallsSearch;
}

export const FILTER_KEYS = [
  "rep",
  "from",
  "to",
  "outcome",
  "objection",
  "minMinutes",
  "maxMinutes",
  "status",
] as const;

/** Anything that narrows the list (the empty state then says "no calls match", not "no calls yet"). */
export function hasFilters(search: TCallsSearch): boolean {
  return FILTER_KEYS.some((key) => search[key] !== undefined);
}

/** A patch that clears every filter (and goes back to page 1). */
export function clearedFilters(): Partial<TCallsSearch> {
  return Object.fromEntries([...FILTER_KEYS, "page"].map((key) => [key, undefined]));
}

/** "Showing 26–50 of 120". */
export function callRangeLabel(page: number, pageSize: number, total: number): string {
  if (total === 0) return "No calls";
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const fmt = (n: number) => n.toLocaleString();
  return `Showing ${fmt(from)}–${fmt(to)} of ${fmt(total)}`;
}
