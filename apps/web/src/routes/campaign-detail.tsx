import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const campaignDetailRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns/$campaignId",
  component: lazyRouteComponent(() => import("../features/campaigns/campaign-pages"), "CampaignDetailPage"),
});
