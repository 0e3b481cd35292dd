import type { TUsageSummary } from "@plaibook/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithServer } from "../leads/test-helpers";
import { formatMicros } from "./money";
import { UsagePage } from "./usage-page";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

function buildUsage(overrides: Partial<TUsageSummary> = {}): TUsageSummary {
  return {
    from: "2026-03-01",
    to: "2026-03-02",
    days: [
      {
        day: "2026-03-01",
        smsMicros: 7_900_000,
        aiMicros: 1_200_000,
        segments: 1000,
        tokens: 50_000,
        modelCalls: 40,
      },
      {
        day: "2026-03-02",
        smsMicros: 4_450_000,
        aiMicros: 3_100,
        segments: 560,
        tokens: 3_000,
        modelCalls: 2,
      },
    ],
    totals: {
      costMicros: 13_553_100,
      smsMicros: 12_350_000,
      aiMicros: 1_203_100,
      segments: 1560,
      tokens: 53_000,
      modelCalls: 42,
    },
    byModel: [
      { model: "openai/gpt-4o-mini", calls: 40, tokens: 52_000, costMicros: 1_200_000, failures: 2 },
      { model: "offline", calls: 2, tokens: 1_000, costMicros: 3_100, failures: 0 },
    ],
    ...overrides,
  };
}

describe("formatMicros", () => {
  it("shows dollars and cents, and keeps sub-cent amounts visible", () => {
    expect(formatMicros(13_553_100)).toBe("$13.55");
    expect(formatMicros(0)).toBe("$0.00");
    expect(formatMicros(4_200)).toBe("$0.0042");
    expect(formatMicros(150)).toBe("$0.00015");
    expect(formatMicros(1_234_560_000)).toBe("$1,234.56");
  });
});

describe("UsagePage", () => {
  it("shows the totals in dollars and a row per model", async () => {
    renderWithServer(<UsagePage />, { role: "manager", handlers: { "agent.usage": () => buildUsage() } });
    const totals = await screen.findByRole("region", { name: "Totals" });
    expect(within(totals).getByText("$13.55")).toBeTruthy();
    expect(within(totals).getByText("$12.35")).toBeTruthy();
    expect(within(totals).getByText("1,560 segments")).toBeTruthy();
    expect(within(totals).getByText("$1.20")).toBeTruthy();
    expect(within(totals).getByText("53,000 tokens · 42 model calls")).toBeTruthy();

    const table = screen.getByRole("table", { name: "Cost by model" });
    const rows = within(table)
      .getAllByRole("row")
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole("cell")
          .map((cell) => cell.textContent),
      );
    expect(rows).toEqual([
      ["openai/gpt-4o-mini", "40", "52,000", "$1.20", "2"],
      ["offline", "2", "1,000", "$0.0031", "0"],
    ]);
    expect(await screen.findByRole("img", { name: "Cost per day, SMS and AI" })).toBeTruthy();
  });

  it("asks the server for the chosen range", async () => {
    const { calls } = renderWithServer(<UsagePage />, {
      handlers: { "agent.usage": () => buildUsage() },
    });
    await screen.findByRole("region", { name: "Totals" });
    expect(calls.at(-1)?.input).toEqual({ days: 30 });
    await userEvent.click(screen.getByRole("button", { name: "7 days" }));
    await waitFor(() => expect(calls.at(-1)?.input).toEqual({ days: 7 }));
    expect(screen.getByRole("button", { name: "7 days" }).getAttribute("aria-pressed")).toBe("true");
  });

  it("says so when nothing was billed yet", async () => {
    renderWithServer(<UsagePage />, {
      handlers: {
        "agent.usage": () =>
          buildUsage({
            days: [],
            byModel: [],
            totals: { costMicros: 0, smsMicros: 0, aiMicros: 0, segments: 0, tokens: 0, modelCalls: 0 },
          }),
      },
    });
    expect(await screen.findByText("No usage yet")).toBeTruthy();
  });

  it("tells a rep that usage is for managers, without asking the server", async () => {
    const { calls } = renderWithServer(<UsagePage />, { role: "rep" });
    expect(await screen.findByText("Only managers can see usage and cost")).toBeTruthy();
    expect(calls).toHaveLength(0);
    expect(screen.queryByRole("button", { name: "7 days" })).toBeNull();
  });

  it("shows an error with a retry when the server fails", async () => {
    let fail = true;
    renderWithServer(<UsagePage />, {
      handlers: {
        "agent.usage": () => {
          if (fail) throw new Error("Usage is unavailable right now");
          return buildUsage();
        },
      },
    });
    expect(await screen.findByText("Usage is unavailable right now")).toBeTruthy();
    fail = false;
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("region", { name: "Totals" })).toBeTruthy();
  });
});
