import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { PlaybookForm } from "./playbook-form";
import { buildDraft, buildVersion } from "./test-fixtures";

const stageNames = () =>
  screen.getAllByRole("listitem", { name: /^Stage \d+:/ }).map((li) => li.getAttribute("aria-label"));

describe("PlaybookForm", () => {
  it("refuses to save a template with an unknown merge field and says why, next to the field", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<PlaybookForm initial={buildDraft()} onSave={onSave} />);

    const first = screen.getByLabelText("First message");
    await user.clear(first);
    await user.click(first);
    await user.paste("Hi {{nickname}}, got a minute?");
    // Flagged while typing, before any save attempt.
    const message = "Unknown merge field {{nickname}}: use only the fields below.";
    expect(screen.getByText(message)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Save new version" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(first.getAttribute("aria-invalid")).toBe("true");
    const describedBy = first.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ")[0] ?? "")?.textContent).toBe(message);
    expect(screen.getByText("1 field needs attention before saving.")).toBeTruthy();
    expect(document.activeElement).toBe(first);

    // Fixing it clears the error and the save goes through.
    await user.clear(first);
    await user.paste("Hi {{firstName}}!");
    expect(first.getAttribute("aria-invalid")).toBeNull();
  });

  it("reorders stages with the move buttons and saves them in the new order", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn(async (_input: unknown) => buildVersion(4));
    render(<PlaybookForm initial={buildDraft()} onSave={onSave} />);
    expect(stageNames()).toEqual(["Stage 1: Intro", "Stage 2: Qualify", "Stage 3: Book"]);

    await user.click(screen.getByRole("button", { name: "Move stage 3 up" }));
    expect(stageNames()).toEqual(["Stage 1: Intro", "Stage 2: Book", "Stage 3: Qualify"]);
    // The first stage cannot move further up: the button stays focusable but does nothing.
    const up = screen.getByRole("button", { name: "Move stage 1 up" });
    expect(up.getAttribute("aria-disabled")).toBe("true");
    await user.click(up);
    expect(stageNames()[0]).toBe("Stage 1: Intro");

    await user.click(screen.getByRole("button", { name: "Move stage 1 down" }));
    expect(stageNames()).toEqual(["Stage 1: Book", "Stage 2: Intro", "Stage 3: Qualify"]);

    await user.type(screen.getByLabelText("Version note"), "Book first");
    await user.click(screen.getByRole("button", { name: "Save new version" }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const input = onSave.mock.calls[0]?.[0] as unknown as {
      note: string;
      content: { stages: Array<Record<string, unknown>> };
    };
    expect(input.note).toBe("Book first");
    expect(input.content.stages.map((s) => s.key)).toEqual(["book", "intro", "qualify"]);
    // Editor-only ids never reach the server.
    expect(input.content.stages[0]).not.toHaveProperty("uid");
    expect(await screen.findByText("Saved as version 4")).toBeTruthy();
  });

  it("marks a duplicated stage key and a missing stage name on the right stage", async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<PlaybookForm initial={buildDraft()} onSave={onSave} />);

    await user.click(screen.getByRole("button", { name: "Add stage" }));
    const stage4 = screen.getByRole("listitem", { name: "Stage 4: Untitled stage" });
    await user.type(within(stage4).getByLabelText("Key"), "intro");
    await user.click(screen.getByRole("button", { name: "Save new version" }));

    expect(onSave).not.toHaveBeenCalled();
    expect(within(stage4).getByText('Stage key "intro" is used twice')).toBeTruthy();
    expect(within(stage4).getAllByText("Required").length).toBeGreaterThanOrEqual(1);
    expect(
      within(screen.getByRole("listitem", { name: "Stage 1: Intro" })).queryByText(/used twice/),
    ).toBeNull();
  });

  it("shows the server's message when saving fails and keeps the edits", async () => {
    const user = userEvent.setup();
    const error = Object.assign(new Error("content.stages.0.key: Stage key is reserved"), {
      data: { code: "BAD_REQUEST" },
    });
    const onSave = vi.fn(async () => {
      throw error;
    });
    render(<PlaybookForm initial={buildDraft()} onSave={onSave} />);
    const name = screen.getByLabelText("Playbook name");
    await user.type(name, " v2");
    await user.click(screen.getByRole("button", { name: "Save new version" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "content.stages.0.key: Stage key is reserved",
    );
    expect((name as HTMLInputElement).value).toBe("Roofing v2");
  });

  it("shows a viewer everything read-only, with nothing to add, move, remove or save", () => {
    render(<PlaybookForm initial={buildDraft()} onSave={vi.fn()} readOnly />);
    expect((screen.getByLabelText("Playbook name") as HTMLInputElement).readOnly).toBe(true);
    expect((screen.getByLabelText("First message") as HTMLTextAreaElement).readOnly).toBe(true);
    expect(stageNames()).toHaveLength(3);
    expect(screen.queryByRole("button", { name: /Save|Add|Move|Remove|Insert/ })).toBeNull();
    expect(screen.queryByLabelText("Version note")).toBeNull();
  });
});
