import { QueryClient } from "@tanstack/react-query";
import { getErrorCode } from "./errors";

/** Errors that will not go away by asking again. */
const FINAL_CODES = new Set(["UNAUTHORIZED", "FORBIDDEN", "BAD_REQUEST", "NOT_FOUND", "CONFLICT"]);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (failureCount, error) => !FINAL_CODES.has(getErrorCode(error) ?? "") && failureCount < 2,
      },
      mutations: { retry: false },
    },
  });
}
