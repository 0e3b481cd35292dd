import type { TTask } from "@plaibook/shared";
import { clsx } from "clsx";
import { CalendarClock, UserRound } from "lucide-react";
import type { ReactNode } from "react";
import { Skeleton } from "../../components/skeleton";
import { formatDateTime, formatRelative } from "../../lib/format";
import type { TTaskGroupKey } from "./task-groups";
import { groupTasks, taskGroupOf } from "./task-groups";

export type TTaskItemProps = {
  task: TTask;
  now: Date;
  canEdit: boolean;
  onToggleDone: (task: TTask, done: boolean) => void;
  /** Renders the lead's name as a link (router Link in the app). */
  renderLeadLink?: (leadId: string, name: string) => ReactNode;
  /** Hide the lead (e.g. on the lead's own page). */
  showLead?: boolean;
  busy?: boolean;
};

const GROUP_TONES: Record<TTaskGroupKey, string> = {
  overdue: "text-rose-700",
  today: "text-amber-700",
  upcoming: "text-slate-700",
  none: "text-slate-700",
  done: "text-slate-500",
};

export function TaskItem({
  task,
  now,
  canEdit,
  onToggleDone,
  renderLeadLink,
  showLead = true,
  busy = false,
}: TTaskItemProps) {
  const group = taskGroupOf(task, now);
  const checkboxId = `task-${task.id}`;
  return (
    <li className="flex items-start gap-3 px-5 py-3" data-task-id={task.id}>
      <input
        id={checkboxId}
        type="checkbox"
        checked={task.done}
        disabled={!canEdit || busy}
        onChange={(e) => onToggleDone(task, e.target.checked)}
        aria-label={`${task.done ? "Reopen" : "Mark done"}: ${task.note}`}
        className="mt-0.5 size-4 shrink-0 rounded border-slate-300 text-indigo-600 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed"
      />
      <div className="min-w-0 flex-1">
        <p
          className={clsx(
            "text-sm break-words whitespace-pre-wrap",
            task.done ? "text-slate-400 line-through" : "text-slate-900",
          )}
        >
          {task.note}
        </p>
        <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
          {showLead && task.leadId && task.leadName ? (
            <span>Lead: {renderLeadLink ? renderLeadLink(task.leadId, task.leadName) : task.leadName}</span>
          ) : null}
          <span className="inline-flex items-center gap-1">
            <UserRound aria-hidden="true" className="size-3.5" />
            {task.assigneeName ?? "Unassigned"}
          </span>
          {task.dueAt ? (
            <span
              className={clsx(
                "inline-flex items-center gap-1",
                group === "overdue" && "font-medium text-rose-600",
                group === "today" && "font-medium text-amber-700",
              )}
            >
              <CalendarClock aria-hidden="true" className="size-3.5" />
              <time dateTime={task.dueAt} title={formatDateTime(task.dueAt)}>
                {group === "overdue" ? "Was due " : "Due "}
                {formatRelative(task.dueAt, now.getTime())}
              </time>
            </span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

export type TTaskGroupsProps = Omit<TTaskItemProps, "task" | "busy"> & {
  tasks: ReadonlyArray<TTask>;
  busyTaskId?: string | null;
};

/** Tasks under Overdue / Today / Upcoming / No date (and Done when shown), each a labelled list. */
export function TaskGroups({ tasks, now, busyTaskId, ...item }: TTaskGroupsProps) {
  return (
    <div className="divide-y divide-slate-200">
      {groupTasks(tasks, now).map((group) => (
        <section key={group.key} aria-labelledby={`task-group-${group.key}`}>
          <h3
            id={`task-group-${group.key}`}
            className={clsx(
              "bg-slate-50 px-5 py-2 text-xs font-semibold tracking-wide uppercase",
              GROUP_TONES[group.key],
            )}
          >
            {group.label} <span className="font-normal text-slate-400">({group.tasks.length})</span>
          </h3>
          <ul className="divide-y divide-slate-100">
            {group.tasks.map((task) => (
              <TaskItem key={task.id} task={task} now={now} busy={busyTaskId === task.id} {...item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

export function TaskListSkeleton({ rows = 4 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="divide-y divide-slate-100">
      <span className="sr-only" role="status">
        Loading tasks
      </span>
      {Array.from({ length: rows }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static placeholder rows
        <div key={i} className="flex items-start gap-3 px-5 py-4">
          <Skeleton className="size-4" />
          <div className="flex-1 space-y-2">
            <Skeleton className="h-4 w-2/3" />
            <Skeleton className="h-3 w-1/3" />
          </div>
        </div>
      ))}
    </div>
  );
}
