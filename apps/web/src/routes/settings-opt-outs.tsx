import { createRoute } from "@tanstack/react-router";
import { OptOutsPanel } from "../features/opt-outs/opt-outs-panel";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const settingsOptOutsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/opt-outs",
  component: SettingsOptOutsPage,
});

function SettingsOptOutsPage() {
  return (
    <>
      <PageHeader
        title="Opt-outs"
        description="Numbers that asked not to be texted. Every campaign checks this list before each message."
      />
      <OptOutsPanel />
    </>
  );
}
