import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildConversation, buildMessage } from "../leads/test-helpers";
import { PhoneFrame } from "./phone-frame";

const conversation = buildConversation({ leadName: "Sam Sample" });
const messages = [
  buildMessage({
    direction: "outbound",
    body: "Hi Sam, want a quote?",
    createdAt: "2025-01-02T10:00:00.000Z",
  }),
  buildMessage({
    direction: "inbound",
    kind: "reply",
    status: "received",
    body: "Maybe. How much?",
    createdAt: "2025-01-02T10:05:00.000Z",
    sentAt: null,
  }),
];

function bubble(text: string) {
  const item = screen.getByText(text).closest("li");
  if (!item) throw new Error(`no bubble for ${text}`);
  return item;
}

describe("PhoneFrame", () => {
  it("draws the lead's texts on the right (as 'you') and ours on the left", () => {
    render(<PhoneFrame conversation={conversation} messages={messages} onSend={vi.fn()} />);
    expect(bubble("Maybe. How much?").getAttribute("data-side")).toBe("right");
    expect(within(bubble("Maybe. How much?")).getByText("You:")).toBeTruthy();
    expect(bubble("Hi Sam, want a quote?").getAttribute("data-side")).toBe("left");
    expect(within(bubble("Hi Sam, want a quote?")).getByText("Delivered")).toBeTruthy();
  });

  it("sends on Enter, adds a line on Shift+Enter, and clears after sending", async () => {
    const user = userEvent.setup();
    const onSend = vi.fn(async () => ({ messageId: "m1" }));
    render(<PhoneFrame conversation={conversation} messages={messages} onSend={onSend} />);

    const composer = screen.getByLabelText("Reply as Sam Sample") as HTMLTextAreaElement;
    await user.type(composer, "Tuesday works");
    await user.keyboard("{Shift>}{Enter}{/Shift}");
    expect(onSend).not.toHaveBeenCalled();
    await user.type(composer, "after 3");
    expect(composer.value).toBe("Tuesday works\nafter 3");

    await user.keyboard("{Enter}");
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(onSend).toHaveBeenCalledWith("Tuesday works\nafter 3");
    expect(composer.value).toBe("");
  });

  it("sends a quick reply as is, and keeps the text when sending fails", async () => {
    const user = userEvent.setup();
    const onSend = vi.fn(async () => {
      throw new Error("nope");
    });
    render(<PhoneFrame conversation={conversation} messages={messages} onSend={onSend} />);
    await user.click(screen.getByRole("button", { name: "STOP" }));
    expect(onSend).toHaveBeenCalledWith("STOP");

    const composer = screen.getByLabelText("Reply as Sam Sample") as HTMLTextAreaElement;
    await user.type(composer, "hello{Enter}");
    expect(composer.value).toBe("hello");
  });

  it("shows why replying is not possible instead of the composer", () => {
    render(
      <PhoneFrame
        conversation={conversation}
        messages={messages}
        onSend={vi.fn()}
        composerDisabledReason="Your role can watch conversations here but not reply as the lead."
      />,
    );
    expect(screen.queryByLabelText("Reply as Sam Sample")).toBeNull();
    expect(screen.getByText(/can watch conversations/)).toBeTruthy();
  });
});
