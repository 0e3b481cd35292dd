import type { TBoardRow, TTurnAnalysis } from "@plaibook/shared";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { useToastStore } from "../../components/toast";
import { buildConversation, buildMessage, fakeSocket, renderWithServer } from "../leads/test-helpers";
import { BoardRow } from "./board-row";
import { CockpitPage } from "./cockpit-page";
import type { TCockpitSearch } from "./cockpit-search";
import { ReplayView } from "./replay-view";
import { useReplyingStore } from "./replying-store";
import { buildBoard, buildRow, idOf } from "./test-fixtures";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

const ME = "11111111-1111-4111-8111-111111111111";

// jsdom lays nothing out: give the board's scroll box a height so the virtualiser renders rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, "clientHeight");
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => 800 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, "clientHeight", clientHeight);
});
beforeEach(() => {
  useToastStore.setState({ toasts: [] });
  useReplyingStore.setState({ since: {} });
});

describe("BoardRow", () => {
  it("shows the lead, campaign, stage, preview, controller, adherence and cost, named by the lead", () => {
    const row = buildRow(idOf(1), {
      leadName: "Rosa Diaz",
      campaignName: "Spring promo",
      currentStage: "objection_handling",
      lastMessagePreview: "How much is it?",
      control: "human",
      controlledBy: "22222222-2222-4222-8222-222222222222",
      controlledByName: "Dana Rep",
      boardStatus: "escalated",
      escalatedAt: "2025-01-02T10:00:00.000Z",
      pendingDrafts: 2,
      averageAdherence: 54.4,
      costMicros: 12_340_000,
      sentimentTrend: [0.2, -0.1, -0.6],
      sentiment: -0.6,
    });
    const onSelect = vi.fn();
    renderWithServer(<BoardRow row={row} selected={false} myUserId={ME} onSelect={onSelect} />);
    const button = screen.getByRole("button", {
      name: /^Rosa Diaz, Escalated, answered by Dana Rep, 2 drafts/,
    });
    expect(within(button).getByText("Spring promo")).toBeTruthy();
    expect(within(button).getByText("Objection handling")).toBeTruthy();
    expect(within(button).getByText("How much is it?")).toBeTruthy();
    expect(within(button).getByText("Dana Rep")).toBeTruthy();
    expect(within(button).getByText("54%")).toBeTruthy();
    expect(within(button).getByText("$12.34")).toBeTruthy();
    expect(within(button).getByText("−0.6")).toBeTruthy();
    fireEvent.click(button);
    expect(onSelect).toHaveBeenCalledWith(row.id);
  });

  it("says the AI is replying while it writes", () => {
    const row = buildRow(idOf(2), { leadName: "Sam Sample" });
    renderWithServer(<BoardRow row={row} selected myUserId={ME} onSelect={() => undefined} />);
    act(() => useReplyingStore.getState().start(row.id));
    expect(screen.getByText("AI is replying…")).toBeTruthy();
    expect(screen.getByRole("button", { name: /AI is replying/ }).getAttribute("aria-current")).toBe("true");
  });
});

function analysis(turnIndex: number, overrides: Partial<TTurnAnalysis> = {}): TTurnAnalysis {
  return {
    id: `a${turnIndex}`,
    conversationId: idOf(9),
    messageId: null,
    turnIndex,
    direction: "inbound",
    model: "offline",
    latencyMs: 1,
    inputTokens: 0,
    outputTokens: 0,
    createdAt: "2025-01-02T10:00:00.000Z",
    stage: "discovery",
    sentiment: 0,
    escalate: false,
    escalateReason: null,
    adherence: 90,
    violations: [],
    summary: "Fine",
    ...overrides,
  };
}

