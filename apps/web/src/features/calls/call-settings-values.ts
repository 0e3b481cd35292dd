import type { TCallSettings } from "@plaibook/shared";
import { ZCallSettings } from "@plaibook/shared";

/** One custom objection as the form edits it: the phrases as typed, one per line. */
export type TObjectionRow = {
  key: string;
  category: string;
  slug: string;
  /** False until the person types a slug: until then it follows the label. */
  slugEdited: boolean;
  label: string;
  examples: string;
};

export type TCallSettingsValues = {
  engine: TCallSettings["transcription"]["engine"];
  repChannel: TCallSettings["transcription"]["repChannel"];
  objections: TObjectionRow[];
};

/** Messages by field: `engine`, `repChannel`, `objections` (the list), `objections.2.slug`… */
export type TCallSettingsErrors = Record<string, string>;

let rowSeq = 0;

export function newObjectionRow(overrides: Partial<TObjectionRow> = {}): TObjectionRow {
  return {
    key: `objection-${++rowSeq}`,
    category: "price",
    slug: "",
    slugEdited: false,
    label: "",
    examples: "",
    ...overrides,
  };
}

export function toFormValues(settings: TCallSettings): TCallSettingsValues {
  return {
    engine: settings.transcription.engine,
    repChannel: settings.transcription.repChannel,
    objections: settings.customObjections.map((o) =>
      newObjectionRow({
        category: o.category,
        slug: o.slug,
        slugEdited: true,
        label: o.label,
        examples: o.examples.join("\n"),
      }),
    ),
  };
}

/** "Membership fee!" → "membership_fee" (what the slug follows until it is typed). */
export function slugify(label: string): string {
  return label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^[^a-z]+/, "")
    .replace(/_+$/, "")
    .slice(0, 40);
}

function examplesOf(text: string): string[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The schema's messages start in lower case (they also go into API errors); a form shows sentences. */
function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Zod's own words for a length check are not for people: say it for the field instead. */
function messageFor(field: string, path: ReadonlyArray<string>, message: string): string {
  if (field === "label") return "Give the objection a label (up to 80 characters).";
  if (field === "examples" && path.length > 3) {
    return `Phrase ${Number(path[3]) + 1}: each phrase needs 3–300 characters.`;
  }
  if (field === "examples" && /too big|at most/i.test(message)) return "Give at most 50 phrases.";
  return sentence(message);
}

/**
 * Checks the form with the server's own schema (ZCallSettings). Messages land on the field they are
 * about, e.g. `objections.1.examples`; two objections with the same category and slug mark both slugs.
 */
export function parseCallSettings(
  values: TCallSettingsValues,
): { ok: true; settings: TCallSettings } | { ok: false; errors: TCallSettingsErrors } {
  const input = {
    transcription: { engine: values.engine, repChannel: values.repChannel },
    customObjections: values.objections.map((row) => ({
      category: row.category,
      slug: row.slug,
      label: row.label,
      examples: examplesOf(row.examples),
    })),
  };
  const parsed = ZCallSettings.safeParse(input);
  if (parsed.success) return { ok: true, settings: parsed.data };
  const errors: TCallSettingsErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String);
    const [top, second, field] = path;
    if (top === "transcription") {
      errors[second === "engine" ? "engine" : "repChannel"] ??= sentence(issue.message);
    } else if (top === "customObjections" && second !== undefined && field !== undefined) {
      errors[`objections.${second}.${field}`] ??= messageFor(field, path, issue.message);
    } else if (top === "customObjections") {
      errors.objections ??= sentence(issue.message);
      markDuplicates(input.customObjections, errors);
    } else {
      errors.form ??= issue.message;
    }
  }
  return { ok: false, errors };
}

function markDuplicates(
  objections: ReadonlyArray<{ category: string; slug: string }>,
  errors: TCallSettingsErrors,
): void {
  const seen = new Map<string, number>();
  objections.forEach((o, i) => {
    const id = `${o.category}/${o.slug.trim()}`;
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, i);
      return;
    }
    const message = "Another objection in this category has the same slug.";
    errors[`objections.${first}.slug`] ??= message;
    errors[`objections.${i}.slug`] ??= message;
  });
}
