import type { TIntegrationView } from "@plaibook/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { renderWithServer } from "../leads/test-helpers";
import { IntegrationsPanel } from "./integrations-page";

const fieldroutes: TIntegrationView = {
  kind: "fieldroutes",
  enabled: true,
  settings: {
    baseUrl: "https://acme.fieldroutes.com",
    officeId: null,
    timeZone: "America/Chicago",
    serviceTypeId: "12",
  },
  hasCredentials: true,
  lastError: "FieldRoutes answered 401",
  lastErrorAt: "2025-01-02T10:00:00.000Z",
  updatedAt: "2025-01-02T09:00:00.000Z",
};

const slack: TIntegrationView = {
  kind: "slack",
  enabled: true,
  settings: { mode: "webhook" },
  hasCredentials: true,
  lastError: null,
  lastErrorAt: null,
  updatedAt: "2025-01-02T09:00:00.000Z",
};

function setup(list: TIntegrationView[], role: "admin" | "manager" = "admin") {
  return renderWithServer(<IntegrationsPanel />, {
    role,
    handlers: {
      "integrations.list": () => list,
      "integrations.save": () => list,
      "integrations.remove": () => list.slice(1),
      "integrations.test": (input: { kind: string }) => {
        if (input.kind === "fieldroutes")
          throw new Error("The connection test failed: FieldRoutes answered 401 Unauthorized");
        return { ok: true, detail: "Test alert posted to Slack" };
      },
    },
  });
}

const card = (name: string) => screen.getByRole("region", { name });

describe("IntegrationsPanel", () => {
  it("keeps the stored FieldRoutes credentials when the secret boxes are left blank", async () => {
    const user = userEvent.setup();
    const { calls } = setup([fieldroutes, slack]);
    const fr = within(await screen.findByRole("region", { name: "FieldRoutes" }));
    expect(fr.getByText("Connected")).toBeTruthy();
    expect(fr.getByText(/FieldRoutes answered 401/)).toBeTruthy();
    expect(fr.getAllByText("Leave blank to keep the stored credentials.")).toHaveLength(2);

    const service = fr.getByLabelText("Service type id");
    await user.clear(service);
    await user.type(service, "34");
    await user.click(fr.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls.some((c) => c.path === "integrations.save")).toBe(true));
    const saved = calls.find((c) => c.path === "integrations.save")?.input;
    expect(saved).toEqual({
      kind: "fieldroutes",
      enabled: true,
      settings: {
        baseUrl: "https://acme.fieldroutes.com",
        officeId: null,
        timeZone: "America/Chicago",
        serviceTypeId: "34",
      },
    });
  });

  it("replaces both credentials once either is typed", async () => {
    const user = userEvent.setup();
    const { calls } = setup([fieldroutes, slack]);
    const fr = within(await screen.findByRole("region", { name: "FieldRoutes" }));
    await user.type(fr.getByLabelText("Authentication key"), "key-12345678");
    await user.click(fr.getByRole("button", { name: "Save" }));
    expect(fr.getByText("Enter the API authentication token")).toBeTruthy();
    expect(calls.some((c) => c.path === "integrations.save")).toBe(false);

    await user.type(fr.getByLabelText("Authentication token"), "token-12345678");
    await user.click(fr.getByRole("switch", { name: "Enabled" }));
    await user.click(fr.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls.some((c) => c.path === "integrations.save")).toBe(true));
    expect(calls.find((c) => c.path === "integrations.save")?.input).toMatchObject({
      enabled: false,
      secrets: { authenticationKey: "key-12345678", authenticationToken: "token-12345678" },
    });
  });

  it("names every missing field of a new connection", async () => {
    const user = userEvent.setup();
    const { calls } = setup([]);
    const fr = within(await screen.findByRole("region", { name: "FieldRoutes" }));
    expect(fr.getByText("Not connected")).toBeTruthy();
    expect(fr.queryByRole("button", { name: "Test connection" })).toBeNull();
    await user.click(fr.getByRole("button", { name: "Save" }));
    expect(fr.getByText(/Enter your FieldRoutes address/)).toBeTruthy();
    expect(fr.getByText("Choose the office's time zone")).toBeTruthy();
    expect(fr.getByText("Enter the service type id for new appointments")).toBeTruthy();
    expect(fr.getByText("Enter the API authentication key")).toBeTruthy();
    expect(document.activeElement).toBe(fr.getByLabelText("FieldRoutes address"));
    expect(calls.some((c) => c.path === "integrations.save")).toBe(false);
  });

  it("asks for a bot token when Slack moves from a webhook to a bot", async () => {
    const user = userEvent.setup();
    const { calls } = setup([fieldroutes, slack]);
    const sl = within(await screen.findByRole("region", { name: "Slack" }));
    await user.click(sl.getByRole("radio", { name: /Bot token/ }));
    expect(sl.getByText(/stored credentials are for the webhook/)).toBeTruthy();
    await user.click(sl.getByRole("button", { name: "Save" }));
    expect(sl.getByText("Bot tokens start with xoxb-")).toBeTruthy();
    expect(sl.getByText(/Enter the channel id/)).toBeTruthy();

    await user.type(sl.getByLabelText("Bot token"), "xoxb-123-abc");
    await user.type(sl.getByLabelText("Channel id"), "C0123ALERTS");
    await user.click(sl.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls.some((c) => c.path === "integrations.save")).toBe(true));
    expect(calls.find((c) => c.path === "integrations.save")?.input).toEqual({
      kind: "slack",
      enabled: true,
      settings: { mode: "bot", channel: "C0123ALERTS" },
      secrets: { token: "xoxb-123-abc" },
    });
  });

  it("shows what a connection test found, or why it failed", async () => {
    const user = userEvent.setup();
    setup([fieldroutes, slack]);
    await screen.findByRole("region", { name: "FieldRoutes" });
    await user.click(within(card("FieldRoutes")).getByRole("button", { name: "Test connection" }));
    expect((await within(card("FieldRoutes")).findByRole("alert")).textContent).toContain(
      "The connection test failed: FieldRoutes answered 401 Unauthorized",
    );
    await user.click(within(card("Slack")).getByRole("button", { name: "Test connection" }));
    expect((await within(card("Slack")).findByRole("status")).textContent).toBe("Test alert posted to Slack");
  });

  it("removes an integration only after confirming", async () => {
    const user = userEvent.setup();
    const { calls } = setup([fieldroutes, slack]);
    await screen.findByRole("region", { name: "FieldRoutes" });
    await user.click(within(card("FieldRoutes")).getByRole("button", { name: "Remove" }));
    const dialog = await screen.findByRole("dialog", { name: "Remove FieldRoutes?" });
    expect(calls.some((c) => c.path === "integrations.remove")).toBe(false);
    await user.click(within(dialog).getByRole("button", { name: "Remove FieldRoutes" }));
    await waitFor(() =>
      expect(calls.find((c) => c.path === "integrations.remove")?.input).toEqual({ kind: "fieldroutes" }),
    );
    await waitFor(() => expect(within(card("FieldRoutes")).getByText("Not connected")).toBeTruthy());
  });

  it("tells other roles that only admins manage integrations", () => {
    const { calls } = setup([fieldroutes], "manager");
    expect(screen.getByText("Only owners and admins manage integrations")).toBeTruthy();
    expect(calls).toHaveLength(0);
  });
});
