import { fireEvent, render, screen } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { describeControlEvent } from "./activity";
import { parseCockpitSearch, toBoardFilter } from "./cockpit-search";
import type { TCockpitAction } from "./use-cockpit-keys";
import { cockpitKeyAction, useCockpitKeys } from "./use-cockpit-keys";

const press = (key: string, extra: Partial<KeyboardEvent> = {}, target: EventTarget | null = document.body) =>
  cockpitKeyAction({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    target,
    ...extra,
  });

describe("cockpitKeyAction", () => {
  it("maps the shortcut letters", () => {
    expect(press("j")).toBe("next");
    expect(press("k")).toBe("previous");
    expect(press("t")).toBe("takeOver");
    expect(press("h")).toBe("handBack");
    expect(press("a")).toBe("approve");
    expect(press("?")).toBe("help");
    expect(press("x")).toBeNull();
    expect(press("J")).toBeNull();
  });

  it("ignores keys with a modifier", () => {
    expect(press("j", { ctrlKey: true })).toBeNull();
    expect(press("a", { metaKey: true })).toBeNull();
    expect(press("t", { altKey: true })).toBeNull();
  });

  it("ignores keys typed into fields, but not on checkboxes or the replay slider", () => {
    const field = (html: string) => {
      document.body.innerHTML = html;
      return document.body.firstElementChild;
    };
    expect(press("j", {}, field("<textarea></textarea>"))).toBeNull();
    expect(press("j", {}, field("<input type='text' />"))).toBeNull();
    expect(press("j", {}, field("<select></select>"))).toBeNull();
    expect(press("j", {}, field("<div contenteditable='true'></div>"))).toBeNull();
    expect(press("j", {}, field("<input type='checkbox' />"))).toBe("next");
    expect(press("j", {}, field("<input type='range' />"))).toBe("next");
    expect(press("j", {}, field("<button>Take over</button>"))).toBe("next");
  });
});

function Harness({ onAction, enabled = true }: { onAction: (a: TCockpitAction) => void; enabled?: boolean }) {
  useCockpitKeys(onAction, enabled);
  return (
    <>
      <label>
        Message
        <textarea />
      </label>
      <div role="dialog" aria-label="Help">
        <button type="button">Close</button>
      </div>
    </>
  );
}

describe("useCockpitKeys", () => {
  it("calls back for shortcuts on the page, not inside fields or dialogs, and not while disabled", () => {
    const onAction = vi.fn();
    const { rerender } = render(<Harness onAction={onAction} />);
    fireEvent.keyDown(document.body, { key: "j" });
    fireEvent.keyDown(document.body, { key: "?" });
    fireEvent.keyDown(screen.getByLabelText("Message"), { key: "j" });
    fireEvent.keyDown(screen.getByRole("button", { name: "Close" }), { key: "k" });
    expect(onAction.mock.calls).toEqual([["next"], ["help"]]);
    rerender(<Harness onAction={onAction} enabled={false} />);
    fireEvent.keyDown(document.body, { key: "t" });
    expect(onAction).toHaveBeenCalledTimes(2);
  });
});

describe("cockpit URL state", () => {
  it("keeps what is valid and builds the board filter from it", () => {
    const search = parseCockpitSearch({
      status: "escalated",
      sentiment: "angry",
      sort: "waiting",
      mine: "true",
      closed: true,
      stage: "objection_handling",
      campaignId: "not-a-uuid",
      conversationId: "00000000-0000-4000-8000-000000000001",
    });
    expect(search).toEqual({
      status: "escalated",
      sort: "waiting",
      mine: true,
      closed: true,
      stage: "objection_handling",
      conversationId: "00000000-0000-4000-8000-000000000001",
    });
    expect(toBoardFilter(search)).toEqual({
      status: "escalated",
      sort: "waiting",
      mine: true,
      includeClosed: true,
      stage: "objection_handling",
    });
    expect(toBoardFilter({})).toEqual({ sort: "recent" });
  });
});

describe("describeControlEvent", () => {
  const base = {
    conversationId: "00000000-0000-4000-8000-000000000001",
    leadId: "00000000-0000-4000-8000-000000000002",
    by: { userId: "00000000-0000-4000-8000-000000000003", name: "Dana" },
  };
  it("says what a teammate did", () => {
    expect(describeControlEvent({ ...base, action: "took_over" }, "me")).toBe("Dana took over");
    expect(describeControlEvent({ ...base, action: "handed_back" }, "me")).toBe("Dana handed back to the AI");
    expect(describeControlEvent({ ...base, action: "closed" }, "me")).toBe("Dana closed the conversation");
    expect(
      describeControlEvent(
        { ...base, action: "assigned", assignee: { userId: base.by.userId, name: "Sam" } },
        "me",
      ),
    ).toBe("Dana assigned the conversation to Sam");
    expect(describeControlEvent({ ...base, action: "assigned", assignee: null }, "me")).toBe(
      "Dana unassigned the conversation",
    );
  });
});
