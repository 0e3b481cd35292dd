import type { TPlaybookContent } from "@plaibook/shared";
import { diffLines } from "diff";
import { OBJECTION_LABELS } from "./playbook-draft";

export const DIFF_SECTIONS = [
  "Persona and goal",
  "Stages",
  "Objection handling",
  "FAQ",
  "Booking",
  "Escalation",
  "Forbidden phrases",
  "Messages",
] as const;
export type TDiffSection = (typeof DIFF_SECTIONS)[number];

const yesNo = (value: boolean) => (value ? "yes" : "no");
const list = (items: ReadonlyArray<string>, indent = "") =>
  items.length === 0 ? [`${indent}(none)`] : items.map((item) => `${indent}- ${item}`);

/** Each section of a playbook as plain, human-readable lines: what a person compares, not JSON. */
export function playbookSectionText(content: TPlaybookContent): Record<TDiffSection, string> {
  const lines: Record<TDiffSection, string[]> = {
    "Persona and goal": [
      `Agent name: ${content.persona.agentName}`,
      `Tone: ${content.persona.tone}`,
      `Description: ${content.persona.description}`,
      `Goal: ${content.goal}`,
    ],
    Stages: content.stages.flatMap((stage, i) => [
      `${i + 1}. ${stage.name} (${stage.key})`,
      `   Goal: ${stage.goal}`,
      "   Questions:",
      ...list(stage.questions, "     "),
      `   Move on when: ${stage.advanceWhen}`,
    ]),
    "Objection handling":
      content.objectionHandlers.length === 0
        ? ["(none)"]
        : content.objectionHandlers.map((o) => `${OBJECTION_LABELS[o.category]}: ${o.response}`),
    FAQ:
      content.faq.length === 0
        ? ["(none)"]
        : content.faq.flatMap((f) => [`Q: ${f.question}`, `A: ${f.answer}`]),
    Booking: [
      `Books appointments: ${yesNo(content.booking.enabled)}`,
      `Appointment length: ${content.booking.appointmentMinutes} minutes`,
      `Earliest booking: ${content.booking.leadTimeHours} hours from now`,
      `Instructions: ${content.booking.instructions || "(none)"}`,
    ],
    Escalation: [
      "Keywords:",
      ...list(content.escalation.keywords, "  "),
      `After negative replies in a row: ${content.escalation.onNegativeSentimentTurns}`,
      `When the lead asks for a person: ${yesNo(content.escalation.onHumanRequest)}`,
    ],
    "Forbidden phrases": list(content.forbiddenPhrases),
    Messages: [
      `First message: ${content.templates.firstTouch}`,
      ...content.templates.followUps.map((f, i) => `Follow-up ${i + 1}: ${f}`),
    ],
  };
  return Object.fromEntries(DIFF_SECTIONS.map((s) => [s, `${lines[s].join("\n")}\n`])) as Record<
    TDiffSection,
    string
  >;
}

export type TDiffLine = { kind: "added" | "removed" | "same"; text: string };
export type TSectionDiff = { section: TDiffSection; changed: boolean; lines: TDiffLine[] };

/** A line diff per section between two versions' content. */
export function diffPlaybookContent(before: TPlaybookContent, after: TPlaybookContent): TSectionDiff[] {
  const a = playbookSectionText(before);
  const b = playbookSectionText(after);
  return DIFF_SECTIONS.map((section) => {
    const lines: TDiffLine[] = diffLines(a[section], b[section]).flatMap((part) => {
      const kind = part.added ? "added" : part.removed ? "removed" : "same";
      return part.value
        .replace(/\n$/, "")
        .split("\n")
        .map((text) => ({ kind, text }) as TDiffLine);
    });
    return { section, changed: lines.some((l) => l.kind !== "same"), lines };
  });
}
