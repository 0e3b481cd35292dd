import { countSegments, MERGE_FIELDS, renderTemplate, type TPlaybookContent } from "@plaibook/shared";
import type { TResponderContext, TTurn } from "../ports.js";
import { InvalidOutputError } from "./attempt.js";

export const MAX_SMS_SEGMENTS = 2;

/**
 * Our own checks on the model's SMS, after its JSON passed the schema. The text that comes back is what
 * we send: merge fields filled, cut to two segments at a sentence end when it runs over. A message we
 * cannot repair (forbidden phrase, unknown merge field, a repeat, no sentence end to cut at) throws
 * InvalidOutputError, which routing treats like output that failed the schema.
 */
export function checkAgentMessage(
  raw: string,
  context: Pick<TResponderContext, "playbook" | "merge" | "history">,
): string {
  const unknownFields = [...raw.matchAll(/\{\{\s*([^}]*?)\s*\}\}/g)]
    .map((match) => match[1] ?? "")
    .filter((field) => !(MERGE_FIELDS as readonly string[]).includes(field));
  if (unknownFields.length > 0) throw new InvalidOutputError(`unknown merge field {{${unknownFields[0]}}}`);

  let message = renderTemplate(raw, context.merge);
  if (message.length === 0) throw new InvalidOutputError("empty message (null stays silent)");

  const phrase = findForbiddenPhrase(message, context.playbook);
  if (phrase) throw new InvalidOutputError(`forbidden phrase "${phrase}"`);

  const previous = previousAgentMessage(context.history);
  if (previous !== null && normalise(previous) === normalise(message)) {
    throw new InvalidOutputError("repeats the previous agent message");
  }

  if (countSegments(message).segments > MAX_SMS_SEGMENTS) {
    const cut = cutToSegments(message, MAX_SMS_SEGMENTS);
    if (cut === null) throw new InvalidOutputError(`longer than ${MAX_SMS_SEGMENTS} SMS segments`);
    message = cut;
  }
  return message;
}

export function findForbiddenPhrase(message: string, playbook: TPlaybookContent): string | null {
  const text = normalise(message);
  return playbook.forbiddenPhrases.find((phrase) => text.includes(normalise(phrase))) ?? null;
}

function previousAgentMessage(history: TTurn[]): string | null {
  for (let index = history.length - 1; index >= 0; index -= 1) {
    const turn = history[index];
    if (turn && turn.role !== "lead") return turn.text;
  }
  return null;
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

/** The longest run of whole sentences that fits; null when even the first sentence does not. */
function cutToSegments(message: string, maxSegments: number): string | null {
  const ends = [...message.matchAll(/[.!?](?=\s|$)/g)].map((match) => (match.index ?? 0) + 1);
  for (let index = ends.length - 1; index >= 0; index -= 1) {
    const candidate = message.slice(0, ends[index]).trim();
    if (countSegments(candidate).segments <= maxSegments) return candidate;
  }
  return null;
}
