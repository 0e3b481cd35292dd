import { createRoute, Navigate, Outlet, redirect, useNavigate, useRouterState } from "@tanstack/react-router";
import { useCallback } from "react";
import { useSignOut } from "../features/auth/use-auth";
import { EscalationAlerts } from "../features/escalations/escalation-alerts";
import { unreadCount, useOpenEscalations } from "../features/escalations/use-escalations";
import type { TAppShellProps } from "../features/shell/app-shell";
import { AppShell } from "../features/shell/app-shell";
import { useSessionStore } from "../lib/session-store";
import { rootRoute } from "./root";

/** Everything behind sign-in. Entering without a session goes to /login and comes back afterwards. */
export const appLayoutRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: ({ location }) => {
    if (!useSessionStore.getState().session) {
      throw redirect({ to: "/login", search: { redirect: location.href } });
    }
  },
  component: AppLayout,
});

function AppLayout() {
  const session = useSessionStore((s) => s.session);
  const signOut = useSignOut();
  // The session can end while a page is open (signed out, or the refresh cookie expired).
  if (!session) return <Navigate to="/login" replace />;
  return (
    <SignedInShell onSignOut={() => signOut.mutate()} signingOut={signOut.isPending} session={session} />
  );
}

/** The shell with what every signed-in page shares: escalation alerts and the Escalations badge. */
function SignedInShell(props: Omit<TAppShellProps, "children">) {
  const navigate = useNavigate();
  const escalations = useOpenEscalations();
  // The Cockpit uses the whole width: a board beside a conversation.
  const wide = useRouterState({ select: (s) => s.location.pathname.startsWith("/cockpit") });
  const openInCockpit = useCallback(
    (conversationId: string) => void navigate({ to: "/cockpit", search: { conversationId } }),
    [navigate],
  );
  return (
    <AppShell {...props} wide={wide} navBadges={{ "/escalations": unreadCount(escalations.data) }}>
      <EscalationAlerts onOpen={openInCockpit} />
      <Outlet />
    </AppShell>
  );
}
