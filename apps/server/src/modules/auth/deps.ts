import type pg from "pg";
import type { TTokenService } from "../../platform/auth/tokens.js";

/** What the auth use cases need from the running process. */
export type TAuthDeps = {
  appPool: pg.Pool;
  tokens: TTokenService;
  policy: { maxFailures: number; lockMinutes: number; refreshTtlDays: number; inviteTtlHours: number };
};
