import type { PgBoss } from "pg-boss";
import type { TSmsProviders } from "./integrations/ports.js";
import type { BlobStore } from "./platform/blobs/index.js";
import type { TConfig } from "./platform/config.js";
import type { TDatabase } from "./platform/db/client.js";
import type { Logger } from "./platform/logger.js";
import type { TRealtime } from "./platform/realtime/socket.js";

/** What background jobs and webhook handlers get from the running process. */
export type TAppContext = {
  config: TConfig;
  log: Logger;
  db: TDatabase;
  boss: PgBoss;
  publish: TRealtime["publish"];
  /** Call recordings and other large files (filesystem or S3). */
  blobs: BlobStore;
  /** Adds a user's live sockets to a room (a conversation newly visible to them). */
  joinUser: TRealtime["joinUser"];
  sms: TSmsProviders;
  /** 32-byte hex key that seals integration credentials (AES-256-GCM). */
  secretsKey: string;
};
