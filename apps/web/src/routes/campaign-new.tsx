import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const campaignNewRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns/new",
  component: CampaignNewPage,
});

function CampaignNewPage() {
  return <PageHeader title="New campaign" description="Coming together." />;
}
