import type { PgBoss } from "pg-boss";
import type { TSmsProviders } from "./integrations/ports.js";
import type { TConfig } from "./platform/config.js";
import type { TDatabase } from "./platform/db/client.js";
import type { Logger } from "./platform/logger.js";

/** What background jobs and webhook handlers get from the running process. */
export type TAppContext = {
  config: TConfig;
  log: Logger;
  db: TDatabase;
  boss: PgBoss;
  publish: (room: string, event: string, payload: unknown) => void;
  sms: TSmsProviders;
  /** 32-byte hex key that seals integration credentials (AES-256-GCM). */
  secretsKey: string;
};
