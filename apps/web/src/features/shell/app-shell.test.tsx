import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from "@tanstack/react-router";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { buildSession } from "../../test/fixtures";
import { AppShell } from "./app-shell";

describe("AppShell", () => {
  it("names the Escalations link with its unread count", async () => {
    const rootRoute = createRootRoute({
      component: () => (
        <AppShell session={buildSession()} onSignOut={() => undefined} navBadges={{ "/escalations": 2 }} />
      ),
    });
    const router = createRouter({
      routeTree: rootRoute,
      history: createMemoryHistory({ initialEntries: ["/"] }),
    });
    render(<RouterProvider router={router} />);
    expect(await screen.findByRole("link", { name: "Escalations 2 unread" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Cockpit" })).toBeTruthy();
  });
});
