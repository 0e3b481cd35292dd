import type { TCampaignStatus, TRole } from "@plaibook/shared";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CampaignActions, campaignActionsFor } from "./campaign-actions";

const buttons = (role: TRole, status: TCampaignStatus) => {
  const { unmount } = render(<CampaignActions actorRole={role} status={status} onAction={vi.fn()} />);
  const names = screen.queryAllByRole("button").map((b) => b.textContent);
  unmount();
  return names;
};

describe("CampaignActions", () => {
  it("offers what each status allows to managers and up", () => {
    expect(buttons("manager", "draft")).toEqual(["Launch", "Edit"]);
    expect(buttons("manager", "active")).toEqual(["Pause", "Complete"]);
    expect(buttons("admin", "paused")).toEqual(["Resume", "Edit", "Complete"]);
    expect(buttons("owner", "completed")).toEqual([]);
  });

  it("offers nothing to viewers and reps", () => {
    for (const status of ["draft", "active", "paused", "completed"] as const) {
      expect(campaignActionsFor("viewer", status)).toEqual([]);
      expect(campaignActionsFor("rep", status)).toEqual([]);
    }
    expect(buttons("viewer", "draft")).toEqual([]);
  });

  it("reports the chosen action and holds the others while one runs", async () => {
    const user = userEvent.setup();
    const onAction = vi.fn();
    const { rerender } = render(<CampaignActions actorRole="manager" status="active" onAction={onAction} />);
    await user.click(screen.getByRole("button", { name: "Pause" }));
    expect(onAction).toHaveBeenCalledWith("pause");

    rerender(<CampaignActions actorRole="manager" status="active" onAction={onAction} pending="pause" />);
    expect(screen.getByRole("button", { name: /Pause/ }).getAttribute("aria-busy")).toBe("true");
    expect((screen.getByRole("button", { name: "Complete" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
