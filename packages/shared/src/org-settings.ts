import { z } from "zod";

/** How the organisation appears on texts, and its compliance replies. */
export const ZOrgSmsSettings = z.object({
  businessName: z
    .string()
    .trim()
    .min(2, { error: "Name the business as leads know it" })
    .max(60, { error: "Keep it under 60 characters" }),
  helpText: z
    .string()
    .trim()
    .min(10, { error: "Write at least 10 characters" })
    .max(320, { error: "Keep it under 320 characters (two SMS segments)" })
    .refine((t) => /\bSTOP\b/i.test(t), { error: "The HELP reply must say how to opt out (mention STOP)" }),
  optOutConfirmation: z
    .string()
    .trim()
    .min(10, { error: "Write at least 10 characters" })
    .max(320, { error: "Keep it under 320 characters (two SMS segments)" })
    .refine((t) => /\b(unsubscribed|opted out|no more)\b/i.test(t), {
      error: "Confirm that no more messages will be sent",
    }),
});
export type TOrgSmsSettings = z.infer<typeof ZOrgSmsSettings>;
