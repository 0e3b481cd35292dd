import type { TTask } from "@plaibook/shared";
import { can } from "@plaibook/shared";
import { clsx } from "clsx";
import { CheckSquare, Plus } from "lucide-react";
import type { KeyboardEvent, ReactNode } from "react";
import { useRef, useState } from "react";
import { Button, focusRing } from "../../components/button";
import { Card } from "../../components/card";
import { EmptyState } from "../../components/empty-state";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { useTeamMembers } from "../team/use-team";
import { LeadPicker } from "./lead-picker";
import { TaskDialog } from "./task-dialog";
import { TaskGroups, TaskListSkeleton } from "./task-list";
import { useNow } from "./use-now";
import { useCreateTask, useSetTaskDone, useTasks } from "./use-tasks";

type TTab = "mine" | "all";
const TABS: Array<{ key: TTab; label: string }> = [
  { key: "mine", label: "My tasks" },
  { key: "all", label: "All tasks" },
];

export function Tabs<T extends string>({
  tabs,
  value,
  onChange,
  label,
  idPrefix,
}: {
  tabs: ReadonlyArray<{ key: T; label: string }>;
  value: T;
  onChange: (key: T) => void;
  label: string;
  idPrefix: string;
}) {
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent, index: number) => {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!delta) return;
    event.preventDefault();
    const next = (index + delta + tabs.length) % tabs.length;
    const tab = tabs[next];
    if (!tab) return;
    onChange(tab.key);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="flex gap-1 rounded-lg bg-slate-100 p-1">
      {tabs.map((tab, index) => {
        const selected = tab.key === value;
        return (
          <button
            key={tab.key}
            ref={(el) => {
              refs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={`${idPrefix}-tab-${tab.key}`}
            aria-selected={selected}
            aria-controls={`${idPrefix}-panel`}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.key)}
            onKeyDown={(e) => onKeyDown(e, index)}
            className={clsx(
              "rounded-md px-3 py-1.5 text-sm font-medium transition-colors",
              selected ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
              focusRing,
            )}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}

export type TTasksPanelProps = {
  renderLeadLink?: (leadId: string, name: string) => ReactNode;
};

/** The tasks page: mine or everyone's, open or all, grouped by when they are due. */
export function TasksPanel({ renderLeadLink }: TTasksPanelProps) {
  const { user } = useSession();
  const canEdit = can(user.role, "tasks.edit");
  const [tab, setTab] = useState<TTab>("mine");
  const [includeDone, setIncludeDone] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const now = useNow();

  const tasks = useTasks({ mine: tab === "mine", includeDone });
  const members = useTeamMembers();
  const createTask = useCreateTask();
  const setDone = useSetTaskDone();

  const toggle = (task: TTask, done: boolean) =>
    setDone.mutate(
      { taskId: task.id, done },
      {
        onSuccess: () => toast.success(done ? "Task done" : "Task reopened"),
        onError: (error) => toast.error("Couldn't update the task", getErrorMessage(error)),
      },
    );

  const body = (() => {
    if (tasks.isPending) return <TaskListSkeleton />;
    if (tasks.isError) {
      return (
        <ErrorState
          title="Couldn't load tasks"
          message={getErrorMessage(tasks.error)}
          onRetry={() => void tasks.refetch()}
          retrying={tasks.isFetching}
        />
      );
    }
    if (tasks.data.length === 0) {
      return (
        <EmptyState
          icon={<CheckSquare aria-hidden="true" className="size-8" />}
          title={tab === "mine" ? "Nothing on your plate" : "No open tasks"}
          description={
            tab === "mine"
              ? "Tasks assigned to you show up here, like call-backs the AI agent hands over."
              : "Tasks for the whole team show up here."
          }
          action={
            canEdit ? (
              <Button
                variant="secondary"
                onClick={() => setDialogOpen(true)}
                icon={<Plus aria-hidden="true" className="size-4" />}
              >
                New task
              </Button>
            ) : null
          }
        />
      );
    }
    return (
      <TaskGroups
        tasks={tasks.data}
        now={now}
        canEdit={canEdit}
        onToggleDone={toggle}
        renderLeadLink={renderLeadLink}
        busyTaskId={setDone.isPending ? (setDone.variables?.taskId ?? null) : null}
      />
    );
  })();

  return (
    <>
      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Tabs tabs={TABS} value={tab} onChange={setTab} label="Whose tasks" idPrefix="tasks" />
        <div className="flex items-center justify-between gap-4 sm:justify-end">
          <label className="inline-flex cursor-pointer items-center gap-2 text-sm text-slate-700">
            <input
              type="checkbox"
              checked={includeDone}
              onChange={(e) => setIncludeDone(e.target.checked)}
              className="size-4 accent-indigo-600"
            />
            Show done
          </label>
          {canEdit ? (
            <Button onClick={() => setDialogOpen(true)} icon={<Plus aria-hidden="true" className="size-4" />}>
              New task
            </Button>
          ) : null}
        </div>
      </div>
      <Card className="overflow-hidden" role="tabpanel" id="tasks-panel" aria-labelledby={`tasks-tab-${tab}`}>
        {body}
      </Card>
      {canEdit ? (
        <TaskDialog
          open={dialogOpen}
          onClose={() => setDialogOpen(false)}
          assignees={members.data ?? []}
          defaultAssigneeId={user.id}
          renderLeadPicker={(value, onChange) => <LeadPicker value={value} onChange={onChange} />}
          onCreate={(input) => createTask.mutateAsync(input)}
          onCreated={() => toast.success("Task created")}
        />
      ) : null}
    </>
  );
}
