import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
import { TRPC_ERROR_CODES_BY_KEY } from "@trpc/server/rpc";
import { AppError, type AppErrorCode } from "../errors.js";

export const trpcCodeOf: Record<AppErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS",
  UNAVAILABLE: "SERVICE_UNAVAILABLE",
};

export const INTERNAL_ERROR_MESSAGE = "Something went wrong on our side. Please try again.";

export function isExpected(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * A failure raised before tRPC runs (rate limit, oversized body) in the envelope the tRPC client
 * reads, so the web app shows its message instead of a network error. Batched calls get one per call.
 */
export function trpcEnvelope(url: string, code: AppErrorCode, message: string, httpStatus: number): unknown {
  const key = trpcCodeOf[code];
  const error = { error: { message, code: TRPC_ERROR_CODES_BY_KEY[key], data: { code: key, httpStatus } } };
  const [path = "", query = ""] = url.slice("/trpc/".length).split("?");
  const batched = new URLSearchParams(query).get("batch") === "1";
  return batched ? path.split(",").map(() => error) : error;
}
