import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildTask } from "../leads/test-helpers";
import { groupTasks } from "./task-groups";
import { TaskGroups } from "./task-list";

const now = new Date(2025, 2, 10, 12, 0); // 10 March, noon, local time
const at = (day: number, hour: number) => new Date(2025, 2, day, hour, 0).toISOString();

const overdue = buildTask({ note: "Yesterday's call", dueAt: at(9, 15) });
const earlierToday = buildTask({ note: "This morning", dueAt: at(10, 9) });
const laterToday = buildTask({ note: "This afternoon", dueAt: at(10, 16) });
const tomorrow = buildTask({ note: "Tomorrow", dueAt: at(11, 9) });
const undated = buildTask({ note: "Someday" });
const done = buildTask({ note: "Finished", dueAt: at(1, 9), done: true });

describe("groupTasks", () => {
  it("puts past-due tasks (even earlier today) under Overdue and the rest by day", () => {
    const groups = groupTasks([undated, tomorrow, laterToday, earlierToday, overdue, done], now);
    expect(groups.map((g) => [g.label, g.tasks.map((t) => t.note)])).toEqual([
      ["Overdue", ["Yesterday's call", "This morning"]],
      ["Today", ["This afternoon"]],
      ["Upcoming", ["Tomorrow"]],
      ["No date", ["Someday"]],
      ["Done", ["Finished"]],
    ]);
  });
});

describe("TaskGroups", () => {
  it("lists an overdue task under Overdue and marks it done from its checkbox", async () => {
    const user = userEvent.setup();
    const onToggleDone = vi.fn();
    render(<TaskGroups tasks={[tomorrow, overdue]} now={now} canEdit onToggleDone={onToggleDone} />);

    const overdueSection = screen.getByRole("region", { name: /Overdue/ });
    expect(within(overdueSection).getByText("Yesterday's call")).toBeTruthy();
    expect(within(overdueSection).queryByText("Tomorrow")).toBeNull();
    expect(within(screen.getByRole("region", { name: /Upcoming/ })).getByText("Tomorrow")).toBeTruthy();

    await user.click(screen.getByRole("checkbox", { name: "Mark done: Yesterday's call" }));
    expect(onToggleDone).toHaveBeenCalledWith(overdue, true);
  });

  it("disables the checkboxes for roles that cannot edit tasks", () => {
    render(<TaskGroups tasks={[overdue]} now={now} canEdit={false} onToggleDone={vi.fn()} />);
    expect((screen.getByRole("checkbox") as HTMLInputElement).disabled).toBe(true);
  });
});
