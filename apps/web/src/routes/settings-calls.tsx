import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const settingsCallsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/calls",
  component: lazyRouteComponent(() => import("../features/calls/call-settings-page"), "CallSettingsPage"),
});
