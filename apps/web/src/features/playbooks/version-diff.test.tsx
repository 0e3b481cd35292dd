import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { VersionDiff } from "./playbook-history";
import { buildContent } from "./test-fixtures";
import { diffPlaybookContent } from "./version-diff";

describe("playbook version diff", () => {
  const before = buildContent();
  const after = buildContent({
    templates: { firstTouch: "Hey {{firstName}}, Sam here.", followUps: ["Still there, {{firstName}}?"] },
    forbiddenPhrases: ["guaranteed"],
  });

  it("diffs section by section and reports only what changed", () => {
    const sections = diffPlaybookContent(before, after);
    expect(sections.filter((s) => s.changed).map((s) => s.section)).toEqual([
      "Forbidden phrases",
      "Messages",
    ]);
    const messages = sections.find((s) => s.section === "Messages");
    expect(messages?.lines).toEqual([
      { kind: "removed", text: "First message: Hi {{firstName}}, this is {{agentName}}." },
      { kind: "added", text: "First message: Hey {{firstName}}, Sam here." },
      { kind: "same", text: "Follow-up 1: Still there, {{firstName}}?" },
    ]);
  });

  it("renders removals and additions as del/ins, and lists unchanged sections", () => {
    render(<VersionDiff before={before} after={after} beforeLabel="version 1" afterLabel="version 2" />);
    const messages = screen.getByRole("region", { name: "Changes in Messages" });
    expect(within(messages).getByRole("deletion").textContent).toBe(
      "Removed: First message: Hi {{firstName}}, this is {{agentName}}.",
    );
    expect(within(messages).getByRole("insertion").textContent).toBe(
      "Added: First message: Hey {{firstName}}, Sam here.",
    );
    expect(screen.queryByRole("region", { name: "Changes in Stages" })).toBeNull();
    expect(screen.getByText(/^Unchanged: Persona and goal, Stages/)).toBeTruthy();
  });

  it("says so when two versions are the same", () => {
    render(
      <VersionDiff before={before} after={buildContent()} beforeLabel="version 1" afterLabel="version 2" />,
    );
    expect(screen.getByText("These versions have the same content.")).toBeTruthy();
  });
});
