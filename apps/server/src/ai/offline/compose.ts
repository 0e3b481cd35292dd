import { countSegments, renderTemplate, type TMergeField } from "@plaibook/shared";

/** Replies stay within two SMS segments: longer texts cost more and read badly on a phone. */
export const MAX_REPLY_SEGMENTS = 2;

const fits = (text: string) => countSegments(text).segments <= MAX_REPLY_SEGMENTS;

function sentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]+["')\]]*\s*|[^.!?]+$/g)?.map((s) => s.trim()) ?? [text];
}

/** Drops every sentence that contains a phrase the playbook forbids. */
export function withoutForbidden(text: string, forbidden: readonly string[]): string {
  if (forbidden.length === 0) return text;
  const lowered = forbidden.map((f) => f.toLowerCase());
  return sentences(text)
    .filter((s) => !lowered.some((f) => s.toLowerCase().includes(f)))
    .join(" ");
}

export function containsForbidden(text: string, forbidden: readonly string[]): string | null {
  const lower = text.toLowerCase();
  return forbidden.find((f) => lower.includes(f.toLowerCase())) ?? null;
}

/**
 * Joins the parts of a reply, most important first, keeping as many whole parts as fit in two
 * segments; a first part that is too long alone is cut at a sentence end.
 */
export function composeSms(parts: (string | null | undefined)[], forbidden: readonly string[]): string {
  const clean = parts
    .map((p) => (p ? withoutForbidden(p.trim(), forbidden) : ""))
    .filter((p) => p.length > 0);
  let message = "";
  for (const part of clean) {
    const next = message ? `${message} ${part}` : part;
    if (fits(next)) message = next;
    else if (!message) message = truncateToFit(part);
  }
  return message;
}

function truncateToFit(text: string): string {
  let kept = "";
  for (const sentence of sentences(text)) {
    const next = kept ? `${kept} ${sentence}` : sentence;
    if (!fits(next)) break;
    kept = next;
  }
  if (kept) return kept;
  let cut = text;
  while (!fits(`${cut}…`) && cut.length > 0)
    cut = cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : -1);
  return `${cut}…`;
}

export function fill(template: string, merge: Partial<Record<TMergeField, string | null>>): string {
  return renderTemplate(template, merge);
}

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ").trim();

export function sameMessage(a: string | null | undefined, b: string | null | undefined): boolean {
  return !!a && !!b && normalise(a) === normalise(b);
}
