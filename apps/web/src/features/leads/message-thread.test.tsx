import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MessageThread } from "./message-thread";
import { buildMessage } from "./test-helpers";

describe("MessageThread", () => {
  it("shows a STOP before the confirmation written in the same instant, ours on the right for the team", () => {
    const at = "2025-01-02T10:05:00.000Z";
    const confirmation = buildMessage({ kind: "compliance", body: "You are unsubscribed.", createdAt: at });
    const stop = buildMessage({
      direction: "inbound",
      kind: "reply",
      status: "received",
      body: "STOP",
      createdAt: at,
    });
    const first = buildMessage({ body: "Hi!", createdAt: "2025-01-02T10:00:00.000Z" });
    render(<MessageThread messages={[first, confirmation, stop]} perspective="business" />);

    const bubbles = screen.getAllByRole("listitem").filter((li) => li.dataset.direction);
    expect(bubbles.map((li) => li.querySelector("div")?.textContent)).toEqual([
      "Hi!",
      "STOP",
      "You are unsubscribed.",
    ]);
    expect(bubbles.map((li) => li.dataset.side)).toEqual(["right", "left", "right"]);
    expect(screen.getByText(/Compliance/)).toBeTruthy();
  });
  it("says when a reply held back by sending hours will go out", () => {
    const later = new Date(Date.now() + 6 * 3600_000).toISOString();
    const held = buildMessage({ kind: "reply", author: "ai", status: "queued", scheduledFor: later });
    const due = buildMessage({
      kind: "reply",
      author: "ai",
      status: "queued",
      scheduledFor: null,
      body: "Now",
    });
    render(<MessageThread messages={[held, due]} perspective="business" />);
    expect(screen.getAllByText(/outside sending hours/)).toHaveLength(1);
  });
});
