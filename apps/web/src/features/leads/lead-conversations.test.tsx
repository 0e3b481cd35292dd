import type { TAppointment, TConversation, TMessage, TTurnAnalysis } from "@plaibook/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { useToastStore } from "../../components/toast";
import { LeadAppointments } from "./lead-appointments";
import { LeadConversations } from "./lead-conversations";
import { buildConversation, buildMessage, renderWithServer, uuid } from "./test-helpers";

vi.mock("../../lib/socket", () => import("./test-helpers").then((m) => m.socketModule));

const ME = "11111111-1111-4111-8111-111111111111";

function buildAnalysis(overrides: Partial<TTurnAnalysis> = {}): TTurnAnalysis {
  return {
    id: uuid(),
    conversationId: "00000000-0000-4000-8000-000000009999",
    messageId: null,
    turnIndex: 1,
    direction: "outbound",
    model: "offline",
    latencyMs: 3,
    inputTokens: 0,
    outputTokens: 0,
    createdAt: "2025-01-02T10:01:00.000Z",
    stage: "discovery",
    sentiment: 0.2,
    escalate: false,
    escalateReason: null,
    adherence: 55,
    violations: [],
    summary: "Asked about the pest problem",
    ...overrides,
  };
}

/** A fake server whose conversation changes as the mutations land. */
function setup(initial: Partial<TConversation>, messages: TMessage[], analyses: TTurnAnalysis[] = []) {
  let conversation = buildConversation(initial);
  const event = (action: string) => ({
    conversationId: conversation.id,
    leadId: conversation.leadId,
    action,
    by: { userId: ME, name: "Mia Me" },
  });
  const view = renderWithServer(<LeadConversations conversations={[conversation]} />, {
    role: "rep",
    handlers: {
      "conversations.get": () => ({ conversation, messages, analyses }),
      "conversations.takeOver": () => {
        conversation = { ...conversation, control: "human", controlledBy: ME, controlledByName: "Mia Me" };
        return event("took_over");
      },
      "conversations.handBack": () => {
        conversation = { ...conversation, control: "ai", controlledBy: null, controlledByName: null };
        return event("handed_back");
      },
      "conversations.send": () => event("sent"),
      "conversations.approveDraft": () => event("approved"),
      "conversations.rejectDraft": () => event("rejected"),
    },
  });
  const callsTo = (path: string) => view.calls.filter((c) => c.path === path).map((c) => c.input);
  return { ...view, callsTo };
}

beforeEach(() => useToastStore.setState({ toasts: [] }));

