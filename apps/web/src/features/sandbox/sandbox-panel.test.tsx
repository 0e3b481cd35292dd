import { act, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { buildConversation, buildMessage, fakeSocket, renderWithServer } from "../leads/test-helpers";
import { SandboxPanel } from "./sandbox-panel";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

const conversation = buildConversation({
  leadName: "Sam Sample",
  lastMessagePreview: "Hi Sam, want a quote?",
});
const first = buildMessage({ conversationId: conversation.id, body: "Hi Sam, want a quote?" });

function Harness() {
  const [selected, setSelected] = useState<string | null>(null);
  return <SandboxPanel selectedId={selected} onSelect={setSelected} />;
}

const handlers = {
  "conversations.list": () => [conversation],
  "conversations.get": () => ({ conversation, messages: [first] }),
  "sandbox.settings": () => ({
    botEnabled: false,
    personas: [{ key: "skeptic", name: "The skeptic", description: "Asks about price first" }],
  }),
  "campaigns.sendingNumbers": () => [{ e164: conversation.ourNumber, label: "Sandbox", provider: "sandbox" }],
  "sandbox.reply": () => ({ conversationId: conversation.id }),
};

describe("SandboxPanel", () => {
  it("opens a conversation, replies as the lead, and shows new messages as they arrive", async () => {
    const user = userEvent.setup();
    const { calls } = renderWithServer(<Harness />, { role: "rep", handlers });

    await user.click(await screen.findByRole("button", { name: /Sam Sample/ }));
    expect(
      (await screen.findByText("Hi Sam, want a quote?", { selector: "div" })).closest("li")?.dataset.side,
    ).toBe("left");

    await user.type(screen.getByLabelText("Reply as Sam Sample"), "How much is it?{Enter}");
    expect(calls.find((c) => c.path === "sandbox.reply")?.input).toEqual({
      conversationId: conversation.id,
      body: "How much is it?",
    });

    const reply = buildMessage({
      conversationId: conversation.id,
      direction: "inbound",
      kind: "reply",
      status: "received",
      body: "How much is it?",
    });
    act(() =>
      fakeSocket.emit("message.created", {
        conversationId: conversation.id,
        leadId: conversation.leadId,
        message: reply,
      }),
    );
    expect(
      (await screen.findByText("How much is it?", { selector: "div" })).closest("li")?.dataset.side,
    ).toBe("right");

    // A rep may read the bot setting but only managers switch it.
    expect((screen.getByRole("switch") as HTMLButtonElement).disabled).toBe(true);
  });

  it("lets a viewer watch without a composer and without asking for simulator settings", async () => {
    const user = userEvent.setup();
    const { calls } = renderWithServer(<Harness />, { role: "viewer", handlers });
    await user.click(await screen.findByRole("button", { name: /Sam Sample/ }));
    expect(await screen.findByText("Hi Sam, want a quote?", { selector: "div" })).toBeTruthy();
    expect(screen.queryByLabelText("Reply as Sam Sample")).toBeNull();
    expect(screen.getByText(/can watch conversations here/)).toBeTruthy();
    expect(calls.some((c) => c.path === "sandbox.settings")).toBe(false);
  });

  it("explains how to get conversations when there are none", async () => {
    renderWithServer(<Harness />, {
      role: "manager",
      handlers: { ...handlers, "conversations.list": () => [] },
    });
    expect(
      await screen.findByText(/Launch a campaign in Sandbox mode to see first touches here/),
    ).toBeTruthy();
  });
});
