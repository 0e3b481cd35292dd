import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const campaignsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns",
  component: lazyRouteComponent(() => import("../features/campaigns/campaign-pages"), "CampaignsPage"),
});
