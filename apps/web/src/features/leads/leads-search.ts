import type { TListLeadsInput } from "@plaibook/shared";
import { LEAD_SORTS } from "@plaibook/shared";

export type TLeadSort = (typeof LEAD_SORTS)[number];
export type TSortDirection = "asc" | "desc";

/** The leads page's state, kept in the URL so links (e.g. from a campaign) and reloads land on the same view. */
export type TLeadsSearch = {
  search?: string;
  campaignId?: string;
  optedOut?: "yes" | "no";
  timeZone?: string;
  sort?: TLeadSort;
  direction?: TSortDirection;
  page?: number;
  pageSize?: number;
};

export const PAGE_SIZES = [25, 50, 100, 200] as const;
export const DEFAULT_PAGE_SIZE = 50;
export const DEFAULT_SORT: TLeadSort = "createdAt";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function positiveInt(value: unknown): number | undefined {
  const n = typeof value === "number" ? value : typeof value === "string" ? Number(value) : Number.NaN;
  return Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** Reads untrusted URL search params; anything malformed is dropped rather than breaking the page. */
export function parseLeadsSearch(raw: Record<string, unknown>): TLeadsSearch {
  const out: TLeadsSearch = {};
  if (typeof raw.search === "string" && raw.search.trim()) out.search = raw.search.slice(0, 200);
  if (typeof raw.campaignId === "string" && UUID.test(raw.campaignId)) out.campaignId = raw.campaignId;
  if (raw.optedOut === "yes" || raw.optedOut === "no") out.optedOut = raw.optedOut;
  if (typeof raw.timeZone === "string" && raw.timeZone && raw.timeZone.length <= 60)
    out.timeZone = raw.timeZone;
  if (typeof raw.sort === "string" && (LEAD_SORTS as readonly string[]).includes(raw.sort)) {
    out.sort = raw.sort as TLeadSort;
  }
  if (raw.direction === "asc" || raw.direction === "desc") out.direction = raw.direction;
  const page = positiveInt(raw.page);
  if (page && page > 1) out.page = page;
  const pageSize = positiveInt(raw.pageSize);
  if (pageSize && (PAGE_SIZES as readonly number[]).includes(pageSize) && pageSize !== DEFAULT_PAGE_SIZE) {
    out.pageSize = pageSize;
  }
  return out;
}

/** Direction a column starts with when first clicked: newest first for dates, A→Z for text. */
export function defaultDirection(sort: TLeadSort): TSortDirection {
  return sort === "createdAt" || sort === "updatedAt" ? "desc" : "asc";
}

/** The `leads.list` input for a URL state. */
export function toListInput(search: TLeadsSearch): TListLeadsInput {
  const sort = search.sort ?? DEFAULT_SORT;
  const input: TListLeadsInput = {
    search: search.search ?? "",
    sort,
    direction: search.direction ?? defaultDirection(sort),
    page: search.page ?? 1,
    pageSize: search.pageSize ?? DEFAULT_PAGE_SIZE,
  };
  if (search.campaignId) input.campaignId = search.campaignId;
  if (search.optedOut) input.optedOut = search.optedOut === "yes";
  if (search.timeZone) input.timeZone = search.timeZone;
  return input;
}

/** Clicking a header: the same column flips direction, another column starts at its natural direction. */
export function nextSort(current: TLeadsSearch, column: TLeadSort): Pick<TLeadsSearch, "sort" | "direction"> {
  const sort = current.sort ?? DEFAULT_SORT;
  const direction = current.direction ?? defaultDirection(sort);
  if (sort === column) return { sort: column, direction: direction === "asc" ? "desc" : "asc" };
  return { sort: column, direction: defaultDirection(column) };
}

/** "Showing 51–100 of 1,234". */
export function rangeLabel(page: number, pageSize: number, total: number): string {
  if (total === 0) return "No leads";
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const fmt = (n: number) => n.toLocaleString();
  return `Showing ${fmt(from)}–${fmt(to)} of ${fmt(total)}`;
}
