import type { TSession } from "@plaibook/shared";
import { create } from "zustand";

/**
 * `restoring`: the app has not yet asked the server whether the refresh cookie is still good.
 * `authenticated` / `anonymous`: the answer.
 */
export type TSessionStatus = "restoring" | "authenticated" | "anonymous";

type TSessionState = {
  status: TSessionStatus;
  session: TSession | null;
  setSession: (session: TSession) => void;
  clearSession: () => void;
};

/** The access token lives only in memory; the refresh token is an httpOnly cookie the browser keeps. */
export const useSessionStore = create<TSessionState>()((set) => ({
  status: "restoring",
  session: null,
  setSession: (session) => set({ session, status: "authenticated" }),
  clearSession: () => set({ session: null, status: "anonymous" }),
}));

export function getAccessToken(): string | null {
  return useSessionStore.getState().session?.accessToken ?? null;
}
