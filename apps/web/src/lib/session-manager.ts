import type { TSession } from "@plaibook/shared";
import { isUnauthorized } from "./errors";

/** Refresh this long before the access token expires. */
export const REFRESH_MARGIN_MS = 60_000;
/** Never schedule a proactive refresh sooner than this (guards against tiny or bogus lifetimes). */
const MIN_DELAY_MS = 5_000;
/** After a refresh fails for a reason other than "not signed in" (e.g. offline), try again after this. */
const RETRY_AFTER_FAILURE_MS = 30_000;

type TTimerHandle = ReturnType<typeof setTimeout>;

export type TSessionManagerDeps = {
  /** Calls `auth.refresh`; the browser sends and rotates the httpOnly cookie. */
  requestRefresh: () => Promise<TSession>;
  onSession: (session: TSession) => void;
  onSignedOut: () => void;
  hasSession: () => boolean;
  setTimer?: (fn: () => void, ms: number) => TTimerHandle;
  clearTimer?: (handle: TTimerHandle) => void;
};

export type TSessionManager = {
  /** Refreshes the session; concurrent callers share the one request in flight. Resolves to null on failure. */
  refresh: () => Promise<TSession | null>;
  /** Adopts a session from login/sign-up/accept-invite and schedules its proactive refresh. */
  start: (session: TSession) => void;
  /** Forgets the session and cancels any scheduled refresh. */
  end: () => void;
};

/** `expiresIn` is in seconds (the access token's lifetime, as OAuth uses it). */
export function refreshDelayMs(expiresInSeconds: number): number {
  return Math.max(MIN_DELAY_MS, expiresInSeconds * 1000 - REFRESH_MARGIN_MS);
}

export function createSessionManager(deps: TSessionManagerDeps): TSessionManager {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle));
  let inFlight: Promise<TSession | null> | null = null;
  let timer: TTimerHandle | null = null;

  const cancelTimer = () => {
    if (timer !== null) clearTimer(timer);
    timer = null;
  };
  const schedule = (ms: number) => {
    cancelTimer();
    timer = setTimer(() => {
      timer = null;
      void refresh();
    }, ms);
  };

  const start = (session: TSession) => {
    deps.onSession(session);
    schedule(refreshDelayMs(session.expiresIn));
  };

  const end = () => {
    cancelTimer();
    deps.onSignedOut();
  };

  const refresh = (): Promise<TSession | null> => {
    if (inFlight) return inFlight;
    const attempt = deps.requestRefresh().then(
      (session) => {
        start(session);
        return session;
      },
      (error: unknown) => {
        if (isUnauthorized(error) || !deps.hasSession()) end();
        else schedule(RETRY_AFTER_FAILURE_MS); // transient: keep the current token, try again soon
        return null;
      },
    );
    inFlight = attempt.finally(() => {
      inFlight = null;
    });
    return inFlight;
  };

  return { refresh, start, end };
}
