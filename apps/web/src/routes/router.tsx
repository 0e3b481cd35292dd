import type { QueryClient } from "@tanstack/react-query";
import type { RouterHistory } from "@tanstack/react-router";
import { createRouter } from "@tanstack/react-router";
import { FullPageSpinner } from "../components/spinner";
import { acceptInviteRoute } from "./accept-invite";
import { appLayoutRoute } from "./app-layout";
import { callDetailRoute } from "./call-detail";
import { callsRoute } from "./calls";
import { campaignDetailRoute } from "./campaign-detail";
import { campaignEditRoute } from "./campaign-edit";
import { campaignNewRoute } from "./campaign-new";
import { campaignsRoute } from "./campaigns";
import { cockpitRoute } from "./cockpit";
import { escalationsRoute } from "./escalations";
import { homeRoute } from "./home";
import { leadDetailRoute } from "./lead-detail";
import { leadsRoute } from "./leads";
import { loginRoute } from "./login";
import { NotFoundPage, RouteErrorPage } from "./not-found";
import { playbookConsoleRoute } from "./playbook-console";
import { playbookEditRoute } from "./playbook-edit";
import { playbooksRoute } from "./playbooks";
import { rootRoute } from "./root";
import { sandboxRoute } from "./sandbox";
import { settingsAiRoute } from "./settings-ai";
import { settingsCallsRoute } from "./settings-calls";
import { settingsIntegrationsRoute } from "./settings-integrations";
import { settingsOptOutsRoute } from "./settings-opt-outs";
import { settingsSmsRoute } from "./settings-sms";
import { settingsTeamRoute } from "./settings-team";
import { signupRoute } from "./signup";
import { tasksRoute } from "./tasks";
import { usageRoute } from "./usage";

export const routeTree = rootRoute.addChildren([
  loginRoute,
  signupRoute,
  acceptInviteRoute,
  appLayoutRoute.addChildren([
    homeRoute,
    cockpitRoute,
    escalationsRoute,
    settingsTeamRoute,
    playbooksRoute,
    playbookEditRoute,
    playbookConsoleRoute,
    campaignsRoute,
    campaignNewRoute,
    campaignDetailRoute,
    campaignEditRoute,
    leadsRoute,
    leadDetailRoute,
    callsRoute,
    callDetailRoute,
    sandboxRoute,
    tasksRoute,
    settingsOptOutsRoute,
    settingsSmsRoute,
    settingsAiRoute,
    settingsCallsRoute,
    settingsIntegrationsRoute,
    usageRoute,
  ]),
]);

export function createAppRouter(queryClient: QueryClient, history?: RouterHistory) {
  return createRouter({
    routeTree,
    ...(history ? { history } : {}),
    context: { queryClient },
    defaultPreload: "intent",
    defaultNotFoundComponent: NotFoundPage,
    defaultErrorComponent: ({ reset }) => <RouteErrorPage reset={reset} />,
    defaultPendingComponent: () => <FullPageSpinner />,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
