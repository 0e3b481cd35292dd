import twilio from "twilio";
import { type SmsProvider, SmsSendError, type TSendSmsInput, type TSendSmsResult } from "../ports.js";
import { mapTwilioError } from "./errors.js";

export type TTwilioOptions = {
  accountSid: string;
  authToken: string;
  /** Tests and proxies only: send API calls to this base URL instead of api.twilio.com. */
  apiUrl: string | null;
  statusCallbackUrl: string | null;
  /** Per API call; the SDK's own default (30 s) equals sms.send's expiry, so a hung call outlived its job. */
  timeoutMs?: number;
};

/** Twilio through its official SDK; a number with a Messaging Service sends through the service. */
export function createTwilioSms(options: TTwilioOptions): SmsProvider {
  const timeout = options.timeoutMs ?? 10_000;
  const httpClient = options.apiUrl ? redirectingClient(options.apiUrl, timeout) : undefined;
  const client = twilio(options.accountSid, options.authToken, httpClient ? { httpClient } : { timeout });
  return {
    name: "twilio",
    // Twilio has no idempotency key for messages: an interrupted send is never retried.
    idempotent: false,
    send: async (input: TSendSmsInput): Promise<TSendSmsResult> => {
      try {
        const message = await client.messages.create({
          to: input.to,
          body: input.body,
          ...(input.messagingServiceSid
            ? { messagingServiceSid: input.messagingServiceSid }
            : { from: input.from }),
          ...(options.statusCallbackUrl ? { statusCallback: options.statusCallbackUrl } : {}),
        });
        return { sid: message.sid, status: "accepted" };
      } catch (error) {
        throw mapTwilioError(error);
      }
    },
  };
}

function redirectingClient(apiUrl: string, timeout: number) {
  const base = new URL(apiUrl);
  return new (class extends twilio.RequestClient {
    override request<TData>(opts: Parameters<twilio.RequestClient["request"]>[0] & { data?: TData }) {
      const original = new URL(opts.uri);
      return super.request<TData>({
        ...opts,
        uri: `${base.origin}${base.pathname.replace(/\/$/, "")}${original.pathname}${original.search}`,
      });
    }
  })({ timeout });
}

export { SmsSendError };
