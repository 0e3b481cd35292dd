import { CrmError } from "../ports.js";

// FieldRoutes documents no error codes, only `errorMessage` text, so failures are classified by wording.
const RATE_LIMIT_WORDING =
  /rate.?limit|limit (exceeded|reached)|exceeded .*limit|throttl|too many (requests|calls)/i;
const AUTH_WORDING =
  /authenticat|credential|unauthori[sz]ed|not authori[sz]ed|invalid (api )?(key|token)|access denied|permission/i;
const OCCUPIED_WORDING =
  /occupied|spot .*(taken|full|booked|unavailable|no longer)|already (booked|scheduled)|double.?book/i;
const TRANSIENT_WORDING = /temporar|try again later|timed? ?out|service unavailable|maintenance/i;

/** An `errorMessage` in our terms; `booking` lets "spot occupied" mean someone booked the slot first. */
export function classifyFieldRoutesMessage(
  operation: string,
  errorMessage: string,
  options: { booking: boolean },
): CrmError {
  const message = `FieldRoutes ${operation}: ${errorMessage}`;
  if (RATE_LIMIT_WORDING.test(errorMessage)) return new CrmError("rate_limited", message);
  if (AUTH_WORDING.test(errorMessage)) return new CrmError("auth", message);
  if (options.booking && OCCUPIED_WORDING.test(errorMessage)) return new CrmError("slot_taken", message);
  if (TRANSIENT_WORDING.test(errorMessage)) return new CrmError("unavailable", message);
  return new CrmError("invalid", message);
}

/** A non-2xx answer in our terms; the envelope's `errorMessage` refines 4xx answers when there is one. */
export function classifyFieldRoutesStatus(
  operation: string,
  status: number,
  errorMessage: string | null,
  options: { booking: boolean },
): CrmError {
  const detail = errorMessage ? `: ${errorMessage}` : "";
  if (status === 429) return new CrmError("rate_limited", `FieldRoutes ${operation}: HTTP 429${detail}`);
  if (status >= 500) return new CrmError("unavailable", `FieldRoutes ${operation}: HTTP ${status}${detail}`);
  if (status === 401 || status === 403)
    return new CrmError("auth", `FieldRoutes ${operation}: HTTP ${status}${detail}`);
  if (errorMessage) return classifyFieldRoutesMessage(operation, `HTTP ${status}: ${errorMessage}`, options);
  return new CrmError("invalid", `FieldRoutes ${operation}: HTTP ${status}`);
}
