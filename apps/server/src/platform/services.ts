import type { TAppContext } from "../app-context.js";
import type { TTokenService } from "./auth/tokens.js";
import type { TConfig } from "./config.js";
import type { TDatabase } from "./db/client.js";
import type { Logger } from "./logger.js";
import type { TQueue } from "./queue/boss.js";
import type { TRealtime } from "./realtime/socket.js";

/** The long-lived pieces of a running process, built once in main.ts and handed to the HTTP layer. */
export type TServices = {
  config: TConfig;
  log: Logger;
  db: TDatabase;
  tokens: TTokenService;
  queue: TQueue;
  realtime: TRealtime;
  /** The same context background jobs get, for use cases that enqueue, publish or reach vendors. */
  app: TAppContext;
};
