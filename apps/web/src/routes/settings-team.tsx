import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { TeamPanel } from "../features/team/team-panel";
import { appLayoutRoute } from "./app-layout";

export const settingsTeamRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/team",
  component: TeamSettingsPage,
});

function TeamSettingsPage() {
  return (
    <>
      <PageHeader
        title="Team"
        description="Who can use Plaibook in your organisation, and what they can do."
      />
      <TeamPanel />
    </>
  );
}
