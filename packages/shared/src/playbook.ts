import { z } from "zod";

/** Objection categories a playbook can answer; the call-analysis taxonomy refines these later. */
export const OBJECTION_CATEGORIES = [
  "price",
  "timing",
  "authority",
  "need",
  "trust",
  "competitor",
  "contract",
  "other",
] as const;
export const ZObjectionCategory = z.enum(OBJECTION_CATEGORIES);
export type TObjectionCategory = z.infer<typeof ZObjectionCategory>;

/** Merge fields a template may use; anything else in `{{…}}` is refused when the playbook is saved. */
export const MERGE_FIELDS = [
  "firstName",
  "lastName",
  "company",
  "agentName",
  "businessName",
  "city",
] as const;
export type TMergeField = (typeof MERGE_FIELDS)[number];

const text = (max: number) => z.string().trim().min(1, { error: "Required" }).max(max);

const ZTemplate = text(640).refine(
  (value) =>
    [...value.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].every((m) =>
      (MERGE_FIELDS as readonly string[]).includes(m[1] ?? ""),
    ),
  { error: `Unknown merge field: use only ${MERGE_FIELDS.map((f) => `{{${f}}}`).join(", ")}` },
);

export const ZPlaybookStage = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/, { error: "Use lower-case letters, digits and _ (e.g. qualify)" }),
  name: text(80),
  goal: text(400),
  questions: z.array(text(300)).max(10).default([]),
  advanceWhen: text(400),
});
export type TPlaybookStage = z.infer<typeof ZPlaybookStage>;

export const ZPlaybookContent = z
  .object({
    persona: z.object({ agentName: text(60), tone: text(300), description: text(1000) }),
    goal: text(600),
    stages: z.array(ZPlaybookStage).min(1, { error: "Add at least one stage" }).max(12),
    objectionHandlers: z
      .array(z.object({ category: ZObjectionCategory, response: text(600) }))
      .max(20)
      .default([]),
    faq: z
      .array(z.object({ question: text(300), answer: text(600) }))
      .max(50)
      .default([]),
    booking: z.object({
      enabled: z.boolean(),
      appointmentMinutes: z.number().int().min(5).max(480),
      leadTimeHours: z
        .number()
        .int()
        .min(0)
        .max(24 * 14),
      instructions: z.string().trim().max(600).default(""),
    }),
    escalation: z.object({
      keywords: z.array(text(60)).max(30).default([]),
      onNegativeSentimentTurns: z.number().int().min(1).max(10),
      onHumanRequest: z.boolean(),
    }),
    forbiddenPhrases: z.array(text(120)).max(50).default([]),
    templates: z.object({
      firstTouch: ZTemplate,
      followUps: z.array(ZTemplate).max(5).default([]),
    }),
  })
  .superRefine((content, ctx) => {
    const keys = content.stages.map((s) => s.key);
    keys.forEach((key, index) => {
      if (keys.indexOf(key) !== index) {
        ctx.addIssue({
          code: "custom",
          path: ["stages", index, "key"],
          message: `Stage key "${key}" is used twice`,
        });
      }
    });
  });
export type TPlaybookContent = z.infer<typeof ZPlaybookContent>;

export const ZPlaybookSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  currentVersion: z.number().int(),
  updatedAt: z.string(),
  campaignCount: z.number().int(),
});
export type TPlaybookSummary = z.infer<typeof ZPlaybookSummary>;

export const ZPlaybookVersion = z.object({
  id: z.uuid(),
  playbookId: z.uuid(),
  version: z.number().int(),
  content: ZPlaybookContent,
  note: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TPlaybookVersion = z.infer<typeof ZPlaybookVersion>;

export const ZSavePlaybookInput = z.object({
  /** Absent: create a new playbook. */
  playbookId: z.uuid().optional(),
  name: text(120),
  description: z.string().trim().max(600).default(""),
  content: ZPlaybookContent,
  note: z.string().trim().max(300).default(""),
});
export type TSavePlaybookInput = z.input<typeof ZSavePlaybookInput>;

/** Fills `{{field}}` from `values`; a field with no value becomes empty and the spacing is tidied. */
export function renderTemplate(
  template: string,
  values: Partial<Record<TMergeField, string | null | undefined>>,
): string {
  return (
    template
      .replace(
        /\{\{\s*([a-zA-Z]+)\s*\}\}/g,
        (_m, field: string) => values[field as TMergeField]?.trim() ?? "",
      )
      .replace(/[ \t]{2,}/g, " ")
      .replace(/\s+([,.!?])/g, "$1")
      // "{{businessName}}." with a name ending in a period ("Acme Co.") would read "Acme Co.."
      .replace(/(?<!\.)\.\.(?!\.)/g, ".")
      .trim()
  );
}
