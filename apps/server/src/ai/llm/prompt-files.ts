import { readFileSync } from "node:fs";

/**
 * The prompts live in versioned files beside this module (`prompts/<name>.v<n>.md`) so a wording change
 * is a new file and the version a usage record names says exactly which text the model saw.
 * They are read once, when the module loads: a missing file fails at start, not mid-conversation.
 */
export const PROMPT_VERSIONS = {
  responder: "responder.v1",
  turnAnalyzer: "turn-analyzer.v1",
  classifier: "classifier.v1",
} as const;
export type TPromptName = keyof typeof PROMPT_VERSIONS;

const templates = Object.fromEntries(
  Object.entries(PROMPT_VERSIONS).map(([name, version]) => [
    name,
    readFileSync(new URL(`./prompts/${version}.md`, import.meta.url), "utf8"),
  ]),
) as Record<TPromptName, string>;

/**
 * Fills `[[slot]]` placeholders (not `{{…}}`, which are the playbook's merge fields). One pass over the
 * template: text coming from a playbook is never re-scanned. A slot left unfilled is a bug, so it throws.
 */
export function renderPrompt(name: TPromptName, values: Record<string, string>): string {
  return templates[name].replace(/\[\[([a-zA-Z]+)\]\]/g, (_match, slot: string) => {
    const value = values[slot];
    if (value === undefined) throw new Error(`Prompt ${PROMPT_VERSIONS[name]}: no value for [[${slot}]]`);
    return value;
  });
}
