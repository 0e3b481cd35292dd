import { z } from "zod";

export const CAMPAIGN_STATUSES = ["draft", "active", "paused", "completed"] as const;
export const ZCampaignStatus = z.enum(CAMPAIGN_STATUSES);
export type TCampaignStatus = z.infer<typeof ZCampaignStatus>;

/** Where a lead stands in a campaign; the funnel chart shows these in this order. */
export const FUNNEL_STAGES = [
  "queued",
  "contacted",
  "replied",
  "engaged",
  "booked",
  "opted_out",
  "undeliverable",
  "finished",
] as const;
export const ZFunnelStage = z.enum(FUNNEL_STAGES);
export type TFunnelStage = z.infer<typeof ZFunnelStage>;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Use HH:MM (24-hour)" });

export const ZBusinessHours = z
  .object({
    /** ISO weekdays: 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1, { error: "Pick at least one day" }),
    start: hhmm,
    end: hhmm,
    timeZone: z.string().min(1).max(60),
  })
  .refine((h) => h.start < h.end, { error: "Business hours must end after they start", path: ["end"] });
export type TBusinessHours = z.infer<typeof ZBusinessHours>;

export const ZCampaignSettings = z.object({
  name: z.string().trim().min(1, { error: "Name is required" }).max(120),
  playbookId: z.uuid({ error: "Pick a playbook" }),
  businessHours: ZBusinessHours,
  sendingNumbers: z
    .array(z.string().regex(/^\+[1-9]\d{6,14}$/, { error: "Use E.164, e.g. +15550100001" }))
    .min(1, {
      error: "Pick at least one sending number",
    }),
  perNumberPerMinute: z.number().int().min(1).max(6000),
  perCampaignPerMinute: z.number().int().min(1).max(60000),
  /** Days after the previous touch with no reply, e.g. [1, 3]: a follow-up a day later, another 3 days after that. */
  followUpDays: z.array(z.number().int().min(1).max(60)).max(5),
  stopOnReply: z.boolean().default(true),
  /** AI replies wait as drafts until a person approves or edits them. */
  approvalMode: z.boolean().default(false),
  /** Added to the first message: identifies the business and says how to opt out. */
  firstMessageFooter: z.string().trim().min(1).max(160),
});
export type TCampaignSettings = z.infer<typeof ZCampaignSettings>;
export type TCampaignSettingsInput = z.input<typeof ZCampaignSettings>;

export const ZCampaign = ZCampaignSettings.extend({
  id: z.uuid(),
  status: ZCampaignStatus,
  playbookName: z.string(),
  playbookVersion: z.number().int(),
  playbookVersionId: z.uuid(),
  leadCount: z.number().int(),
  funnel: z.record(ZFunnelStage, z.number().int()),
  launchedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TCampaign = z.infer<typeof ZCampaign>;

export const ZCampaignTransition = z.object({
  campaignId: z.uuid(),
  to: z.enum(["active", "paused", "completed"]),
});