describe("LeadConversations controls", () => {
  it("takes over from the AI, texts as a person with Ctrl+Enter, and hands back", async () => {
    const user = userEvent.setup();
    const { callsTo } = setup({}, [buildMessage({ author: "ai", kind: "reply", body: "Hi, this is Acme." })]);
    expect(await screen.findByText("The AI agent answers this lead.")).toBeTruthy();
    expect(screen.getByText("AI answering")).toBeTruthy();
    expect(screen.queryByLabelText("Text Sam Sample")).toBeNull();

    await user.click(screen.getByRole("button", { name: "Take over" }));
    expect(callsTo("conversations.takeOver")).toEqual([
      { conversationId: "00000000-0000-4000-8000-000000009999" },
    ]);
    const composer = await screen.findByLabelText("Text Sam Sample");
    expect(screen.getByText(/are answering; the AI is paused/)).toBeTruthy();

    await user.type(composer, "I'll call you at 3.");
    await user.keyboard("{Control>}{Enter}{/Control}");
    await waitFor(() =>
      expect(callsTo("conversations.send")).toEqual([
        { conversationId: "00000000-0000-4000-8000-000000009999", body: "I'll call you at 3." },
      ]),
    );
    await waitFor(() => expect((composer as HTMLTextAreaElement).value).toBe(""));

    await user.click(screen.getByRole("button", { name: "Hand back to AI" }));
    expect(await screen.findByText("The AI agent answers this lead.")).toBeTruthy();
    expect(callsTo("conversations.handBack")).toHaveLength(1);
  });

  it("shows the server's refusal when someone else already has it", async () => {
    const user = userEvent.setup();
    const { calls } = renderWithServer(<LeadConversations conversations={[buildConversation()]} />, {
      role: "rep",
      handlers: {
        "conversations.get": () => ({ conversation: buildConversation(), messages: [], analyses: [] }),
        "conversations.takeOver": () => {
          throw new Error("Dana already has this conversation");
        },
      },
    });
    await user.click(await screen.findByRole("button", { name: "Take over" }));
    await waitFor(() =>
      expect(useToastStore.getState().toasts.map((t) => t.description)).toContain(
        "Dana already has this conversation",
      ),
    );
    expect(calls.filter((c) => c.path === "conversations.takeOver")).toHaveLength(1);
  });

  it("approves, edits and rejects drafts", async () => {
    const user = userEvent.setup();
    const first = buildMessage({
      author: "ai",
      kind: "reply",
      status: "draft",
      body: "We can come Tuesday.",
    });
    const second = buildMessage({
      author: "ai",
      kind: "reply",
      status: "draft",
      body: "Anything else?",
      createdAt: "2025-01-02T10:02:00.000Z",
    });
    const { callsTo } = setup({ pendingDrafts: 2 }, [first, second]);
    expect(await screen.findByText("2 drafts to review")).toBeTruthy();
    const groups = await screen.findAllByRole("group", { name: "Draft actions" });
    expect(groups).toHaveLength(2);

    await user.click(within(groups[0] as HTMLElement).getByRole("button", { name: "Approve" }));
    await waitFor(() => expect(callsTo("conversations.approveDraft")).toEqual([{ messageId: first.id }]));

    await user.click(within(groups[1] as HTMLElement).getByRole("button", { name: "Edit & send" }));
    const editor = screen.getByLabelText("Edit the draft");
    await user.clear(editor);
    await user.type(editor, "Anything else I can help with?");
    await user.click(screen.getByRole("button", { name: "Send edited" }));
    await waitFor(() =>
      expect(callsTo("conversations.approveDraft")[1]).toEqual({
        messageId: second.id,
        body: "Anything else I can help with?",
      }),
    );

    const again = await screen.findAllByRole("group", { name: "Draft actions" });
    await user.click(within(again[0] as HTMLElement).getByRole("button", { name: "Reject" }));
    await waitFor(() => expect(callsTo("conversations.rejectDraft")).toEqual([{ messageId: first.id }]));
  });

  it("shows the escalation, the running summary, authors and the Overseer's notes", async () => {
    const reply = buildMessage({ author: "ai", kind: "reply", body: "It costs $99." });
    const mine = buildMessage({
      author: "human",
      kind: "manual",
      body: "Calling you now.",
      createdAt: "2025-01-02T10:03:00.000Z",
    });
    setup(
      {
        control: "human",
        controlledBy: "22222222-2222-4222-8222-222222222222",
        controlledByName: "Dana Rep",
        escalatedAt: "2025-01-02T10:02:00.000Z",
        escalationReason: "The lead threatened legal action",
        currentStage: "objection_handling",
        averageAdherence: 72,
        runningSummary: "Lead asked about price, then got upset.",
      },
      [reply, mine],
      [buildAnalysis({ messageId: reply.id, violations: ["Quoted a price the playbook forbids"] })],
    );
    expect(await screen.findByText("The lead threatened legal action")).toBeTruthy();
    // The badge in the header and the banner.
    expect(screen.getAllByText(/^Escalated/)).toHaveLength(2);
    expect(screen.getByText("Objection handling")).toBeTruthy();
    expect(screen.getByText("72%")).toBeTruthy();
    expect(screen.getByText("Lead asked about price, then got upset.")).toBeTruthy();
    expect(screen.getByText("Dana Rep has it")).toBeTruthy();
    expect(screen.getByText(/is answering; the AI is paused/)).toBeTruthy();
    expect(screen.getByText("AI")).toBeTruthy();
    expect(screen.getByText("Teammate")).toBeTruthy();
    expect(screen.getByText(/55% adherence/)).toBeTruthy();
    expect(screen.getByText(/Quoted a price the playbook forbids/)).toBeTruthy();
    // A person has it, so the composer is there (sending keeps it with Dana).
    expect(screen.getByLabelText("Text Sam Sample")).toBeTruthy();
  });

  it("offers to take over an escalated conversation no one has yet", async () => {
    const user = userEvent.setup();
    const { callsTo } = setup(
      {
        control: "human",
        controlledBy: null,
        escalatedAt: "2025-01-02T10:02:00.000Z",
        escalationReason: "lead asked for a person",
      },
      [],
    );
    expect(await screen.findByText("Lead asked for a person")).toBeTruthy();
    expect(screen.getByText("Needs a person")).toBeTruthy();
    expect(screen.getByText(/no one has taken this conversation yet/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Hand back to AI" })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Take over" }));
    expect(await screen.findByText(/are answering; the AI is paused/)).toBeTruthy();
    expect(callsTo("conversations.takeOver")).toHaveLength(1);
  });

  it("hides the controls from viewers", async () => {
    renderWithServer(<LeadConversations conversations={[buildConversation()]} />, {
      role: "viewer",
      handlers: {
        "conversations.get": () => ({
          conversation: buildConversation({ control: "human", controlledBy: ME, controlledByName: "Mia Me" }),
          messages: [buildMessage({ status: "draft", author: "ai", kind: "reply" })],
          analyses: [],
        }),
      },
    });
    expect(await screen.findByText(/are answering/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Hand back to AI" })).toBeNull();
    expect(screen.queryByRole("group", { name: "Draft actions" })).toBeNull();
    expect(screen.queryByRole("textbox")).toBeNull();
  });
});

describe("LeadAppointments", () => {
  it("lists appointments in the lead's time zone", async () => {
    const appointment: TAppointment = {
      id: uuid(),
      startsAt: "2025-03-04T16:00:00.000Z",
      endsAt: "2025-03-04T16:30:00.000Z",
      status: "booked",
      provider: "fieldroutes",
      externalId: "8812",
      bookedBy: "ai",
    };
    renderWithServer(<LeadAppointments leadId={uuid()} timeZone="America/Chicago" />, {
      handlers: { "agent.appointments": () => [appointment] },
    });
    const when = await screen.findByText(/Mar 4/);
    expect(when.textContent).toMatch(/10:00/);
    expect(when.textContent).toMatch(/CST/);
    expect(screen.getByText("Booked")).toBeTruthy();
    expect(screen.getByText(/FieldRoutes #8812 · Booked by the AI agent/)).toBeTruthy();
  });
});
