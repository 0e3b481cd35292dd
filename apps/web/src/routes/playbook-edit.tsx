import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const playbookEditRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  /** `/playbooks/new` creates a playbook; any other id opens that playbook. */
  path: "/playbooks/$playbookId",
  component: lazyRouteComponent(() => import("../features/playbooks/playbook-pages"), "PlaybookEditPage"),
});
