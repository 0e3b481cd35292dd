import { createRoute } from "@tanstack/react-router";
import { useSession } from "../features/auth/use-auth";
import { WelcomeCard } from "../features/home/welcome-card";
import { appLayoutRoute } from "./app-layout";

export const homeRoute = createRoute({
  getParentRoute: () => appLayoutRoute,
  path: "/",
  component: HomePage,
});

function HomePage() {
  const { user, org } = useSession();
  return (
    <div className="max-w-3xl">
      <WelcomeCard user={user} org={org} />
    </div>
  );
}
