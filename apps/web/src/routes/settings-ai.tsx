import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const settingsAiRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/ai",
  component: lazyRouteComponent(() => import("../features/org-settings/ai-settings-page"), "AiSettingsPage"),
});
