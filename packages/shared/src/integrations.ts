import { z } from "zod";

const url = (error: string) => z.url({ protocol: /^https?$/, error });

/** FieldRoutes: where it lives and how we book; the key and token are sealed, never shown again. */
export const ZFieldRoutesSettings = z.object({
  baseUrl: url("Enter your FieldRoutes address, e.g. https://acme.fieldroutes.com"),
  officeId: z.string().trim().max(20).nullable().default(null),
  /** The office's zone: FieldRoutes' spot times are office-local wall times. */
  timeZone: z.string().trim().min(1, { error: "Choose the office's time zone" }),
  /** Service type id used for appointments the agent books. */
  serviceTypeId: z
    .string()
    .trim()
    .min(1, { error: "Enter the service type id for new appointments" })
    .max(20),
});
export type TFieldRoutesSettings = z.infer<typeof ZFieldRoutesSettings>;

export const ZFieldRoutesSecrets = z.object({
  authenticationKey: z.string().trim().min(8, { error: "Enter the API authentication key" }),
  authenticationToken: z.string().trim().min(8, { error: "Enter the API authentication token" }),
});

export const ZSlackSettings = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("webhook") }),
  z.object({
    mode: z.literal("bot"),
    channel: z.string().trim().min(2, { error: "Enter the channel id, e.g. C0123ALERTS" }).max(80),
  }),
]);
export type TSlackSettings = z.infer<typeof ZSlackSettings>;

export const ZSlackSecrets = z.union([
  z.object({
    webhookUrl: z
      .url({ error: "Enter the incoming-webhook URL from Slack" })
      .refine((u) => u.startsWith("https://hooks.slack.com/") || !u.startsWith("https://"), {
        error: "Slack incoming webhooks start with https://hooks.slack.com/",
      }),
  }),
  z.object({
    token: z
      .string()
      .trim()
      .regex(/^xox[bp]-/, { error: "Bot tokens start with xoxb-" }),
  }),
]);

export const ZSaveIntegrationInput = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("fieldroutes"),
    enabled: z.boolean().default(true),
    settings: ZFieldRoutesSettings,
    /** Absent: keep the stored credentials. */
    secrets: ZFieldRoutesSecrets.optional(),
  }),
  z.object({
    kind: z.literal("slack"),
    enabled: z.boolean().default(true),
    settings: ZSlackSettings,
    secrets: ZSlackSecrets.optional(),
  }),
]);
export type TSaveIntegrationInput = z.input<typeof ZSaveIntegrationInput>;

export const ZIntegrationView = z.object({
  kind: z.enum(["fieldroutes", "slack"]),
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  hasCredentials: z.boolean(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type TIntegrationView = z.infer<typeof ZIntegrationView>;
