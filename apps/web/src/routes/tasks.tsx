import { createRoute, Link } from "@tanstack/react-router";
import { focusRing } from "../components/button";
import { PageHeader } from "../features/shell/app-shell";
import { TasksPanel } from "../features/tasks/tasks-panel";
import { appLayoutRoute } from "./app-layout";

export const tasksRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/tasks",
  component: TasksPage,
});

function TasksPage() {
  return (
    <>
      <PageHeader
        title="Tasks"
        description="Follow-ups for people: call-backs, hand-overs from the AI agent, reminders."
      />
      <TasksPanel
        renderLeadLink={(leadId, name) => (
          <Link
            to="/leads/$leadId"
            params={{ leadId }}
            className={`rounded font-medium text-indigo-700 hover:underline ${focusRing}`}
          >
            {name}
          </Link>
        )}
      />
    </>
  );
}
