import { createTRPCClient, httpBatchLink, httpLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import type { AppRouter } from "./app-router";
import { refreshOnUnauthorizedLink } from "./refresh-link";
import { getAccessToken } from "./session-store";

export const TRPC_URL = "/trpc";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** Sends the refresh cookie (httpOnly, set by the server) with every call. */
const fetchWithCookies: typeof fetch = (input, init) => fetch(input, { ...init, credentials: "include" });

function authHeaders(): Record<string, string> {
  const token = getAccessToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** A plain client for the session calls themselves; no retry link, so a failed refresh cannot loop. */
export function createAuthClient() {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: TRPC_URL, headers: authHeaders, fetch: fetchWithCookies })],
  });
}

/** The app's client: batches calls, sends the bearer token, refreshes once on UNAUTHORIZED. */
export function createAppClient(refresh: () => Promise<boolean>) {
  return createTRPCClient<AppRouter>({
    links: [
      refreshOnUnauthorizedLink<AppRouter>({ refresh }),
      httpBatchLink({ url: TRPC_URL, headers: authHeaders, fetch: fetchWithCookies }),
    ],
  });
}
