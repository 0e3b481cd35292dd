import type { TTask } from "@plaibook/shared";

export type TTaskGroupKey = "overdue" | "today" | "upcoming" | "none" | "done";
export type TTaskGroup = { key: TTaskGroupKey; label: string; tasks: TTask[] };

const LABELS: Record<TTaskGroupKey, string> = {
  overdue: "Overdue",
  today: "Today",
  upcoming: "Upcoming",
  none: "No date",
  done: "Done",
};
const ORDER: TTaskGroupKey[] = ["overdue", "today", "upcoming", "none", "done"];

function endOfDay(now: Date): number {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}

/** Which group a task belongs in, judged in the viewer's local day. */
export function taskGroupOf(task: Pick<TTask, "done" | "dueAt">, now: Date): TTaskGroupKey {
  if (task.done) return "done";
  if (!task.dueAt) return "none";
  const due = new Date(task.dueAt).getTime();
  if (Number.isNaN(due)) return "none";
  if (due < now.getTime()) return "overdue";
  if (due <= endOfDay(now)) return "today";
  return "upcoming";
}

/** Non-empty groups in a fixed order; tasks with a due time sorted soonest first inside each. */
export function groupTasks(tasks: ReadonlyArray<TTask>, now: Date = new Date()): TTaskGroup[] {
  const buckets = new Map<TTaskGroupKey, TTask[]>();
  for (const task of tasks) {
    const key = taskGroupOf(task, now);
    const list = buckets.get(key) ?? [];
    list.push(task);
    buckets.set(key, list);
  }
  const byDue = (a: TTask, b: TTask) =>
    (a.dueAt ?? "").localeCompare(b.dueAt ?? "") || b.createdAt.localeCompare(a.createdAt);
  return ORDER.filter((key) => buckets.has(key)).map((key) => ({
    key,
    label: LABELS[key],
    tasks: [...(buckets.get(key) ?? [])].sort(
      key === "none" || key === "done" ? (a, b) => b.createdAt.localeCompare(a.createdAt) : byDue,
    ),
  }));
}
