import { createRoute } from "@tanstack/react-router";
import { PageHeader } from "../features/shell/app-shell";
import { appLayoutRoute } from "./app-layout";

export const sandboxRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/sandbox",
  component: SandboxPage,
});

function SandboxPage() {
  return <PageHeader title="Phone simulator" description="Coming together." />;
}
