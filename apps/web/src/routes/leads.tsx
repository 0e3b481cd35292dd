import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const leadsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/leads",
  component: LeadsPage,
});

function LeadsPage() {
  return <PageHeader title="Leads" description="Coming together." />;
}
