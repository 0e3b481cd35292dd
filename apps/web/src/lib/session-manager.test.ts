import type { TSession } from "@plaibook/shared";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { buildSession } from "../test/fixtures";
import { createSessionManager, refreshDelayMs } from "./session-manager";

const unauthorized = () =>
  Object.assign(new Error("Your session has ended."), { data: { code: "UNAUTHORIZED" } });

function setup(requestRefresh: () => Promise<TSession>) {
  let current: TSession | null = null;
  const onSignedOut = vi.fn(() => {
    current = null;
  });
  const manager = createSessionManager({
    requestRefresh,
    onSession: (s) => {
      current = s;
    },
    onSignedOut,
    hasSession: () => current !== null,
  });
  return { manager, onSignedOut, current: () => current };
}

describe("session manager", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shares one refresh request between concurrent callers", async () => {
    const session = buildSession();
    const requestRefresh = vi.fn(() => Promise.resolve(session));
    const { manager, current } = setup(requestRefresh);

    const results = await Promise.all([manager.refresh(), manager.refresh(), manager.refresh()]);

    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(results).toEqual([session, session, session]);
    expect(current()).toBe(session);

    // Once settled, a later refresh makes a new request (the cookie rotates each time).
    await manager.refresh();
    expect(requestRefresh).toHaveBeenCalledTimes(2);
  });

  it("refreshes proactively a minute before the access token expires", async () => {
    const first = buildSession({ accessToken: "first", expiresIn: 900 });
    const second = buildSession({ accessToken: "second", expiresIn: 900 });
    const requestRefresh = vi.fn(() => Promise.resolve(second));
    const { manager, current } = setup(requestRefresh);

    manager.start(first);
    await vi.advanceTimersByTimeAsync(840_000 - 1);
    expect(requestRefresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(requestRefresh).toHaveBeenCalledTimes(1);
    expect(current()?.accessToken).toBe("second");
  });

  it("signs out when the server says the refresh cookie is no longer valid", async () => {
    const { manager, onSignedOut, current } = setup(() => Promise.reject(unauthorized()));
    manager.start(buildSession());

    expect(await manager.refresh()).toBeNull();
    expect(onSignedOut).toHaveBeenCalledTimes(1);
    expect(current()).toBeNull();
  });

  it("keeps a live session through a network blip and tries again later", async () => {
    const session = buildSession({ accessToken: "still-good" });
    const renewed = buildSession({ accessToken: "renewed" });
    const requestRefresh = vi
      .fn<() => Promise<TSession>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(renewed);
    const { manager, onSignedOut, current } = setup(requestRefresh);
    manager.start(session);

    expect(await manager.refresh()).toBeNull();
    expect(onSignedOut).not.toHaveBeenCalled();
    expect(current()?.accessToken).toBe("still-good");

    await vi.advanceTimersByTimeAsync(30_000);
    expect(requestRefresh).toHaveBeenCalledTimes(2);
    expect(current()?.accessToken).toBe("renewed");
  });

  it("never schedules a refresh in the past for very short lifetimes", () => {
    expect(refreshDelayMs(3600)).toBe(3_540_000);
    expect(refreshDelayMs(30)).toBe(5_000);
  });
});
