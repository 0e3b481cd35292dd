import type { TServices } from "../../platform/services.js";
import type { TAuthDeps } from "./deps.js";

export function authDepsOf(services: TServices): TAuthDeps {
  const { config } = services;
  return {
    appPool: services.db.appPool,
    tokens: services.tokens,
    policy: {
      maxFailures: config.LOGIN_MAX_FAILURES,
      lockMinutes: config.LOGIN_LOCK_MINUTES,
      refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS,
      inviteTtlHours: config.INVITE_TTL_HOURS,
    },
  };
}
