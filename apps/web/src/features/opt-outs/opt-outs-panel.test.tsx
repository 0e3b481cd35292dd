import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithServer } from "../leads/test-helpers";
import { OptOutsPanel } from "./opt-outs-panel";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

const rows = [
  { phone: "+15550100001", source: "keyword", keyword: "STOP", createdAt: "2025-01-02T10:00:00.000Z" },
  { phone: "+15550100002", source: "manual", keyword: null, createdAt: "2025-01-03T10:00:00.000Z" },
];

describe("OptOutsPanel", () => {
  it("lets a viewer search and export, but not add, import or remove", async () => {
    const user = userEvent.setup();
    const { calls } = renderWithServer(<OptOutsPanel />, {
      role: "viewer",
      handlers: { "optOuts.list": () => ({ rows, total: 2 }) },
    });
    expect(await screen.findByText("+1 (555) 010-0001")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Export CSV" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add number" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Import CSV" })).toBeNull();
    expect(screen.queryByRole("button", { name: /^Remove/ })).toBeNull();

    await user.type(screen.getByLabelText("Search opt-outs"), "0100002");
    await waitFor(() =>
      expect(calls.filter((c) => c.path === "optOuts.list").at(-1)?.input).toEqual({
        search: "0100002",
        page: 1,
        pageSize: 50,
      }),
    );
  });

  it("asks before a manager removes a number, then removes it", async () => {
    const user = userEvent.setup();
    const { calls } = renderWithServer(<OptOutsPanel />, {
      role: "manager",
      handlers: { "optOuts.list": () => ({ rows, total: 2 }), "optOuts.remove": () => ({ ok: true }) },
    });
    await user.click(await screen.findByRole("button", { name: "Remove +1 (555) 010-0001" }));
    const dialog = screen.getByRole("dialog", { name: "Remove +1 (555) 010-0001?" });
    expect(calls.some((c) => c.path === "optOuts.remove")).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "Remove" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "optOuts.remove")?.input).toEqual({ phone: "+15550100001" }),
    );
  });
});
