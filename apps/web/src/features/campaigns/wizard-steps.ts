import type { TCampaign, TCampaignSettings } from "@plaibook/shared";
import { ZCampaignSettings } from "@plaibook/shared";
import { issuesToPathErrors } from "../playbooks/playbook-draft";

export type TWizardValues = {
  name: string;
  playbookId: string;
  businessHours: { days: number[]; start: string; end: string; timeZone: string };
  sendingNumbers: string[];
  perNumberPerMinute: number;
  perCampaignPerMinute: number;
  followUpDays: number[];
  stopOnReply: boolean;
  approvalMode: boolean;
  firstMessageFooter: string;
};

export const DEFAULT_FOOTER = "Reply STOP to opt out.";

export const WIZARD_STEPS = [
  { id: "basics", title: "Name and playbook" },
  { id: "schedule", title: "Schedule" },
  { id: "sending", title: "Sending" },
  { id: "review", title: "Review" },
] as const;
export type TWizardStepId = (typeof WIZARD_STEPS)[number]["id"];

export function defaultWizardValues(
  timeZone: string,
  sendingNumbers: ReadonlyArray<string> = [],
): TWizardValues {
  return {
    name: "",
    playbookId: "",
    businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", timeZone },
    sendingNumbers: sendingNumbers.length === 1 ? [...sendingNumbers] : [],
    perNumberPerMinute: 6,
    perCampaignPerMinute: 30,
    followUpDays: [1, 3],
    stopOnReply: true,
    approvalMode: false,
    firstMessageFooter: DEFAULT_FOOTER,
  };
}

export function campaignToWizardValues(campaign: TCampaign): TWizardValues {
  return {
    name: campaign.name,
    playbookId: campaign.playbookId,
    businessHours: { ...campaign.businessHours, days: [...campaign.businessHours.days] },
    sendingNumbers: [...campaign.sendingNumbers],
    perNumberPerMinute: campaign.perNumberPerMinute,
    perCampaignPerMinute: campaign.perCampaignPerMinute,
    followUpDays: [...campaign.followUpDays],
    stopOnReply: campaign.stopOnReply,
    approvalMode: campaign.approvalMode,
    firstMessageFooter: campaign.firstMessageFooter,
  };
}

/** Each step checks its own part of the shared settings schema. */
const STEP_SCHEMAS = {
  basics: ZCampaignSettings.pick({ name: true, playbookId: true }),
  schedule: ZCampaignSettings.pick({ businessHours: true }),
  sending: ZCampaignSettings.pick({
    sendingNumbers: true,
    perNumberPerMinute: true,
    perCampaignPerMinute: true,
    followUpDays: true,
    stopOnReply: true,
    approvalMode: true,
    firstMessageFooter: true,
  }),
  review: ZCampaignSettings,
} as const;

/** Field errors for one step, keyed by dotted path (`businessHours.end`, `followUpDays.1`). */
export function validateStep(step: TWizardStepId, values: TWizardValues): Record<string, string> {
  const result = STEP_SCHEMAS[step].safeParse(values);
  if (result.success) return {};
  const errors = issuesToPathErrors(result.error.issues);
  // An empty playbook id is "not picked", not "not a UUID".
  if (errors.playbookId) errors.playbookId = "Pick a playbook";
  return errors;
}

export function parseSettings(
  values: TWizardValues,
): { ok: true; settings: TCampaignSettings } | { ok: false; errors: Record<string, string> } {
  const result = ZCampaignSettings.safeParse(values);
  if (result.success) return { ok: true, settings: result.data };
  return { ok: false, errors: issuesToPathErrors(result.error.issues) };
}

/** The first step holding one of `errors`' fields (for sending the user back from Review). */
export function stepOfErrors(errors: Record<string, string>): TWizardStepId {
  const keys = Object.keys(errors);
  if (keys.some((k) => k === "name" || k === "playbookId")) return "basics";
  if (keys.some((k) => k.startsWith("businessHours"))) return "schedule";
  if (keys.length > 0) return "sending";
  return "review";
}
