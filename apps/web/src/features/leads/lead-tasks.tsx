import type { TLead } from "@plaibook/shared";
import { Plus } from "lucide-react";
import { useState } from "react";
import { Button } from "../../components/button";
import { Card, CardHeader } from "../../components/card";
import { ErrorState } from "../../components/error-state";
import { toast } from "../../components/toast";
import { getErrorMessage } from "../../lib/errors";
import { useSession } from "../auth/use-auth";
import { TaskDialog } from "../tasks/task-dialog";
import { TaskGroups, TaskListSkeleton } from "../tasks/task-list";
import { useNow } from "../tasks/use-now";
import { useCreateTask, useSetTaskDone, useTasks } from "../tasks/use-tasks";
import { useTeamMembers } from "../team/use-team";
import { leadName } from "./lead-format";

/** The Tasks card: the lead's tasks (done ones included), and adding one for roles that may. */
export function LeadTasks({
  lead,
  canEdit,
  conversationId,
}: {
  lead: TLead;
  canEdit: boolean;
  /** New tasks follow up this conversation (the Cockpit), and teammates watching it hear of them. */
  conversationId?: string;
}) {
  const { user } = useSession();
  const tasks = useTasks({ leadId: lead.id, includeDone: true });
  const members = useTeamMembers();
  const createTask = useCreateTask();
  const setDone = useSetTaskDone();
  const now = useNow();
  const [open, setOpen] = useState(false);

  return (
    <Card>
      <CardHeader
        title="Tasks"
        actions={
          canEdit ? (
            <Button
              variant="secondary"
              size="sm"
              onClick={() => setOpen(true)}
              icon={<Plus aria-hidden="true" className="size-4" />}
            >
              Add task
            </Button>
          ) : null
        }
      />
      {tasks.isPending ? (
        <TaskListSkeleton rows={2} />
      ) : tasks.isError ? (
        <ErrorState
          title="Couldn't load tasks"
          message={getErrorMessage(tasks.error)}
          onRetry={() => void tasks.refetch()}
          retrying={tasks.isFetching}
        />
      ) : tasks.data.length === 0 ? (
        <p className="px-5 py-6 text-sm text-slate-500">No tasks for this lead.</p>
      ) : (
        <TaskGroups
          tasks={tasks.data}
          now={now}
          canEdit={canEdit}
          showLead={false}
          busyTaskId={setDone.isPending ? (setDone.variables?.taskId ?? null) : null}
          onToggleDone={(task, done) =>
            setDone.mutate(
              { taskId: task.id, done },
              { onError: (error) => toast.error("Couldn't update the task", getErrorMessage(error)) },
            )
          }
        />
      )}
      {canEdit ? (
        <TaskDialog
          open={open}
          onClose={() => setOpen(false)}
          lead={{ id: lead.id, name: leadName(lead) }}
          assignees={members.data ?? []}
          defaultAssigneeId={user.id}
          onCreate={(input) => createTask.mutateAsync(conversationId ? { ...input, conversationId } : input)}
          onCreated={() => toast.success("Task created")}
        />
      ) : null}
    </Card>
  );
}
