import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const tasksRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/tasks",
  component: TasksPage,
});

function TasksPage() {
  return <PageHeader title="Tasks" description="Coming together." />;
}
