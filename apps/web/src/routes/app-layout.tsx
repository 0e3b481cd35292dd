import { createRoute, Navigate, Outlet, redirect } from "@tanstack/react-router";
import { useSignOut } from "../features/auth/use-auth";
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
    <AppShell session={session} onSignOut={() => signOut.mutate()} signingOut={signOut.isPending}>
      <Outlet />
    </AppShell>
  );
}
