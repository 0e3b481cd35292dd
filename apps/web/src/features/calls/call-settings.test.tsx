import type { TCallSettings } from "@plaibook/shared";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { renderWithServer } from "../leads/test-helpers";
import { CallSettingsPage } from "./call-settings-page";
import { slugify } from "./call-settings-values";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

const saved: TCallSettings = {
  transcription: { engine: "pocketsphinx", repChannel: "left" },
  customObjections: [
    {
      category: "price",
      slug: "membership_fee",
      label: "Membership fee",
      examples: ["the monthly fee is too much"],
    },
  ],
};

describe("slugify", () => {
  it("makes a lower_snake_case slug from a label", () => {
    expect(slugify("Membership fee!")).toBe("membership_fee");
    expect(slugify("  2nd Opinion ")).toBe("nd_opinion");
    expect(slugify("Crème brûlée")).toBe("creme_brulee");
  });
});

describe("CallSettingsPage", () => {
  it("shows the schema's messages on the fields they are about, then saves what is valid", async () => {
    const user = userEvent.setup();
    const updates: TCallSettings[] = [];
    renderWithServer(<CallSettingsPage />, {
      role: "manager",
      handlers: {
        "callSettings.get": () => saved,
        "callSettings.update": (input: TCallSettings) => {
          updates.push(input);
          return input;
        },
      },
    });
    expect(await screen.findByDisplayValue("Membership fee")).toBeTruthy();
    expect(
      (screen.getByRole("radio", { name: /Pocketsphinx on this server/ }) as HTMLInputElement).checked,
    ).toBe(true);

    await user.click(screen.getByRole("radio", { name: /Supplied transcripts only/ }));
    await user.selectOptions(screen.getByLabelText("Rep's channel in stereo recordings"), "right");
    await user.click(screen.getByRole("button", { name: "Add objection" }));
    const second = screen.getByRole("listitem", { name: "Objection 2" });
    await user.selectOptions(within(second).getByLabelText("Category"), "timing");
    await user.type(within(second).getByLabelText("Slug"), "Bad Slug");
    await user.click(screen.getByRole("button", { name: "Save call settings" }));

    expect(within(second).getByText("Slug must be lower_snake_case, 2–40 characters.")).toBeTruthy();
    expect(within(second).getByText("Give at least one example phrase.")).toBeTruthy();
    expect(within(second).getByText("Give the objection a label (up to 80 characters).")).toBeTruthy();
    expect(updates).toHaveLength(0);

    // The label fills the slug until the slug is typed; here it was, so fix it by hand.
    await user.type(within(second).getByLabelText("Label"), "Busy season");
    await user.clear(within(second).getByLabelText("Slug"));
    await user.type(within(second).getByLabelText("Slug"), "busy_season");
    await user.type(
      within(second).getByLabelText("Example phrases"),
      "we are slammed right now{enter}{enter}after the summer rush",
    );
    await user.click(screen.getByRole("button", { name: "Save call settings" }));

    await waitFor(() => expect(updates).toHaveLength(1));
    expect(updates[0]).toEqual({
      transcription: { engine: "supplied_only", repChannel: "right" },
      customObjections: [
        saved.customObjections[0],
        {
          category: "timing",
          slug: "busy_season",
          label: "Busy season",
          examples: ["we are slammed right now", "after the summer rush"],
        },
      ],
    });
  });

  it("marks both objections that share a category and slug", async () => {
    const user = userEvent.setup();
    renderWithServer(<CallSettingsPage />, { role: "admin", handlers: { "callSettings.get": () => saved } });
    await user.click(await screen.findByRole("button", { name: "Add objection" }));
    const second = screen.getByRole("listitem", { name: "Objection 2" });
    await user.type(within(second).getByLabelText("Label"), "Membership fee");
    expect((within(second).getByLabelText("Slug") as HTMLInputElement).value).toBe("membership_fee");
    await user.type(within(second).getByLabelText("Example phrases"), "why a membership on top");
    await user.click(screen.getByRole("button", { name: "Save call settings" }));
    expect(screen.getAllByText("Another objection in this category has the same slug.")).toHaveLength(2);
  });

  it("is read-only below manager", async () => {
    renderWithServer(<CallSettingsPage />, { role: "rep", handlers: { "callSettings.get": () => saved } });
    expect(await screen.findByText("Only admins and managers can change these settings.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Save call settings" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add objection" })).toBeNull();
  });
});
