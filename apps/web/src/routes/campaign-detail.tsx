import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const campaignDetailRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns/$campaignId",
  component: CampaignDetailPage,
});

function CampaignDetailPage() {
  return <PageHeader title="Campaign" description="Coming together." />;
}
