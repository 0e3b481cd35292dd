import { type ZodType, z } from "zod";
import { CrmError } from "../ports.js";
import { classifyFieldRoutesMessage, classifyFieldRoutesStatus } from "./fieldroutes-errors.js";
import { ZEnvelope, ZIdList } from "./fieldroutes-schemas.js";

/** The vendor's documented caps: a search returns at most 50,000 IDs, a `get` takes at most 1,000. */
export const FIELDROUTES_SEARCH_CAP = 50_000;
export const FIELDROUTES_GET_CAP = 1_000;
/** A search re-queried past its cap this many times stops: 1M rows is no schedule we page through. */
const MAX_SEARCH_PAGES = 20;

export type TFieldRoutesClientConfig = {
  /** `https://{subdomain}.fieldroutes.com` */
  baseUrl: string;
  authenticationKey: string;
  authenticationToken: string;
  fetch?: typeof fetch;
  /** Per HTTP call. */
  timeoutMs?: number;
  /** The vendor's caps; tests lower them to exercise paging. */
  searchCap?: number;
  getCap?: number;
};

export type TFieldRoutesParams = Record<string, unknown>;

/** A searchable entity: its endpoint, the key of its ID list, of its data rows and of a row's ID. */
export type TSearchable = { endpoint: string; idsKey: string; dataKey: string; idField: string };

export type TFieldRoutesClient = {
  /** POST `/api/{endpoint}/{action}`; resolves with the envelope-checked JSON body or throws CrmError. */
  call(endpoint: string, action: string, params: TFieldRoutesParams): Promise<Record<string, unknown>>;
  /**
   * Every row a search matches, with data: rows beyond the data cap come through `get` in chunks, and a
   * search that hits the ID cap is re-queried past its last ID.
   */
  searchAll<T>(entity: TSearchable, params: TFieldRoutesParams, row: ZodType<T>): Promise<T[]>;
};

export function createFieldRoutesClient(config: TFieldRoutesClientConfig): TFieldRoutesClient {
  const fetchImpl = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 15_000;
  const searchCap = config.searchCap ?? FIELDROUTES_SEARCH_CAP;
  const getCap = config.getCap ?? FIELDROUTES_GET_CAP;
  const baseUrl = config.baseUrl.replace(/\/+$/, "");

  async function call(endpoint: string, action: string, params: TFieldRoutesParams) {
    const operation = `${endpoint}/${action}`;
    const booking = operation === "appointment/create";
    // Credentials go last: the docs warn that a payload cut short must not run with partial params.
    const { authenticationKey: _key, authenticationToken: _token, ...rest } = params;
    const body = JSON.stringify({
      ...rest,
      authenticationKey: config.authenticationKey,
      authenticationToken: config.authenticationToken,
    });

    let status: number;
    let text: string;
    try {
      const response = await fetchImpl(`${baseUrl}/api/${operation}`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      const timedOut =
        error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new CrmError(
        "unavailable",
        timedOut
          ? `FieldRoutes ${operation}: no answer within ${timeoutMs} ms`
          : `FieldRoutes ${operation}: could not reach ${new URL(baseUrl).host} (${describe(error)})`,
      );
    }

    const json = parseJson(text);
    const envelope = json === undefined ? null : ZEnvelope.safeParse(json);
    const errorMessage = envelope?.success ? envelope.data.errorMessage : null;
    if (status < 200 || status >= 300)
      throw classifyFieldRoutesStatus(operation, status, errorMessage, { booking });
    if (json === undefined) {
      throw new CrmError(
        "unavailable",
        `FieldRoutes ${operation}: the response is not JSON (HTTP ${status}, starts "${text.slice(0, 40)}")`,
      );
    }
    if (!envelope?.success) {
      throw new CrmError(
        "unavailable",
        `FieldRoutes ${operation}: the response is not a FieldRoutes envelope (${envelope ? z.prettifyError(envelope.error) : "not an object"})`,
      );
    }
    const succeeded =
      envelope.data.success === true || envelope.data.success === 1 || envelope.data.success === "1";
    if (!succeeded || errorMessage) {
      throw classifyFieldRoutesMessage(operation, errorMessage ?? "the request failed (success: false)", {
        booking,
      });
    }
    return envelope.data;
  }

  async function searchAll<T>(entity: TSearchable, params: TFieldRoutesParams, row: ZodType<T>) {
    const operation = `${entity.endpoint}/search`;
    const rows: T[] = [];
    let filters = params;
    for (let page = 0; page < MAX_SEARCH_PAGES; page += 1) {
      const body = await call(entity.endpoint, "search", { ...filters, includeData: 1 });
      const idsKey = typeof body.propertyName === "string" ? body.propertyName : entity.idsKey;
      const dataKey = typeof body.propertyNameData === "string" ? body.propertyNameData : entity.dataKey;
      const ids = parseOrThrow(operation, ZIdList, body[idsKey], idsKey);
      const pageRows = parseRows(operation, row, body[dataKey] ?? [], dataKey);
      rows.push(...pageRows);

      // Rows past the data cap come back as IDs only (`…NoDataExported`): fetch them with `get`.
      const received = new Set(pageRows.map((item) => rowId(item, entity.idField)));
      const missing = ids.filter((id) => !received.has(id));
      for (let index = 0; index < missing.length; index += getCap) {
        const chunk = missing.slice(index, index + getCap);
        const got = await call(entity.endpoint, "get", { [entity.idsKey]: chunk });
        rows.push(...parseRows(`${entity.endpoint}/get`, row, got[entity.dataKey] ?? [], entity.dataKey));
      }

      if (ids.length < searchCap) break;
      // Exactly the cap: there may be more. IDs ascend, so ask again for those past the largest.
      const lastId = ids.reduce((max, id) => (Number(id) > Number(max) ? id : max));
      filters = { ...params, [entity.idsKey]: { operator: ">", value: lastId } };
    }
    return rows;
  }

  return { call, searchAll };
}

function parseRows<T>(operation: string, row: ZodType<T>, value: unknown, key: string): T[] {
  const list = parseOrThrow(operation, z.array(z.unknown()), value, key);
  return list.map((item, index) => parseOrThrow(operation, row, item, `${key}[${index}]`));
}

function parseOrThrow<T>(operation: string, schema: ZodType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CrmError(
    "unavailable",
    `FieldRoutes ${operation}: unexpected ${where} in the response (${z.prettifyError(parsed.error)})`,
  );
}

function rowId(row: unknown, idField: string): string {
  const value =
    typeof row === "object" && row !== null ? (row as Record<string, unknown>)[idField] : undefined;
  return String(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: { code?: string } }).cause;
    return cause?.code ?? error.message;
  }
  return String(error);
}
