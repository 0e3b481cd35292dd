import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const campaignEditRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns/$campaignId/edit",
  component: lazyRouteComponent(() => import("../features/campaigns/campaign-pages"), "CampaignEditPage"),
});
