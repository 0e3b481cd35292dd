import type { Readable } from "node:stream";
import type { TCrmCustomer, TSuppliedTranscript, TTranscriptSegment } from "@plaibook/shared";
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

// ---- Calls ----------------------------------------------------------------------------------------

export type TCallSourceName = "upload" | "genesys" | "five9" | "ringcentral" | "gohighlevel" | "callrail";

/** A call as a phone system describes it, before its recording is fetched. */
export type TSourceCall = {
  externalId: string;
  startedAt: Date;
  direction: "inbound" | "outbound";
  repName: string | null;
  /** The rep's id or e-mail in the phone system, matched to a Plaibook user when possible. */
  repRef: string | null;
  leadPhone: string | null;
  durationSeconds: number | null;
  /** The source's own transcript, when it has one (speech-to-text is then skipped). */
  transcript: TSuppliedTranscript | null;
};

/** A webhook the source could not prove it sent (bad signature, stale timestamp). */
export class WebhookVerificationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookVerificationError";
  }
}

/**
 * Where call recordings come from: a phone system polled with a cursor or pushing webhooks, or an
 * upload. Adapters translate vendor errors; the pipeline does the rest.
 */
export interface CallSource {
  readonly name: TCallSourceName;
  /** Calls that ended after `cursor` (the source's opaque position), oldest first, and the next cursor. */
  listNewCalls(
    cursor: string | null,
    limit: number,
  ): Promise<{ calls: TSourceCall[]; cursor: string | null }>;
  /** The recording as a stream (never loaded whole). */
  fetchRecording(
    call: TSourceCall,
  ): Promise<{ stream: Readable; fileName: string; contentType: string | null }>;
  /** Verifies a webhook delivery and reads the calls it announces; throws WebhookVerificationError. */
  parseWebhook(request: {
    headers: Record<string, string | string[] | undefined>;
    rawBody: Buffer;
  }): TSourceCall[];
}

export type TTranscriberName = "supplied" | "openai" | "pocketsphinx";

export type TTranscribeInput = {
  /** The 16 kHz mono WAV made by the transcode step. */
  speechPath: string;
  /** The recording as uploaded: a two-channel one is transcribed per channel (one speaker each). */
  originalPath: string;
  durationSeconds: number;
  /** Which channel of a stereo recording is the rep (phone systems differ). */
  repChannel: "left" | "right";
  /** 0–1 as the work goes, for the live bar. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
};

/** `unavailable`: not set up or not installed here (the call waits for a transcript instead). */
export class TranscriptionError extends Error {
  constructor(
    readonly kind: "unavailable" | "failed" | "retryable",
    message: string,
  ) {
    super(message);
    this.name = "TranscriptionError";
  }
}

/** Speech-to-text. Segments are in time order, speakers `rep` / `customer` where it can tell. */
export interface Transcriber {
  readonly name: TTranscriberName;
  transcribe(input: TTranscribeInput): Promise<{ segments: TTranscriptSegment[]; model: string }>;
}
