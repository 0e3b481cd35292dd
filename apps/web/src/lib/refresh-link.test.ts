import type { TRPCLink } from "@trpc/client";
import { createTRPCClient, TRPCClientError } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { describe, expect, it, vi } from "vitest";
import type { AppRouter } from "./app-router";
import { refreshOnUnauthorizedLink } from "./refresh-link";

const unauthorized = () =>
  TRPCClientError.from<AppRouter>({
    error: { message: "Token expired", code: -32001, data: { code: "UNAUTHORIZED", httpStatus: 401 } },
  });

/** A fake server: answers each call with the next scripted outcome. */
function scriptedServer(outcomes: Array<"unauthorized" | unknown>) {
  const calls: string[] = [];
  const link: TRPCLink<AppRouter> =
    () =>
    ({ op }) =>
      observable((observer) => {
        calls.push(op.path);
        const outcome = outcomes.shift();
        if (outcome === "unauthorized") {
          observer.error(unauthorized());
        } else {
          observer.next({ result: { type: "data", data: outcome } });
          observer.complete();
        }
        return () => {};
      });
  return { link, calls };
}

describe("refreshOnUnauthorizedLink", () => {
  it("refreshes once and retries a call that failed with UNAUTHORIZED", async () => {
    const server = scriptedServer(["unauthorized", []]);
    const refresh = vi.fn(async () => true);
    const client = createTRPCClient<AppRouter>({
      links: [refreshOnUnauthorizedLink<AppRouter>({ refresh }), server.link],
    });

    await expect(client.users.list.query()).resolves.toEqual([]);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.calls).toEqual(["users.list", "users.list"]);
  });

  it("passes the error on when the refresh fails, without retrying", async () => {
    const server = scriptedServer(["unauthorized", []]);
    const refresh = vi.fn(async () => false);
    const client = createTRPCClient<AppRouter>({
      links: [refreshOnUnauthorizedLink<AppRouter>({ refresh }), server.link],
    });

    await expect(client.users.list.query()).rejects.toMatchObject({ data: { code: "UNAUTHORIZED" } });
    expect(server.calls).toEqual(["users.list"]);
  });

  it("retries at most once, and never for auth procedures (a wrong password is not an expired token)", async () => {
    const server = scriptedServer(["unauthorized", "unauthorized", "unauthorized"]);
    const refresh = vi.fn(async () => true);
    const client = createTRPCClient<AppRouter>({
      links: [refreshOnUnauthorizedLink<AppRouter>({ refresh }), server.link],
    });

    await expect(client.users.list.query()).rejects.toBeInstanceOf(TRPCClientError);
    expect(refresh).toHaveBeenCalledTimes(1);

    await expect(client.auth.login.mutate({ email: "a@b.test", password: "nope" })).rejects.toBeInstanceOf(
      TRPCClientError,
    );
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(server.calls).toEqual(["users.list", "users.list", "auth.login"]);
  });
});
