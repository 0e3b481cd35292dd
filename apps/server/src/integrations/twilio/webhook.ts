import twilio from "twilio";
import { normaliseTwilioStatus } from "./errors.js";

export type TTwilioWebhook =
  | { kind: "inbound"; sid: string; from: string; to: string; body: string; params: Record<string, string> }
  | {
      kind: "status";
      sid: string;
      from: string;
      to: string;
      status: ReturnType<typeof normaliseTwilioStatus>;
      errorCode: string | null;
      params: Record<string, string>;
    };

/** True when `X-Twilio-Signature` matches the URL Twilio called and the posted parameters. */
export function verifyTwilioSignature(
  authToken: string,
  signature: string | undefined,
  url: string,
  params: Record<string, string>,
): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}

/** Reads a verified webhook body; null when required fields are missing. */
export function parseTwilioWebhook(
  kind: "inbound" | "status",
  params: Record<string, string>,
): TTwilioWebhook | null {
  const sid = params.MessageSid ?? params.SmsSid;
  const from = params.From;
  const to = params.To;
  if (!sid || !/^(SM|MM)[0-9a-f]{32}$/i.test(sid) || !from || !to) return null;
  if (kind === "inbound") return { kind, sid, from, to, body: params.Body ?? "", params };
  const raw = params.MessageStatus ?? params.SmsStatus;
  if (!raw) return null;
  const errorCode = params.ErrorCode ?? null;
  return {
    kind,
    sid,
    from,
    to,
    status: normaliseTwilioStatus(raw, errorCode ?? undefined),
    errorCode,
    params,
  };
}
