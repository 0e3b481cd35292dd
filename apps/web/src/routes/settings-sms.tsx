import { createRoute } from "@tanstack/react-router";
import { SmsIdentityPanel } from "../features/org-settings/sms-identity-panel";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const settingsSmsRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/settings/sms",
  component: SmsSettingsPage,
});

function SmsSettingsPage() {
  return (
    <>
      <PageHeader
        title="SMS identity"
        description="Your business name on texts and your compliance replies."
      />
      <div className="max-w-3xl">
        <SmsIdentityPanel />
      </div>
    </>
  );
}
