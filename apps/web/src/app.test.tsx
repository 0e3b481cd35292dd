import type { TSession, TTeamMember } from "@plaibook/shared";
import { createMemoryHistory } from "@tanstack/react-router";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildMember, buildSession } from "./test/fixtures";

type THandler = (input: unknown, headers: Headers) => { data: unknown } | { error: string; code: string };

const HTTP_STATUS: Record<string, number> = { UNAUTHORIZED: 401, FORBIDDEN: 403, CONFLICT: 409 };

/** A tiny stand-in for the tRPC server: batched and single calls, JSON in, JSON out. */
function fakeServer(handlers: Record<string, THandler>) {
  const calls: Array<{ path: string; authorization: string | null }> = [];
  const fetchMock = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const u = new URL(String(url), "http://localhost");
    const paths = decodeURIComponent(u.pathname.replace(/^\/trpc\//, "")).split(",");
    const batch = u.searchParams.has("batch");
    const body = init?.body ? JSON.parse(String(init.body)) : JSON.parse(u.searchParams.get("input") ?? "{}");
    const headers = new Headers(init?.headers);
    const results = paths.map((path, i) => {
      calls.push({ path, authorization: headers.get("authorization") });
      const handler = handlers[path];
      const input = batch ? body[i] : body;
      const out = handler ? handler(input, headers) : { error: `No handler for ${path}`, code: "NOT_FOUND" };
      if ("error" in out) {
        const httpStatus = HTTP_STATUS[out.code] ?? 400;
        return {
          status: httpStatus,
          json: { error: { message: out.error, code: -32001, data: { code: out.code, httpStatus, path } } },
        };
      }
      return { status: 200, json: { result: { data: out.data } } };
    });
    const status = results.length === 1 ? (results[0]?.status ?? 200) : 207;
    const json = batch ? results.map((r) => r.json) : results[0]?.json;
    return new Response(JSON.stringify(json), { status, headers: { "content-type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetchMock);
  return { calls };
}

async function renderApp(path: string) {
  vi.resetModules(); // fresh session store and clients for each test
  const [{ App }, { createAppRouter }, { createQueryClient }, { restoreSession }] = await Promise.all([
    import("./app"),
    import("./routes/router"),
    import("./lib/query-client"),
    import("./lib/session"),
  ]);
  const queryClient = createQueryClient();
  const router = createAppRouter(queryClient, createMemoryHistory({ initialEntries: [path] }));
  void restoreSession();
  render(<App queryClient={queryClient} router={router} />);
  return router;
}

const session: TSession = buildSession({
  accessToken: "token-1",
  user: {
    id: "11111111-1111-4111-8111-111111111111",
    email: "ada@acme.test",
    name: "Ada Admin",
    role: "admin",
  },
});
const me: TTeamMember = buildMember({
  id: session.user.id,
  name: "Ada Admin",
  email: "ada@acme.test",
  role: "admin",
});
const team = [me, buildMember({ name: "Rita Rep", email: "rita@acme.test" })];

describe("app", () => {
  beforeEach(() => {
    vi.useRealTimers();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("sends a visitor without a session to sign-in, then back to the page they asked for", async () => {
    const server = fakeServer({
      "auth.refresh": () => ({ error: "You are not signed in.", code: "UNAUTHORIZED" }),
      "auth.login": (input) =>
        (input as { password: string }).password === "right-password"
          ? { data: session }
          : { error: "Invalid email or password.", code: "UNAUTHORIZED" },
      "users.list": () => ({ data: team }),
    });
    const user = userEvent.setup();
    const router = await renderApp("/settings/team");

    await screen.findByRole("button", { name: "Sign in" });
    expect(router.state.location.pathname).toBe("/login");
    expect(router.state.location.search).toEqual({ redirect: "/settings/team" });

    await user.type(screen.getByLabelText("Email"), "ada@acme.test");
    await user.type(screen.getByLabelText("Password"), "wrong-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Invalid email or password.");
    // A wrong password must not trigger a session refresh.
    expect(server.calls.filter((c) => c.path === "auth.refresh")).toHaveLength(1);

    await user.clear(screen.getByLabelText("Password"));
    await user.type(screen.getByLabelText("Password"), "right-password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));

    await screen.findByText("rita@acme.test");
    expect(router.state.location.pathname).toBe("/settings/team");
    expect(screen.getByRole("button", { name: "Invite user" })).toBeTruthy();
    expect(server.calls.find((c) => c.path === "users.list")?.authorization).toBe("Bearer token-1");
  });

  it("restores the session from the cookie and retries a call once after refreshing an expired token", async () => {
    let refreshes = 0;
    let listCalls = 0;
    const server = fakeServer({
      "auth.refresh": () => {
        refreshes += 1;
        return { data: { ...session, accessToken: `token-${refreshes}` } };
      },
      "users.list": (_input, headers) => {
        listCalls += 1;
        return headers.get("authorization") === "Bearer token-1"
          ? { error: "Your session has expired.", code: "UNAUTHORIZED" }
          : { data: team };
      },
    });
    await renderApp("/settings/team");

    const table = await screen.findByRole("table");
    expect(within(table).getByText("rita@acme.test")).toBeTruthy();
    expect(refreshes).toBe(2);
    expect(listCalls).toBe(2);
    expect(server.calls.at(-1)).toEqual({ path: "users.list", authorization: "Bearer token-2" });
    // The sidebar shows who is signed in.
    expect(screen.getAllByText("Ada Admin").length).toBeGreaterThan(0);
  });

  it("signs out: clears the session and lands on the sign-in page", async () => {
    fakeServer({
      "auth.refresh": () => ({ data: session }),
      "auth.logout": () => ({ data: { ok: true } }),
    });
    const user = userEvent.setup();
    const router = await renderApp("/");

    await screen.findByRole("heading", { name: "Welcome, Ada Admin" });
    const signOutButtons = screen.getAllByRole("button", { name: "Sign out" });
    await user.click(signOutButtons[0] as HTMLElement);

    await screen.findByRole("button", { name: "Sign in" });
    await waitFor(() => expect(router.state.location.pathname).toBe("/login"));
  });

  it("shows a 404 page for unknown paths", async () => {
    fakeServer({ "auth.refresh": () => ({ data: session }) });
    await renderApp("/nowhere");
    expect(await screen.findByRole("heading", { name: "Page not found" })).toBeTruthy();
  });
});
