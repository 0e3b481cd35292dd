import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";
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
