import { type Logger, pino } from "pino";
import type { TConfig } from "./config.js";

export type { Logger };

/** JSON logs in production and under test; readable lines on an interactive terminal. */
export function createLogger(config: Pick<TConfig, "LOG_LEVEL" | "NODE_ENV">): Logger {
  const pretty = config.NODE_ENV === "development" && process.stdout.isTTY;
  return pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "password",
        "*.password",
        "token",
        "*.token",
      ],
      censor: "[redacted]",
    },
    ...(pretty
      ? {
          transport: {
            target: "pino-pretty",
            options: { translateTime: "HH:MM:ss", ignore: "pid,hostname" },
          },
        }
      : {}),
  });
}
