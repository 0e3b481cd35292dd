import type { TAiSettingsView } from "@plaibook/shared";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { useToastStore } from "../../components/toast";
import { renderWithServer } from "../leads/test-helpers";
import { AiSettingsPanel } from "./ai-settings-page";

const view: TAiSettingsView = {
  ai: {
    engine: "auto",
    model: "openai/gpt-4o-mini",
    fallbackModel: "anthropic/claude-3.5-haiku",
    temperature: 0.3,
    persona: "",
    timeoutMs: 8000,
  },
  calendar: {
    timeZone: "America/New_York",
    days: [1, 2, 3, 4, 5],
    start: "08:00",
    end: "18:00",
    slotStepMinutes: 30,
  },
  llmAvailable: true,
};

function setup(role: "admin" | "manager" = "admin", settings: TAiSettingsView = view) {
  return renderWithServer(<AiSettingsPanel />, {
    role,
    handlers: {
      "agent.settings": () => settings,
      "agent.saveSettings": (input: Pick<TAiSettingsView, "ai" | "calendar">) => ({
        ...input,
        llmAvailable: settings.llmAvailable,
      }),
    },
  });
}

describe("AiSettingsPanel", () => {
  it("names each invalid field and does not call the server", async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    const model = await screen.findByLabelText("Model");
    await user.clear(model);
    const timeout = screen.getByLabelText("Model timeout");
    await user.clear(timeout);
    await user.type(timeout, "90");
    await user.click(screen.getByRole("button", { name: "Monday" }));
    for (const day of ["Tuesday", "Wednesday", "Thursday", "Friday"])
      await user.click(screen.getByRole("button", { name: day }));
    fireEvent.change(screen.getByLabelText("Closes at"), { target: { value: "07:00" } });
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    expect(screen.getByText(/Enter an OpenRouter model id/)).toBeTruthy();
    expect(screen.getByText("Wait between 1 and 60 seconds")).toBeTruthy();
    expect(screen.getByText("Pick at least one day")).toBeTruthy();
    expect(screen.getByText("The day must end after it starts")).toBeTruthy();
    expect(model.getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(model);
    expect(calls.some((c) => c.path === "agent.saveSettings")).toBe(false);
  });

  it("saves the AI and calendar settings, the timeout in milliseconds", async () => {
    const user = userEvent.setup();
    const { calls } = setup();
    await user.click(await screen.findByRole("radio", { name: /Offline engine only/ }));
    fireEvent.change(screen.getByLabelText("Temperature"), { target: { value: "0.7" } });
    expect(screen.getByText("0.70")).toBeTruthy();
    const timeout = screen.getByLabelText("Model timeout");
    await user.clear(timeout);
    await user.type(timeout, "12");
    await user.type(screen.getByLabelText("Persona"), "  Brief and warm.  ");
    expect(screen.getByText("19/1000")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Saturday" }));
    await user.selectOptions(screen.getByLabelText("Time zone"), "America/Chicago");
    await user.click(screen.getByRole("button", { name: "Save settings" }));

    await waitFor(() =>
      expect(useToastStore.getState().toasts.map((t) => t.title)).toContain("AI & calendar settings saved"),
    );
    expect(calls.find((c) => c.path === "agent.saveSettings")?.input).toEqual({
      ai: {
        engine: "offline",
        model: "openai/gpt-4o-mini",
        fallbackModel: "anthropic/claude-3.5-haiku",
        temperature: 0.7,
        persona: "Brief and warm.",
        timeoutMs: 12000,
      },
      calendar: {
        timeZone: "America/Chicago",
        days: [1, 2, 3, 4, 5, 6],
        start: "08:00",
        end: "18:00",
        slotStepMinutes: 30,
      },
    });
  });

  it("says when no API key is configured", async () => {
    setup("admin", { ...view, llmAvailable: false });
    expect(
      await screen.findByText(
        /No OPENROUTER_API_KEY is configured: the offline engine answers every message/,
      ),
    ).toBeTruthy();
  });

  it("is read-only for roles that may not change it", async () => {
    setup("manager");
    expect(((await screen.findByLabelText("Model")) as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole("button", { name: "Save settings" })).toBeNull();
    expect(screen.getByText(/Only owners and admins can change/)).toBeTruthy();
  });
});
