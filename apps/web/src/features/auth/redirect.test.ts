import { describe, expect, it } from "vitest";
import { safeRedirect } from "./redirect";

describe("safeRedirect", () => {
  it("keeps in-app paths with their query", () => {
    expect(safeRedirect("/settings/team?tab=1")).toBe("/settings/team?tab=1");
  });

  it("refuses other origins, protocol-relative URLs and auth pages", () => {
    expect(safeRedirect("https://evil.test/")).toBe("/");
    expect(safeRedirect("//evil.test/")).toBe("/");
    expect(safeRedirect("/\\evil.test")).toBe("/");
    expect(safeRedirect("/login?redirect=/x")).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
  });
});
