import { SmsSendError } from "../ports.js";

/** Twilio error codes we act on; everything 5xx or network-level is retryable. */
const CODES: Record<number, { kind: SmsSendError["kind"]; message: string }> = {
  21610: { kind: "opted_out", message: "The recipient has replied STOP to this sender" },
  21211: { kind: "invalid_number", message: "The 'To' number is not a valid phone number" },
  21614: { kind: "invalid_number", message: "The 'To' number is not a mobile number" },
  21408: { kind: "rejected", message: "Sending to this region is not enabled on the account" },
  21612: { kind: "undeliverable", message: "The 'To' number cannot be reached from this sender" },
  30003: { kind: "undeliverable", message: "Unreachable destination handset" },
  30004: { kind: "undeliverable", message: "Message blocked by the recipient or carrier" },
  30005: { kind: "undeliverable", message: "Unknown destination handset" },
  30006: { kind: "undeliverable", message: "Landline or unreachable carrier" },
  30007: { kind: "rejected", message: "Carrier filtered the message as spam" },
};

export function mapTwilioError(error: unknown): SmsSendError {
  const e = error as { status?: number; code?: number; message?: string };
  const known = e.code ? CODES[e.code] : undefined;
  if (known) return new SmsSendError(known.kind, String(e.code), known.message);
  // 429 and 503 say Twilio did not take the message; a refused connection never delivered the request.
  const notSent =
    e.status === 429 ||
    e.status === 503 ||
    ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"].includes(String(e.code));
  if (notSent)
    return new SmsSendError(
      "retryable",
      String(e.code ?? e.status),
      e.message ?? "Twilio could not take the message now",
    );
  // Other failures (500, 502, 504, timeouts) may or may not have sent it: never retried, to never text twice.
  if (e.status === undefined || e.status >= 500) {
    return new SmsSendError(
      "ambiguous",
      String(e.code ?? e.status ?? "network"),
      e.message ?? "Twilio did not confirm the message",
    );
  }
  return new SmsSendError("rejected", String(e.code ?? e.status), e.message ?? "Twilio refused the message");
}

/** Twilio delivery statuses and error codes, in our terms. */
export function normaliseTwilioStatus(
  status: string,
  errorCode: string | undefined,
): "queued" | "sent" | "delivered" | "failed" | "undeliverable" {
  if (status === "delivered") return "delivered";
  if (status === "sent") return "sent";
  if (status === "undelivered" || status === "failed") {
    const mapped = errorCode ? CODES[Number(errorCode)] : undefined;
    return mapped?.kind === "undeliverable" || mapped?.kind === "invalid_number" ? "undeliverable" : "failed";
  }
  return "queued";
}
