/** Turns anything thrown by a tRPC call into something safe and useful to show a person. */

export type TErrorCode =
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "BAD_REQUEST"
  | "CONFLICT"
  | "NOT_FOUND"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_SERVER_ERROR"
  | (string & {});

type TErrorData = {
  code?: unknown;
  httpStatus?: unknown;
  zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null;
};

const GENERIC = "Something went wrong. Please try again.";
const OFFLINE = "We couldn't reach Plaibook. Check your connection and try again.";

function dataOf(error: unknown): TErrorData | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data = (error as { data: unknown }).data;
  return typeof data === "object" && data !== null ? (data as TErrorData) : null;
}

export function getErrorCode(error: unknown): TErrorCode | null {
  const code = dataOf(error)?.code;
  return typeof code === "string" ? code : null;
}

export function isUnauthorized(error: unknown): boolean {
  return getErrorCode(error) === "UNAUTHORIZED";
}

/** The server's own sentence for expected errors; a generic one for crashes and network trouble. */
export function getErrorMessage(error: unknown, fallback: string = GENERIC): string {
  if (!(error instanceof Error)) return fallback;
  const code = getErrorCode(error);
  if (code === null) {
    // No tRPC envelope: the request never reached the server or the reply was not JSON.
    return error.name === "TRPCClientError" || error instanceof TypeError ? OFFLINE : fallback;
  }
  if (code === "INTERNAL_SERVER_ERROR") return fallback;
  if (code === "TOO_MANY_REQUESTS" && !error.message) return "Too many attempts. Please wait and try again.";
  const message = error.message.trim();
  // Guard against raw validation dumps or stack-like text ever reaching the screen.
  if (!message || message.startsWith("[") || message.startsWith("{") || message.includes("\n    at ")) {
    return code === "BAD_REQUEST" ? "Please check the highlighted fields." : fallback;
  }
  return message;
}

/** Field errors the server attached to a BAD_REQUEST (first message per field). */
export function getServerFieldErrors(error: unknown): Record<string, string> {
  const fieldErrors = dataOf(error)?.zodError?.fieldErrors;
  const out: Record<string, string> = {};
  if (!fieldErrors) return out;
  for (const [field, messages] of Object.entries(fieldErrors)) {
    const first = messages?.[0];
    if (first) out[field] = first;
  }
  return out;
}
