import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const usageRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/usage",
  component: lazyRouteComponent(() => import("../features/usage/usage-page"), "UsagePage"),
});
