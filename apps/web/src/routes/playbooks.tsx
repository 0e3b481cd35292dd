import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const playbooksRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/playbooks",
  component: lazyRouteComponent(() => import("../features/playbooks/playbook-pages"), "PlaybooksPage"),
});
