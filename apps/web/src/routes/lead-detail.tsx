import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const leadDetailRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/leads/$leadId",
  component: LeadDetailPage,
});

function LeadDetailPage() {
  return <PageHeader title="Lead" description="Coming together." />;
}
