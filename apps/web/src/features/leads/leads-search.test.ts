import { describe, expect, it } from "vitest";
import { nextSort, parseLeadsSearch, rangeLabel, toListInput } from "./leads-search";

describe("leads URL state", () => {
  it("keeps valid params, drops malformed ones and defaults", () => {
    expect(
      parseLeadsSearch({
        campaignId: "00000000-0000-4000-8000-000000000001",
        search: "acme",
        page: "3",
        pageSize: 100,
        sort: "name",
        direction: "sideways",
        optedOut: "maybe",
      }),
    ).toEqual({
      campaignId: "00000000-0000-4000-8000-000000000001",
      search: "acme",
      page: 3,
      pageSize: 100,
      sort: "name",
    });
    expect(
      parseLeadsSearch({ campaignId: "'; drop table", page: -1, pageSize: 7, sort: "password" }),
    ).toEqual({});
  });

  it("turns the URL state into the server's list input", () => {
    expect(toListInput({ campaignId: "c1", optedOut: "no", sort: "phone" })).toEqual({
      search: "",
      campaignId: "c1",
      optedOut: false,
      sort: "phone",
      direction: "asc",
      page: 1,
      pageSize: 50,
    });
  });

  it("flips the direction on the same column and starts others at their natural order", () => {
    expect(nextSort({}, "createdAt")).toEqual({ sort: "createdAt", direction: "asc" });
    expect(nextSort({}, "name")).toEqual({ sort: "name", direction: "asc" });
    expect(nextSort({ sort: "name", direction: "asc" }, "name")).toEqual({ sort: "name", direction: "desc" });
    expect(rangeLabel(3, 50, 120)).toBe("Showing 101–120 of 120");
  });
});
