import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const settingsIntegrationsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/integrations",
  component: lazyRouteComponent(
    () => import("../features/integrations/integrations-page"),
    "IntegrationsPage",
  ),
});
