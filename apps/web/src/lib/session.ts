import type { TSession } from "@plaibook/shared";
import { createSessionManager } from "./session-manager";
import { useSessionStore } from "./session-store";
import { createAppClient, createAuthClient } from "./trpc";

export const authClient = createAuthClient();

export const sessionManager = createSessionManager({
  requestRefresh: () => authClient.auth.refresh.mutate(),
  onSession: (session) => useSessionStore.getState().setSession(session),
  onSignedOut: () => useSessionStore.getState().clearSession(),
  hasSession: () => useSessionStore.getState().session !== null,
});

export const trpcClient = createAppClient(async () => (await sessionManager.refresh()) !== null);

let restoring: Promise<TSession | null> | null = null;

/** Called once at start-up: turns the refresh cookie (if any) back into a session. */
export function restoreSession(): Promise<TSession | null> {
  restoring ??= sessionManager.refresh();
  return restoring;
}

/** Revokes the refresh cookie server-side (best effort) and forgets everything locally. */
export async function signOut(): Promise<void> {
  try {
    await authClient.auth.logout.mutate();
  } catch {
    // Signing out locally must work even when the server is unreachable.
  } finally {
    sessionManager.end();
  }
}
