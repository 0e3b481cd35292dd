import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const playbookEditRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/playbooks/$playbookId",
  component: PlaybookEditPage,
});

function PlaybookEditPage() {
  return <PageHeader title="Playbook" description="Coming together." />;
}
