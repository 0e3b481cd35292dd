import type { TCallListQuery, TCallProgressEvent } from "@plaibook/shared";
import {
  createMemoryHistory,
  createRootRoute,
  createRoute,
  createRouter,
  Outlet,
  RouterProvider,
  useNavigate,
} from "@tanstack/react-router";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeSocket, renderWithServer } from "../leads/test-helpers";
import { CallsPanel } from "./calls-panel";
import type { TCallsSearch } from "./calls-search";
import { localMidnight, parseCallsSearch, toListQuery, withoutEmpty } from "./calls-search";
import { buildCallListItem, buildPage, callId } from "./test-fixtures";
import { useUploadStore } from "./upload-queue";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

const REP = "22222222-2222-4222-8222-222222222222";

/** The /calls route as routes/calls.tsx wires it: the URL holds the filters. */
function renderCallsAt(url: string, handlers: Record<string, (input: never) => unknown>) {
  const rootRoute = createRootRoute({ component: Outlet });
  const callsRoute = createRoute({
    getParentRoute: () => rootRoute,
    path: "/calls",
    validateSearch: (search: Record<string, unknown>): TCallsSearch => parseCallsSearch(search),
    component: function Page() {
      const search = callsRoute.useSearch();
      const navigate = useNavigate({ from: "/calls" });
      return (
        <CallsPanel
          search={search}
          onSearchChange={(patch) =>
            void navigate({ search: (prev) => withoutEmpty({ ...prev, ...patch }), replace: true })
          }
          renderCallLink={(id, label) => <a href={`/calls/${id}`}>{label}</a>}
        />
      );
    },
  });
  const router = createRouter({
    routeTree: rootRoute.addChildren([callsRoute]),
    history: createMemoryHistory({ initialEntries: [url] }),
  });
  const view = renderWithServer(<RouterProvider router={router} />, { role: "manager", handlers });
  return { ...view, router };
}

function listInputs(calls: Array<{ path: string; input: unknown }>): TCallListQuery[] {
  return calls.filter((c) => c.path === "calls.list").map((c) => c.input as TCallListQuery);
}

beforeEach(() => useUploadStore.getState().reset());

