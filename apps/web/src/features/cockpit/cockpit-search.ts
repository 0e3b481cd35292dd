import type { TBoardFilter, TBoardSort, TBoardStatus, TSentimentBand } from "@plaibook/shared";
import { BOARD_SORTS, BOARD_STATUSES, SENTIMENT_BANDS } from "@plaibook/shared";

/** The Cockpit's state in the URL, so a link (from an escalation toast) and a reload land on the same view. */
export type TCockpitSearch = {
  conversationId?: string;
  /** The conversation pane's tab. */
  view?: "replay";
  status?: TBoardStatus;
  campaignId?: string;
  stage?: string;
  sentiment?: TSentimentBand;
  mine?: true;
  closed?: true;
  sort?: TBoardSort;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STAGE = /^[a-z0-9_-]{1,40}$/i;

function oneOf<T extends string>(values: ReadonlyArray<T>, value: unknown): T | undefined {
  return typeof value === "string" && (values as ReadonlyArray<string>).includes(value)
    ? (value as T)
    : undefined;
}

const flag = (value: unknown) => value === true || value === "true" || value === "1" || value === 1;

/** Reads untrusted URL search params; anything malformed is dropped rather than breaking the page. */
export function parseCockpitSearch(raw: Record<string, unknown>): TCockpitSearch {
  const out: TCockpitSearch = {};
  if (typeof raw.conversationId === "string" && UUID.test(raw.conversationId))
    out.conversationId = raw.conversationId;
  if (raw.view === "replay") out.view = "replay";
  const status = oneOf(BOARD_STATUSES, raw.status);
  if (status) out.status = status;
  if (typeof raw.campaignId === "string" && UUID.test(raw.campaignId)) out.campaignId = raw.campaignId;
  if (typeof raw.stage === "string" && STAGE.test(raw.stage)) out.stage = raw.stage;
  const sentiment = oneOf(SENTIMENT_BANDS, raw.sentiment);
  if (sentiment) out.sentiment = sentiment;
  if (flag(raw.mine)) out.mine = true;
  if (flag(raw.closed)) out.closed = true;
  const sort = oneOf(BOARD_SORTS, raw.sort);
  if (sort && sort !== "recent") out.sort = sort;
  return out;
}

/** The `cockpit.board` input for a URL state (the selection and the tab do not filter). */
export function toBoardFilter(search: TCockpitSearch): TBoardFilter & { sort: TBoardSort } {
  const filter: TBoardFilter & { sort: TBoardSort } = { sort: search.sort ?? "recent" };
  if (search.status) filter.status = search.status;
  if (search.campaignId) filter.campaignId = search.campaignId;
  if (search.stage) filter.stage = search.stage;
  if (search.sentiment) filter.sentiment = search.sentiment;
  if (search.mine) filter.mine = true;
  if (search.closed) filter.includeClosed = true;
  return filter;
}

/** Drops unset keys so the URL stays short. */
export function withoutEmpty(search: TCockpitSearch): TCockpitSearch {
  return Object.fromEntries(
    Object.entries(search).filter(([, v]) => v !== undefined && v !== ""),
  ) as TCockpitSearch;
}

/** Any filter other than the status tab narrows the board (for the empty state's wording). */
export function hasFilters(search: TCockpitSearch): boolean {
  return Boolean(search.status || search.campaignId || search.stage || search.sentiment || search.mine);
}
