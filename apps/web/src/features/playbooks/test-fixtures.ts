import type { TPlaybookContent, TPlaybookVersion } from "@plaibook/shared";
import type { TPlaybookDraft } from "./playbook-draft";
import { contentToDraft } from "./playbook-draft";

/** A complete, valid playbook content for tests; override what the test is about. */
export function buildContent(overrides: Partial<TPlaybookContent> = {}): TPlaybookContent {
  return {
    persona: { agentName: "Sam", tone: "Warm", description: "Helps homeowners book inspections." },
    goal: "Book a roof inspection.",
    stages: [
      { key: "intro", name: "Intro", goal: "Say hello.", questions: [], advanceWhen: "They reply." },
      {
        key: "qualify",
        name: "Qualify",
        goal: "Learn the need.",
        questions: ["How old is the roof?"],
        advanceWhen: "Need known.",
      },
      { key: "book", name: "Book", goal: "Agree a time.", questions: [], advanceWhen: "Time agreed." },
    ],
    objectionHandlers: [{ category: "price", response: "Inspections are free." }],
    faq: [],
    booking: { enabled: true, appointmentMinutes: 30, leadTimeHours: 2, instructions: "" },
    escalation: { keywords: ["lawyer"], onNegativeSentimentTurns: 2, onHumanRequest: true },
    forbiddenPhrases: [],
    templates: {
      firstTouch: "Hi {{firstName}}, this is {{agentName}}.",
      followUps: ["Still there, {{firstName}}?"],
    },
    ...overrides,
  };
}

export function buildDraft(content: TPlaybookContent = buildContent()): TPlaybookDraft {
  return { name: "Roofing", description: "Spring push", note: "", content: contentToDraft(content) };
}

export function buildVersion(version: number, content: TPlaybookContent = buildContent()): TPlaybookVersion {
  return {
    id: `00000000-0000-4000-8000-${String(version).padStart(12, "0")}`,
    playbookId: "00000000-0000-4000-8000-0000000000aa",
    version,
    content,
    note: "",
    createdBy: "Mia Manager",
    createdAt: "2025-01-02T10:00:00.000Z",
  };
}
