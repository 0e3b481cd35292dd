import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const playbooksRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/playbooks",
  component: PlaybooksPage,
});

function PlaybooksPage() {
  return <PageHeader title="Playbooks" description="Coming together." />;
}
