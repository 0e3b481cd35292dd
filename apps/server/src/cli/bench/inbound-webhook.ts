/** What `plaibook bench inbound` posts: Twilio's inbound SMS webhook for one account. */

/** The Twilio account the bench's app is configured with (the signature only needs its auth token). */
export const ACCOUNT_SID = `AC${"b".repeat(32)}`;
/** The app's inbound webhook route. */
export const INBOUND_PATH = "/webhooks/twilio/inbound";

/** Twilio's inbound SMS parameters, as it posts them. */
export function webhookParams(sid: string, from: string, to: string, body: string): Record<string, string> {
  return {
    AccountSid: ACCOUNT_SID,
    ApiVersion: "2010-04-01",
    Body: body,
    From: from,
    FromCity: "WASHINGTON",
    FromCountry: "US",
    FromState: "DC",
    FromZip: "20001",
    MessageSid: sid,
    NumMedia: "0",
    NumSegments: "1",
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: "received",
    To: to,
    ToCountry: "US",
  };
}
