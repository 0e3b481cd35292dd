import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const playbookConsoleRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/playbooks/$playbookId/console",
  component: lazyRouteComponent(
    () => import("../features/agent-console/console-page"),
    "PlaybookConsolePage",
  ),
});
