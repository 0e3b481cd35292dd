import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const campaignsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/campaigns",
  component: CampaignsPage,
});

function CampaignsPage() {
  return <PageHeader title="Campaigns" description="Coming together." />;
}
