/**
 * Ports: what features need from vendors. Adapters live in one folder per vendor and translate
 * vendor errors into these typed errors; no adapter imports a feature module.
 */

export type TSmsProviderName = "sandbox" | "twilio";

export type TSendSmsInput = {
  /** Our message id: lets an idempotent provider recognise a resend of the same message. */
  clientRef: string;
  orgId: string;
  from: string;
  to: string;
  body: string;
  messagingServiceSid?: string | null;
};

export type TSendSmsResult = { sid: string; status: "queued" | "sent" | "accepted" };

/**
 * `retryable`: the provider certainly did not take the message (safe to send again later).
 * `ambiguous`: it may have; sending again could text twice, so the message fails instead.
 */
export type TSmsFailureKind =
  | "opted_out"
  | "undeliverable"
  | "invalid_number"
  | "rejected"
  | "retryable"
  | "ambiguous";

export class SmsSendError extends Error {
  constructor(
    readonly kind: TSmsFailureKind,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "SmsSendError";
  }
  get retryable(): boolean {
    return this.kind === "retryable";
  }
}

export interface SmsProvider {
  readonly name: TSmsProviderName;
  /** True when sending the same clientRef twice texts once (so an interrupted send may be retried). */
  readonly idempotent: boolean;
  send(input: TSendSmsInput): Promise<TSendSmsResult>;
}

export type TSmsProviders = Partial<Record<TSmsProviderName, SmsProvider>>;

/** A delivery status normalised from any provider. */
export type TDeliveryStatus = "queued" | "sent" | "delivered" | "failed" | "undeliverable";
