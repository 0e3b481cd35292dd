import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appLayoutRoute } from "./app-layout";

export const campaignNewRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns/new",
  component: lazyRouteComponent(() => import("../features/campaigns/campaign-pages"), "CampaignNewPage"),
});
