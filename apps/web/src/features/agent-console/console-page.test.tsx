import type { TAiSettingsView, TConsoleTurnInput, TConsoleTurnResult } from "@plaibook/shared";
import { EMPTY_AGENT_STATE } from "@plaibook/shared";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  RouterProvider,
} from "@tanstack/react-router";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithServer } from "../leads/test-helpers";
import { buildVersion } from "../playbooks/test-fixtures";
import { PlaybookConsole } from "./console-page";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

const PLAYBOOK_ID = "00000000-0000-4000-8000-0000000000aa";

const playbookGet = () => ({
  playbook: {
    id: PLAYBOOK_ID,
    name: "Roof inspections",
    description: "",
    currentVersion: 2,
    updatedAt: "2025-01-02T10:00:00.000Z",
    campaignCount: 0,
  },
  versions: [
    { version: 2, note: "Softer price answer", createdAt: "2025-01-02T10:00:00.000Z", createdBy: "Mia" },
    { version: 1, note: "", createdAt: "2025-01-01T10:00:00.000Z", createdBy: "Mia" },
  ],
  current: buildVersion(2),
});

const offlineSettings = (): TAiSettingsView => ({
  ai: {
    engine: "auto",
    model: "openai/gpt-4o-mini",
    fallbackModel: "anthropic/claude-3.5-haiku",
    temperature: 0.3,
    persona: "",
    timeoutMs: 8000,
  },
  calendar: {
    timeZone: "America/New_York",
    days: [1, 2, 3, 4, 5],
    start: "08:00",
    end: "18:00",
    slotStepMinutes: 30,
  },
  llmAvailable: false,
});

function buildResult(overrides: Partial<TConsoleTurnResult> = {}): TConsoleTurnResult {
  return {
    reply: "Inspections are free, Alex. Would Thursday at 10 work?",
    handover: null,
    state: { ...EMPTY_AGENT_STATE, stage: "qualify", asked: ["qualify:0"] },
    classification: {
      intent: "objection",
      objection: "price/too_expensive",
      sentiment: "negative",
      sentimentScore: -0.4,
      mentionedTime: null,
      escalate: false,
      escalateReason: null,
      humanRequest: false,
      confidence: 0.9,
    },
    leadVerdict: {
      stage: "qualify",
      sentiment: -0.4,
      escalate: false,
      escalateReason: null,
      adherence: 100,
      violations: [],
      summary: "Lead pushes back on price.",
    },
    agentVerdict: {
      stage: "qualify",
      sentiment: 0.2,
      escalate: false,
      escalateReason: null,
      adherence: 55,
      violations: ["Promised a discount"],
      summary: "Handled the price objection.",
    },
    rollup: {
      turns: 2,
      currentStage: "qualify",
      sentimentTrend: [-0.4, 0.2],
      averageAdherence: 55,
      runningSummary: "Price objection handled.",
      escalated: false,
      escalateReason: null,
    },
    calls: [{ engine: "offline", model: "offline", latencyMs: 3, inputTokens: 0, outputTokens: 0 }],
    costMicros: 0,
    playbookVersion: 2,
    ...overrides,
  };
}

/** The console links back to its playbook, so it needs a router around it. */
function InRouter() {
  const rootRoute = createRootRoute();
  const consoleRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: "/playbooks/$playbookId/console",
    component: () => <PlaybookConsole playbookId={PLAYBOOK_ID} />,
  });
  const playbookRoute = createRoute({ getParentRoute: () => rootRoute, path: "/playbooks/$playbookId" });
  const router = createRouter({
    routeTree: rootRoute.addChildren([consoleRoute, playbookRoute]),
    history: createMemoryHistory({ initialEntries: [`/playbooks/${PLAYBOOK_ID}/console`] }),
  });
  return <RouterProvider router={router} />;
}

function renderConsole(consoleTurn: (input: TConsoleTurnInput) => unknown = () => buildResult()) {
  return renderWithServer(<InRouter />, {
    role: "rep",
    handlers: {
      "playbooks.get": playbookGet,
      "agent.settings": offlineSettings,
      "agent.console": consoleTurn,
    },
  });
}

const consoleInputs = (calls: Array<{ path: string; input: unknown }>) =>
  calls.filter((c) => c.path === "agent.console").map((c) => c.input as TConsoleTurnInput);

