import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import type { AppRouter } from "./app-router";
import { getErrorMessage, getServerFieldErrors } from "./errors";

const trpcError = (message: string, data: Record<string, unknown>) =>
  TRPCClientError.from<AppRouter>({ error: { message, code: -32600, data } });

describe("getErrorMessage", () => {
  it("shows the server's sentence for expected errors", () => {
    expect(getErrorMessage(trpcError("You cannot deactivate yourself.", { code: "FORBIDDEN" }))).toBe(
      "You cannot deactivate yourself.",
    );
  });

  it("hides internal errors, raw validation dumps and network failures behind friendly text", () => {
    expect(
      getErrorMessage(trpcError("relation users does not exist", { code: "INTERNAL_SERVER_ERROR" })),
    ).toBe("Something went wrong. Please try again.");
    expect(getErrorMessage(trpcError('[{"code":"invalid_type"}]', { code: "BAD_REQUEST" }))).toBe(
      "Please check the highlighted fields.",
    );
    expect(getErrorMessage(new TypeError("Failed to fetch"))).toMatch(/couldn't reach Plaibook/);
    expect(getErrorMessage("boom")).toBe("Something went wrong. Please try again.");
  });

  it("reads per-field messages from a Zod error", () => {
    const error = trpcError("Invalid input", {
      code: "BAD_REQUEST",
      zodError: { fieldErrors: { email: ["Enter a valid email address", "Too long"], name: [] } },
    });
    expect(getServerFieldErrors(error)).toEqual({ email: "Enter a valid email address" });
  });
});
