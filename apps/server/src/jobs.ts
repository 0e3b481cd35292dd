import { pruneRefreshTokensJob } from "./modules/auth/jobs.js";
import type { TJobDefinition } from "./platform/queue/jobs.js";

/** Every queue the worker role serves. */
export const allJobs: TJobDefinition<unknown>[] = [pruneRefreshTokensJob];