describe("ReplayView", () => {
  it("steps through the turns with the slider and the buttons, showing the Overseer's state at each", async () => {
    const user = userEvent.setup();
    const messages = [
      buildMessage({ body: "Hi from Acme", createdAt: "2025-01-02T10:00:00.000Z" }),
      buildMessage({
        direction: "inbound",
        author: "lead",
        body: "How much?",
        createdAt: "2025-01-02T10:01:00.000Z",
      }),
      buildMessage({
        direction: "inbound",
        author: "lead",
        body: "I want a manager",
        createdAt: "2025-01-02T10:02:00.000Z",
      }),
    ];
    const states = [
      {
        currentStage: null,
        sentimentTrend: [],
        averageAdherence: null,
        runningSummary: "",
        escalated: false,
      },
      {
        currentStage: "pricing",
        sentimentTrend: [0.1],
        averageAdherence: 88,
        runningSummary: "Asked the price",
      },
      {
        currentStage: "pricing",
        sentimentTrend: [0.1, -0.8],
        averageAdherence: 55,
        runningSummary: "Upset about the price",
        escalated: true,
        escalateReason: "Asked for a manager",
      },
    ];
    const { calls } = renderWithServer(<ReplayView conversationId={idOf(9)} />, {
      handlers: {
        "conversations.replay": (input: { turn?: number }) => {
          const turn = input.turn ?? 2;
          return {
            turn,
            totalTurns: 3,
            messages: messages.slice(0, turn + 1),
            analyses:
              turn >= 1
                ? [analysis(1, { messageId: messages[1]?.id ?? null, summary: "Price question" })]
                : [],
            state: { turns: turn, escalated: false, escalateReason: null, ...states[turn] },
          };
        },
      },
    });
    const slider = await screen.findByRole("slider", { name: "Replay turn" });
    expect(screen.getByText("Turn 3 of 3")).toBeTruthy();
    expect(screen.getByText("I want a manager")).toBeTruthy();
    expect(screen.getByText("Yes")).toBeTruthy();
    expect(screen.getByText(/Escalation: Asked for a manager/)).toBeTruthy();
    expect(screen.getByText("55%")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Previous turn" }));
    expect(await screen.findByText("Asked the price")).toBeTruthy();
    expect(screen.queryByText("I want a manager")).toBeNull();
    expect(screen.getByText(/Price question/)).toBeTruthy();
    expect(screen.getByText("88%")).toBeTruthy();

    fireEvent.change(slider, { target: { value: "0" } });
    expect(await screen.findByText("No summary yet.")).toBeTruthy();
    expect(screen.getByText("Turn 1 of 3")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Previous turn" }) as HTMLButtonElement).disabled).toBe(true);
    expect(
      calls.filter((c) => c.path === "conversations.replay").map((c) => (c.input as { turn?: number }).turn),
    ).toEqual([undefined, 1, 0]);
  });
});

function Page({ initial = {} }: { initial?: TCockpitSearch }) {
  const [search, setSearch] = useState<TCockpitSearch>(initial);
  return (
    <CockpitPage
      search={search}
      onSearchChange={(patch) => setSearch((prev) => ({ ...prev, ...patch }))}
      campaignsLink={<a href="/campaigns">Go to campaigns</a>}
    />
  );
}

describe("CockpitPage", () => {
  it("shows an empty board with a way to launch a campaign", async () => {
    renderWithServer(<Page />, {
      handlers: {
        "cockpit.board": () => buildBoard([]),
        "campaigns.list": () => [],
      },
    });
    expect(await screen.findByText("No live conversations yet — launch a campaign")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Go to campaigns" })).toBeTruthy();
  });

  it("lists conversations, opens one, moves with j/k, and patches rows from live events", async () => {
    const user = userEvent.setup();
    let rows: TBoardRow[] = [
      buildRow(idOf(1), { leadName: "Ann First", lastMessageAt: "2025-01-02T10:03:00.000Z" }),
      buildRow(idOf(2), { leadName: "Ben Second", lastMessageAt: "2025-01-02T10:02:00.000Z" }),
    ];
    const conversationOf = (id: string) =>
      buildConversation({ id, leadName: rows.find((r) => r.id === id)?.leadName ?? "?" });
    const { calls } = renderWithServer(<Page />, {
      handlers: {
        "cockpit.board": () => buildBoard(rows),
        "cockpit.changes": (input: { ids: string[] }) => ({
          rows: rows.filter((r) => input.ids.includes(r.id)),
          removedIds: [],
          counts: { all: 2, escalated: 1, needs_approval: 0, human: 0, ai: 1 },
          asOf: "2025-01-02T10:10:00.000Z",
        }),
        "campaigns.list": () => [],
        "conversations.get": (input: { conversationId: string }) => ({
          conversation: conversationOf(input.conversationId),
          messages: [buildMessage({ conversationId: input.conversationId, body: "Hello there" })],
          analyses: [],
        }),
        "leads.get": () => {
          throw new Error("not needed");
        },
        "users.list": () => [],
      },
    });
    const list = await screen.findByRole("list", { name: "Live conversations" });
    expect(
      within(list)
        .getAllByRole("button")
        .map((b) => b.getAttribute("aria-label")?.split(",")[0]),
    ).toEqual(["Ann First", "Ben Second"]);

    await user.click(within(list).getByRole("button", { name: /^Ann First/ }));
    expect(await screen.findByRole("region", { name: "Conversation with Ann First" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Take over" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Close conversation" })).toBeTruthy();

    await user.keyboard("j");
    expect(await screen.findByRole("region", { name: "Conversation with Ben Second" })).toBeTruthy();
    await user.keyboard("?");
    expect(await screen.findByRole("dialog", { name: "Keyboard shortcuts" })).toBeTruthy();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    // Ben escalates: the event is debounced into one changes call and the row moves to the top.
    rows = [
      {
        ...(rows[1] as TBoardRow),
        boardStatus: "escalated",
        escalatedAt: "2025-01-02T10:09:00.000Z",
        lastMessageAt: "2025-01-02T10:09:00.000Z",
        updatedAt: "2025-01-02T10:09:00.000Z",
      },
      rows[0] as TBoardRow,
    ];
    act(() => {
      fakeSocket.emit("conversation.updated", { conversationId: idOf(2) });
      fakeSocket.emit("turn.analyzed", { conversationId: idOf(2) });
    });
    await waitFor(() =>
      expect(within(list).getAllByRole("button")[0]?.getAttribute("aria-label")).toMatch(
        /^Ben Second, Escalated/,
      ),
    );
    expect(calls.filter((c) => c.path === "cockpit.changes").map((c) => c.input)).toEqual([
      { filter: { sort: "recent" }, ids: [idOf(2)] },
    ]);
    expect(screen.getByRole("button", { name: /^Escalated/, pressed: false }).textContent).toContain("1");

    // A teammate takes over the open conversation: a toast and an activity line.
    act(() =>
      fakeSocket.emit("conversation.control", {
        conversationId: idOf(2),
        leadId: rows[0]?.leadId,
        action: "took_over",
        by: { userId: "22222222-2222-4222-8222-222222222222", name: "Dana" },
      }),
    );
    expect(await screen.findByRole("list", { name: "Teammates' activity" })).toBeTruthy();
    expect(useToastStore.getState().toasts.map((t) => t.title)).toContain("Dana took over");
  });
});
