import type { QueryClient } from "@tanstack/react-query";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { useEffect } from "react";
import { FullPageSpinner } from "./components/spinner";
import { trpcClient } from "./lib/session";
import { useSessionStore } from "./lib/session-store";
import { TRPCProvider } from "./lib/trpc";
import type { createAppRouter } from "./routes/router";

type TAppProps = { queryClient: QueryClient; router: ReturnType<typeof createAppRouter> };

/** Providers plus the router, held back until the start-up session check has answered. */
export function App({ queryClient, router }: TAppProps) {
  const status = useSessionStore((s) => s.status);

  // Cached data belongs to the user who fetched it: drop it when the session ends or changes hands.
  useEffect(
    () =>
      useSessionStore.subscribe((next, prev) => {
        if (prev.session && next.session?.user.id !== prev.session.user.id) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {status === "restoring" ? <FullPageSpinner /> : <RouterProvider router={router} />}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
