import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

export type TMetrics = { registry: Registry; httpDuration: Histogram<"method" | "route" | "status"> };

export function createMetrics(): TMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "plaibook_" });
  const httpDuration = new Histogram({
    name: "plaibook_http_request_duration_seconds",
    help: "HTTP request duration by route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return { registry, httpDuration };
}
