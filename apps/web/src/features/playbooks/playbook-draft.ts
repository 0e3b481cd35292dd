import type {
  TObjectionCategory,
  TPlaybookContent,
  TPlaybookStage,
  TSavePlaybookInput,
} from "@plaibook/shared";
import { MERGE_FIELDS, OBJECTION_CATEGORIES, ZSavePlaybookInput } from "@plaibook/shared";

/**
 * The editor's working copy of a playbook. Items of reorderable/removable object lists carry a `uid`
 * so React keeps each row's DOM (and focus) with its data; Zod strips `uid` when the draft is parsed.
 */
export type TStageDraft = TPlaybookStage & { uid: string };
export type TObjectionDraft = { uid: string; category: TObjectionCategory; response: string };
export type TFaqDraft = { uid: string; question: string; answer: string };
export type TContentDraft = Omit<TPlaybookContent, "stages" | "objectionHandlers" | "faq"> & {
  stages: TStageDraft[];
  objectionHandlers: TObjectionDraft[];
  faq: TFaqDraft[];
};
export type TPlaybookDraft = { name: string; description: string; note: string; content: TContentDraft };

/** Field errors keyed by dotted path: `name`, `content.stages.0.key`, `content.templates.followUps.1`. */
export type TFieldErrors = Record<string, string>;

let seq = 0;
export const newUid = (): string => `d${++seq}`;

export const OBJECTION_LABELS: Record<TObjectionCategory, string> = {
  price: "Price",
  timing: "Timing",
  authority: "Authority (not the decision maker)",
  need: "No need",
  trust: "Trust",
  competitor: "Competitor",
  contract: "Contract / commitment",
  other: "Other",
};

export function emptyStage(): TStageDraft {
  return { uid: newUid(), key: "", name: "", goal: "", questions: [], advanceWhen: "" };
}

export function nextObjectionCategory(used: ReadonlyArray<TObjectionCategory>): TObjectionCategory {
  return OBJECTION_CATEGORIES.find((c) => !used.includes(c)) ?? "other";
}

/** A sensible starting point for a new playbook: every required field filled, ready to adapt. */
export function starterContent(): TContentDraft {
  return {
    persona: {
      agentName: "Alex",
      tone: "Friendly, concise and professional. Plain words, no pressure.",
      description: "A helpful assistant who follows up with people who asked about our services.",
    },
    goal: "Find out whether the lead is interested and book a short call with the team.",
    stages: [
      {
        uid: newUid(),
        key: "intro",
        name: "Introduction",
        goal: "Confirm we are talking to the right person and remind them why we are in touch.",
        questions: [],
        advanceWhen: "The lead replies and is open to talking.",
      },
      {
        uid: newUid(),
        key: "qualify",
        name: "Qualify",
        goal: "Understand what they need and when.",
        questions: ["What are you hoping to get done?", "When would you like to get started?"],
        advanceWhen: "We know their need and timing.",
      },
      {
        uid: newUid(),
        key: "book",
        name: "Book a call",
        goal: "Agree a time for a short call.",
        questions: [],
        advanceWhen: "A time is agreed.",
      },
    ],
    objectionHandlers: [],
    faq: [],
    booking: { enabled: true, appointmentMinutes: 30, leadTimeHours: 2, instructions: "" },
    escalation: { keywords: [], onNegativeSentimentTurns: 2, onHumanRequest: true },
    forbiddenPhrases: [],
    templates: {
      firstTouch:
        "Hi {{firstName}}, this is {{agentName}} from {{businessName}}. Do you have a minute to chat?",
      followUps: [],
    },
  };
}

export function newPlaybookDraft(): TPlaybookDraft {
  return { name: "", description: "", note: "", content: starterContent() };
}

/** Turns saved content into an editable draft (fresh uids for list rows). */
export function contentToDraft(content: TPlaybookContent): TContentDraft {
  return {
    ...content,
    persona: { ...content.persona },
    stages: content.stages.map((s) => ({ ...s, questions: [...s.questions], uid: newUid() })),
    objectionHandlers: content.objectionHandlers.map((o) => ({ ...o, uid: newUid() })),
    faq: content.faq.map((f) => ({ ...f, uid: newUid() })),
    booking: { ...content.booking },
    escalation: { ...content.escalation, keywords: [...content.escalation.keywords] },
    forbiddenPhrases: [...content.forbiddenPhrases],
    templates: { ...content.templates, followUps: [...content.templates.followUps] },
  };
}

/** What a save would change (no uids; the version note alone is not a change), for dirty checks. */
export function draftFingerprint(draft: TPlaybookDraft): string {
  const { note: _note, ...rest } = draft;
  return JSON.stringify(rest, (key, value) => (key === "uid" ? undefined : value));
}

export function moveItem<T>(list: ReadonlyArray<T>, from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/** `{{field}}` names in a template that are not merge fields. */
export function unknownMergeFields(template: string): string[] {
  const names = [...template.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)].map((m) => m[1] ?? "");
  return [...new Set(names.filter((n) => !(MERGE_FIELDS as readonly string[]).includes(n)))];
}

type TIssue = {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  message: string;
  expected?: unknown;
  origin?: unknown;
  maximum?: unknown;
  minimum?: unknown;
};

/** Zod's default wording is for developers; these read better next to a field. */
function friendlyMessage(issue: TIssue): string {
  // A schema's own message (e.g. "Pick at least one day") is already written for people.
  if (!/^(Too big|Too small|Invalid input|Expected)/i.test(issue.message)) return issue.message;
  if (issue.code === "invalid_type" && issue.expected === "number") return "Enter a whole number";
  if (issue.code === "too_big" && issue.origin === "string") return `Keep it to ${issue.maximum} characters`;
  if (issue.code === "too_small" && issue.origin === "string" && issue.minimum === 1) return "Required";
  if (issue.code === "too_big" && issue.origin === "number") return `At most ${issue.maximum}`;
  if (issue.code === "too_small" && issue.origin === "number") return `At least ${issue.minimum}`;
  if (issue.code === "too_big" && issue.origin === "array") return `At most ${issue.maximum} items`;
  if (issue.code === "invalid_type" && issue.expected === "int") return "Enter a whole number";
  return issue.message;
}

export function issuesToPathErrors(issues: ReadonlyArray<TIssue>): TFieldErrors {
  const out: TFieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    if (!(key in out)) out[key] = friendlyMessage(issue);
  }
  return out;
}

export type TDraftValidation =
  | { ok: true; input: Omit<TSavePlaybookInput, "playbookId"> }
  | { ok: false; errors: TFieldErrors };

/** Validates the whole draft with the shared save schema, so the browser refuses what the server would. */
export function validateDraft(draft: TPlaybookDraft): TDraftValidation {
  const result = ZSavePlaybookInput.omit({ playbookId: true }).safeParse(draft);
  if (!result.success) return { ok: false, errors: issuesToPathErrors(result.error.issues) };
  return { ok: true, input: result.data };
}
