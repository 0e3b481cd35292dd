import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const settingsOptOutsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/opt-outs",
  component: SettingsOptOutsPage,
});

function SettingsOptOutsPage() {
  return <PageHeader title="Opt-outs" description="Coming together." />;
}
