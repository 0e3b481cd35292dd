import { NotifyError } from "../ports.js";

export type TSlackHttpAnswer = { status: number; retryAfterSeconds: number | null; text: string };

/**
 * One POST to Slack with a deadline. A network failure or timeout is `retryable`: Slack never confirmed
 * the post, and a duplicate alert is cheaper than a lost one. `what` names the call in messages; URLs
 * are never put in them (a webhook URL is its own secret).
 */
export async function postToSlack(
  what: string,
  url: string,
  init: { headers: Record<string, string>; body: string },
  options: { fetch: typeof fetch; timeoutMs: number },
): Promise<TSlackHttpAnswer> {
  try {
    const response = await options.fetch(url, {
      method: "POST",
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    return {
      status: response.status,
      retryAfterSeconds: parseRetryAfter(response.headers.get("retry-after")),
      text,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    throw new NotifyError(
      "retryable",
      timedOut ? `${what}: no answer within ${options.timeoutMs} ms` : `${what}: could not reach Slack`,
    );
  }
}

/** Slack's `Retry-After` is whole seconds; anything else is not a valid header (as the SDK reads it). */
export function parseRetryAfter(header: string | null): number | null {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number(header.trim());
}

/**
 * HTTP 429: with a valid `Retry-After` the job queue waits that long; without one the SDK treats it as
 * fatal, and so do we.
 */
export function rateLimitError(what: string, retryAfterSeconds: number | null): NotifyError {
  if (retryAfterSeconds === null) {
    return new NotifyError("permanent", `${what}: rate limited (HTTP 429) without a valid Retry-After`);
  }
  return new NotifyError(
    "rate_limited",
    `${what}: rate limited, retry after ${retryAfterSeconds} s`,
    retryAfterSeconds,
  );
}

/** A short, single-line excerpt of a body for error messages. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}
