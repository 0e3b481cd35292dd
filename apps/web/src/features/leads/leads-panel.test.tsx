import type { TListLeadsInput, TRole } from "@plaibook/shared";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { LeadsPanel } from "./leads-panel";
import type { TLeadsSearch } from "./leads-search";
import { buildLead, renderWithServer } from "./test-helpers";

vi.mock("../../lib/socket", () => import("./test-helpers").then((m) => m.socketModule));

const leads = Array.from({ length: 25 }, (_, i) => buildLead({ firstName: `Lead${i}`, company: "Acme" }));

function Harness({ initial = {} }: { initial?: TLeadsSearch }) {
  const [search, setSearch] = useState<TLeadsSearch>(initial);
  return (
    <LeadsPanel
      search={search}
      onSearchChange={(patch) => setSearch((prev) => ({ ...prev, ...patch }))}
      onOpenLead={() => {}}
    />
  );
}

function setup(role: TRole = "manager", initial: TLeadsSearch = {}) {
  return renderWithServer(<Harness initial={initial} />, {
    role,
    handlers: {
      "leads.list": (input: TListLeadsInput) => ({
        rows: leads.slice(0, input.pageSize ?? 50),
        total: 120,
        page: input.page ?? 1,
        pageSize: input.pageSize ?? 50,
      }),
      "campaigns.list": () => [],
      "leads.imports": () => [],
    },
  });
}

function listInputs(calls: Array<{ path: string; input: unknown }>) {
  return calls.filter((c) => c.path === "leads.list").map((c) => c.input as TListLeadsInput);
}

describe("LeadsPanel", () => {
  it("asks the server for the clicked sort and page, and shows the range", async () => {
    const user = userEvent.setup();
    const { calls } = setup("manager", { pageSize: 25 });

    expect(await screen.findByText("Showing 1–25 of 120")).toBeTruthy();
    expect(listInputs(calls).at(-1)).toMatchObject({
      sort: "createdAt",
      direction: "desc",
      page: 1,
      pageSize: 25,
    });

    await user.click(screen.getByRole("button", { name: /^Name/ }));
    await waitFor(() =>
      expect(listInputs(calls).at(-1)).toMatchObject({ sort: "name", direction: "asc", page: 1 }),
    );
    expect(screen.getByRole("columnheader", { name: /Name/ }).getAttribute("aria-sort")).toBe("ascending");

    await user.click(screen.getByRole("button", { name: /^Name/ }));
    await waitFor(() => expect(listInputs(calls).at(-1)).toMatchObject({ sort: "name", direction: "desc" }));

    await user.click(screen.getByRole("button", { name: "Next page" }));
    await waitFor(() =>
      expect(listInputs(calls).at(-1)).toMatchObject({ sort: "name", direction: "desc", page: 2 }),
    );
    expect(await screen.findByText("Showing 26–50 of 120")).toBeTruthy();

    // A new filter starts again from the first page.
    await user.selectOptions(screen.getByLabelText("Opted out"), "yes");
    await waitFor(() => expect(listInputs(calls).at(-1)).toMatchObject({ optedOut: true, page: 1 }));
  });

  it("sends the search text once typing pauses", async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await screen.findByText(/Showing 1–/);
    await user.type(screen.getByLabelText("Search leads"), "acme");
    await waitFor(() => expect(listInputs(calls).at(-1)).toMatchObject({ search: "acme", page: 1 }));
    expect(listInputs(calls).filter((i) => i.search && i.search !== "acme")).toHaveLength(0);
  });

  it.each([
    ["viewer", false, false],
    ["rep", true, false],
    ["manager", true, true],
  ] as const)("as a %s shows Add lead: %s, Import CSV: %s", async (role, add, importCsv) => {
    setup(role);
    await screen.findByText(/Showing 1–/);
    expect(screen.queryByRole("button", { name: "Add lead" }) !== null).toBe(add);
    expect(screen.queryByRole("button", { name: "Import CSV" }) !== null).toBe(importCsv);
  });
});