/** Sends a `call.progress` event and lets React Query tell its observers (it batches on a timer). */
async function emit(event: TCallProgressEvent) {
  await act(async () => {
    fakeSocket.emit("call.progress", event);
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

describe("calls search params", () => {
  it("keeps what is valid, drops what is not", () => {
    expect(
      parseCallsSearch({
        rep: REP,
        from: "2025-03-01",
        to: "03/31/2025",
        outcome: "booked",
        objection: "price/budget",
        minMinutes: "2",
        maxMinutes: "-4",
        status: "done",
        sort: "longest",
        page: "3",
        pageSize: "33",
      }),
    ).toEqual({
      rep: REP,
      from: "2025-03-01",
      outcome: "booked",
      objection: "price/budget",
      minMinutes: 2,
      sort: "longest",
      page: 3,
    });
  });

  it("turns days into a half-open range of instants and minutes into seconds", () => {
    expect(
      toListQuery({ from: "2025-03-01", to: "2025-03-31", minMinutes: 1.5, maxMinutes: 10 }),
    ).toMatchObject({
      from: localMidnight("2025-03-01").toISOString(),
      to: new Date(2025, 3, 1).toISOString(),
      minDurationSeconds: 90,
      maxDurationSeconds: 600,
      sort: "newest",
      page: 1,
      pageSize: 25,
    });
  });
});

describe("CallsPanel", () => {
  it("reads its filters from the URL, asks the server for them, and writes changes back", async () => {
    const user = userEvent.setup();
    const items = [buildCallListItem({ repName: "Rita Rep" })];
    const { calls, router } = renderCallsAt(
      `/calls?rep=${REP}&outcome=lost&objection=price&minMinutes=2&status=analyzed&from=2025-03-01&page=2`,
      {
        "calls.list": () => buildPage(items, { total: 30, page: 2 }),
        "calls.reps": () => [{ id: REP, name: "Rita Rep" }],
      },
    );

    expect(await screen.findByText("Showing 26–30 of 30")).toBeTruthy();
    expect(listInputs(calls).at(-1)).toEqual({
      repUserId: REP,
      outcome: "lost",
      objection: "price",
      minDurationSeconds: 120,
      status: "analyzed",
      from: localMidnight("2025-03-01").toISOString(),
      sort: "newest",
      page: 2,
      pageSize: 25,
    });
    // (jsdom does not give <search> its role yet; the label finds it.)
    const filters = screen.getByLabelText("Filter calls");
    await waitFor(() => expect((within(filters).getByLabelText("Rep") as HTMLSelectElement).value).toBe(REP));
    expect((within(filters).getByLabelText("Outcome") as HTMLSelectElement).value).toBe("lost");
    expect((within(filters).getByLabelText("Objection") as HTMLSelectElement).value).toBe("price");
    expect((within(filters).getByLabelText("Min length (min)") as HTMLInputElement).value).toBe("2");
    expect((within(filters).getByLabelText("From") as HTMLInputElement).value).toBe("2025-03-01");

    // A new filter goes into the URL and back to page 1.
    await user.selectOptions(within(filters).getByLabelText("Outcome"), "booked");
    await waitFor(() => expect(router.state.location.search).toMatchObject({ outcome: "booked" }));
    expect(router.state.location.search).not.toHaveProperty("page");
    await waitFor(() => expect(listInputs(calls).at(-1)).toMatchObject({ outcome: "booked", page: 1 }));

    await user.clear(within(filters).getByLabelText("Min length (min)"));
    await user.type(within(filters).getByLabelText("Max length (min)"), "15");
    await waitFor(() => expect(router.state.location.search).toMatchObject({ maxMinutes: 15 }));
    expect(router.state.location.search).not.toHaveProperty("minMinutes");
    await waitFor(() => expect(listInputs(calls).at(-1)).toMatchObject({ maxDurationSeconds: 900 }));

    await user.click(screen.getByRole("button", { name: "Clear filters" }));
    await waitFor(() => expect(router.state.location.search).toEqual({}));
  });

  it("patches a row from call.progress without refetching, and refreshes once the analysis is in", async () => {
    const processing = buildCallListItem({
      id: callId(1),
      status: "transcribing",
      progress: 40,
      outcome: null,
      objectionCategories: [],
      repTalkRatio: null,
    });
    let analysed = false;
    const { calls } = renderCallsAt("/calls", {
      "calls.list": () =>
        buildPage([
          analysed
            ? {
                ...processing,
                status: "analyzed",
                progress: 100,
                outcome: "sold",
                objectionCategories: ["timing"],
              }
            : processing,
        ]),
      "calls.reps": () => [],
    });
    const row = await screen.findByTestId(`call-row-${callId(1)}`);
    expect(within(row).getByText("Transcribing")).toBeTruthy();
    expect(listInputs(calls)).toHaveLength(1);

    await emit({
      callId: callId(1),
      status: "analyzing",
      progress: 80,
      statusReason: null,
      durationSeconds: 187,
    });
    expect(within(row).getByText("Analysing")).toBeTruthy();
    expect(within(row).getByRole("progressbar").getAttribute("aria-valuenow")).toBe("80");
    expect(within(row).getByText("3 min 7 s")).toBeTruthy();

    // A late event from the step before does not move it back.
    await emit({
      callId: callId(1),
      status: "transcribing",
      progress: 60,
      statusReason: null,
      durationSeconds: 187,
    });
    expect(within(row).getByText("Analysing")).toBeTruthy();
    expect(listInputs(calls)).toHaveLength(1);

    analysed = true;
    await emit({
      callId: callId(1),
      status: "analyzed",
      progress: 100,
      statusReason: null,
      durationSeconds: 187,
    });
    expect(within(row).getByText("Analysed")).toBeTruthy();
    expect(within(row).queryByRole("progressbar")).toBeNull();
    // Outcome and objections come with a refetch of the list.
    expect(await within(row).findByText("Sold")).toBeTruthy();
    expect(within(row).getByText("Timing")).toBeTruthy();
    expect(listInputs(calls)).toHaveLength(2);
  });

  it("shows a failed call's reason and retries it", async () => {
    const user = userEvent.setup();
    const failed = buildCallListItem({
      id: callId(2),
      status: "failed",
      statusReason: "Not an audio file: ffmpeg could not decode it",
      outcome: null,
    });
    const retried: unknown[] = [];
    renderCallsAt("/calls", {
      "calls.list": () => buildPage([failed]),
      "calls.reps": () => [],
      "calls.retry": (input: { id: string }) => {
        retried.push(input);
        return { ...failed, status: "received", progress: 0, statusReason: null };
      },
    });
    const row = await screen.findByTestId(`call-row-${callId(2)}`);
    expect(within(row).getByText("Not an audio file: ffmpeg could not decode it")).toBeTruthy();
    await user.click(within(row).getByRole("button", { name: /^Retry the call/ }));
    expect(retried).toEqual([{ id: callId(2) }]);
    expect(await within(row).findByText("Received")).toBeTruthy();
    expect(within(row).queryByRole("button", { name: /^Retry/ })).toBeNull();
  });

  it("invites an uploader to upload when there are no calls yet", async () => {
    renderCallsAt("/calls", { "calls.list": () => buildPage([]), "calls.reps": () => [] });
    expect(await screen.findByText("No calls yet")).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Upload recordings" }).length).toBeGreaterThan(0);
  });

  it("says so when the list cannot load", async () => {
    renderCallsAt("/calls", {
      "calls.list": () => {
        throw new Error("The database is down");
      },
      "calls.reps": () => [],
    });
    expect(await screen.findByText("Couldn't load calls")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });
});
