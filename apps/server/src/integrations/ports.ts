import type { TCrmCustomer } from "@plaibook/shared";
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

/** A customer as the team's CRM knows them (the Cockpit shows the same shape). */
export type { TCrmCustomer };

/** An open appointment slot in the CRM's schedule. */
export type TCrmSlot = { id: string; start: Date; end: Date; routeId: string | null };

/**
 * `slot_taken`: someone else booked it first. `auth`: the credentials are wrong. `rate_limited` and
 * `unavailable` may pass; `invalid`: the CRM refused the request as it stands.
 */
export type TCrmFailureKind = "slot_taken" | "auth" | "rate_limited" | "unavailable" | "invalid";

export class CrmError extends Error {
  constructor(
    readonly kind: TCrmFailureKind,
    message: string,
  ) {
    super(message);
    this.name = "CrmError";
  }
}

/** The team's CRM (FieldRoutes first): customer context for the agent, its schedule, its bookings. */
export interface CrmProvider {
  readonly name: "fieldroutes";
  findCustomerByPhone(phoneE164: string): Promise<TCrmCustomer | null>;
  listOpenSlots(range: { from: Date; to: Date }): Promise<TCrmSlot[]>;
  bookAppointment(input: {
    customerExternalId: string;
    slot: TCrmSlot;
    durationMinutes: number;
    notes: string;
  }): Promise<{ externalId: string }>;
}

/**
 * `rate_limited`: try again after `retryAfterSeconds`. `retryable`: a server or network failure.
 * `permanent`: the destination refused (bad token, archived channel, …); retrying will not help.
 */
export class NotifyError extends Error {
  constructor(
    readonly kind: "rate_limited" | "retryable" | "permanent",
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = "NotifyError";
  }
}

/** Where alerts for people go (Slack first). */
export interface Notifier {
  readonly name: "slack_webhook" | "slack_bot";
  post(message: { text: string; blocks?: unknown[] }): Promise<void>;
}
