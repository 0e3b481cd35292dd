import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Outlet } from "@tanstack/react-router";
import { Toaster } from "../components/toast";
import { NotFoundPage } from "./not-found";

export type TRouterContext = { queryClient: QueryClient };

export const rootRoute = createRootRouteWithContext<TRouterContext>()({
  component: RootLayout,
  notFoundComponent: NotFoundPage,
});

function RootLayout() {
  return (
    <>
      <Outlet />
      <Toaster />
    </>
  );
}
