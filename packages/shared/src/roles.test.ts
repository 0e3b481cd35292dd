import { describe, expect, it } from "vitest";
import { assignableRoles, can, roleAtLeast } from "./roles.js";

describe("roles", () => {
  it("orders roles from owner down to viewer", () => {
    expect(roleAtLeast("owner", "admin")).toBe(true);
    expect(roleAtLeast("manager", "manager")).toBe(true);
    expect(roleAtLeast("rep", "manager")).toBe(false);
    expect(roleAtLeast("viewer", "rep")).toBe(false);
  });

  it("lets only owners and admins manage the team", () => {
    expect(
      ["owner", "admin", "manager", "rep", "viewer"].filter((r) => can(r as never, "team.manage")),
    ).toEqual(["owner", "admin"]);
    expect(can("viewer", "team.view")).toBe(true);
  });

  it("lets only owners give the owner role", () => {
    expect(assignableRoles("owner")).toContain("owner");
    expect(assignableRoles("admin")).toEqual(["admin", "manager", "rep", "viewer"]);
    expect(assignableRoles("manager")).toEqual([]);
  });
});