describe("PlaybookConsole", () => {
  it("sends the message, then renders the reply, the chips and the Overseer's verdict", async () => {
    const { calls } = renderConsole();
    await screen.findByRole("heading", { name: "Roof inspections" });
    expect(
      await screen.findByText("No API key: offline engine. Rule-based replies, no model cost."),
    ).toBeTruthy();

    const composer = screen.getByLabelText("Message from Alex");
    await userEvent.type(composer, "Too expensive for me{Enter}");

    expect(await screen.findByText("Inspections are free, Alex. Would Thursday at 10 work?")).toBeTruthy();
    const chips = screen.getByRole("list", { name: "Classification" });
    expect(within(chips).getByText("Objection")).toBeTruthy();
    expect(within(chips).getByText("Price: too expensive")).toBeTruthy();
    expect(within(chips).getByText(/Negative −0\.4/)).toBeTruthy();

    const verdict = screen.getByRole("region", { name: "Overseer verdict" });
    expect(within(verdict).getByText("Adherence 55").className).toContain("rose");
    expect(within(verdict).getByText("Qualify")).toBeTruthy();
    expect(within(verdict).getByText("Promised a discount")).toBeTruthy();
    expect(within(verdict).getByText("Handled the price objection.")).toBeTruthy();
    expect(within(verdict).getByText(/1 SMS segment/)).toBeTruthy();

    expect(consoleInputs(calls)[0]).toEqual({
      playbookId: PLAYBOOK_ID,
      history: [],
      message: "Too expensive for me",
      state: null,
      previous: null,
      lead: { firstName: "Alex", timeZone: "America/New_York" },
    });
  });

  it("sends the accumulated history, agent state and rollup with the next turn", async () => {
    const first = buildResult();
    let turn = 0;
    const { calls } = renderConsole(() =>
      ++turn === 1 ? first : buildResult({ reply: "Great, see you then." }),
    );
    await screen.findByRole("heading", { name: "Roof inspections" });
    const composer = screen.getByLabelText("Message from Alex");
    await userEvent.type(composer, "How much is it?{Enter}");
    await screen.findByText(first.reply ?? "");
    await userEvent.type(composer, "Ok, Thursday{Enter}");
    await screen.findByText("Great, see you then.");

    const second = consoleInputs(calls)[1];
    expect(second?.history).toEqual([
      { role: "lead", text: "How much is it?" },
      { role: "agent", text: first.reply },
    ]);
    expect(second?.state).toEqual(first.state);
    expect(second?.previous).toEqual(first.rollup);
    expect(second?.message).toBe("Ok, Thursday");
  });

  it("sends an example message when it is clicked, with the chosen version and lead", async () => {
    const { calls } = renderConsole();
    await screen.findByRole("heading", { name: "Roof inspections" });
    await userEvent.selectOptions(screen.getByLabelText("Playbook version"), "1");
    const name = screen.getByLabelText("Lead first name");
    await userEvent.clear(name);
    await userEvent.type(name, "Jo");
    await userEvent.click(screen.getByRole("button", { name: "Can you do Thursday at 10?" }));
    await screen.findByText("Inspections are free, Alex. Would Thursday at 10 work?");
    expect(consoleInputs(calls)[0]).toMatchObject({
      version: 1,
      message: "Can you do Thursday at 10?",
      lead: { firstName: "Jo" },
    });
    // The examples make way for the thread.
    expect(screen.queryByRole("list", { name: "Example messages" })).toBeNull();
  });

  it("shows a handover as a notice and says the AI would be paused", async () => {
    renderConsole(() =>
      buildResult({
        reply: "Of course, a teammate will text you shortly.",
        handover: { reason: "The lead asked for a person" },
        classification: {
          ...(buildResult().classification as NonNullable<TConsoleTurnResult["classification"]>),
          intent: "human_request",
          humanRequest: true,
          objection: null,
        },
      }),
    );
    await screen.findByRole("heading", { name: "Roof inspections" });
    await userEvent.click(screen.getByRole("button", { name: "I want to talk to a real person" }));
    const notice = await screen.findByRole("note");
    expect(notice.textContent).toBe("Handed to a person: The lead asked for a person");
    expect(screen.getByText("Asked for a person")).toBeTruthy();
    expect(screen.getByText(/Live, the AI would now be paused/)).toBeTruthy();
    // Testing can go on.
    expect((screen.getByLabelText("Message from Alex") as HTMLTextAreaElement).disabled).toBe(false);
  });

  it("keeps a failed message with a retry, and resets the conversation", async () => {
    let fail = true;
    renderConsole(() => {
      if (fail) throw new Error("The playbook version is missing");
      return buildResult();
    });
    await screen.findByRole("heading", { name: "Roof inspections" });
    await userEvent.type(screen.getByLabelText("Message from Alex"), "How much is it?{Enter}");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("The playbook version is missing");

    fail = false;
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    await screen.findByText("Inspections are free, Alex. Would Thursday at 10 work?");
    expect(screen.queryByRole("alert")).toBeNull();

    await userEvent.click(screen.getByRole("button", { name: "Reset conversation" }));
    expect(screen.queryByText("Inspections are free, Alex. Would Thursday at 10 work?")).toBeNull();
    expect(screen.getByRole("list", { name: "Example messages" })).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/Send a message to see/)).toBeTruthy());
  });

  it("tells a viewer the console is not for them", async () => {
    const { calls } = renderWithServer(<InRouter />, {
      role: "viewer",
      handlers: { "agent.settings": offlineSettings },
    });
    expect(await screen.findByText("Only reps and above can use the test console")).toBeTruthy();
    expect(calls.some((c) => c.path === "agent.console" || c.path === "playbooks.get")).toBe(false);
  });
});
