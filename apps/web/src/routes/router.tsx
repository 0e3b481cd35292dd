import type { QueryClient } from "@tanstack/react-query";
import type { RouterHistory } from "@tanstack/react-router";
import { createRouter } from "@tanstack/react-router";
import { FullPageSpinner } from "../components/spinner";
import { acceptInviteRoute } from "./accept-invite";
import { appLayoutRoute } from "./app-layout";
import { homeRoute } from "./home";
import { loginRoute } from "./login";
import { NotFoundPage, RouteErrorPage } from "./not-found";
import { rootRoute } from "./root";
import { settingsTeamRoute } from "./settings-team";
import { signupRoute } from "./signup";

export const routeTree = rootRoute.addChildren([
  loginRoute,
  signupRoute,
  acceptInviteRoute,
  appLayoutRoute.addChildren([homeRoute, settingsTeamRoute]),
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
