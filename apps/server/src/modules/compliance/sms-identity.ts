import type { TTx } from "../../platform/db/with-org.js";

export type TSmsIdentity = {
  businessName: string;
  helpText: string;
  optOutConfirmation: string;
  optInConfirmation: string;
};

/** The organisation's name on texts and its compliance replies, with sensible defaults. */
export async function getSmsIdentity(tx: TTx): Promise<TSmsIdentity> {
  const { rows } = await tx.client.query<{ name: string; sms_settings: Record<string, string | undefined> }>(
    "select name, sms_settings from organizations limit 1",
  );
  const org = rows[0];
  const businessName = org?.sms_settings.businessName?.trim() || org?.name || "Our team";
  return {
    businessName,
    helpText:
      org?.sms_settings.helpText?.trim() ||
      `${businessName}: reply to this number and a person will help. Msg&data rates may apply. Reply STOP to opt out.`,
    optOutConfirmation:
      org?.sms_settings.optOutConfirmation?.trim() ||
      `${businessName}: you are unsubscribed and will receive no more messages. Reply START to resubscribe.`,
    optInConfirmation: `${businessName}: you are resubscribed. Reply STOP to opt out at any time.`,
  };
}
