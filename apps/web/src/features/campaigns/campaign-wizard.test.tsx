import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { CampaignWizard } from "./campaign-wizard";
import type { TWizardValues } from "./wizard-steps";
import { defaultWizardValues } from "./wizard-steps";

const PLAYBOOK_ID = "00000000-0000-4000-8000-0000000000aa";
const playbooks = [{ id: PLAYBOOK_ID, name: "Roofing", currentVersion: 3 }];
const numbers = [
  { e164: "+15550100001", label: "Main line", provider: "sandbox" as const },
  { e164: "+15550100002", label: "+15550100002", provider: "twilio" as const },
];

function renderWizard(initial: Partial<TWizardValues> = {}, onSubmit = vi.fn(async () => {})) {
  render(
    <CampaignWizard
      mode="create"
      initial={{ ...defaultWizardValues("America/Chicago"), ...initial }}
      playbooks={playbooks}
      sendingNumbers={numbers}
      onSubmit={onSubmit}
      onCancel={vi.fn()}
      browserZone="Europe/Berlin"
    />,
  );
  return onSubmit;
}

const heading = () => screen.getByRole("heading", { level: 2 }).textContent;

describe("CampaignWizard", () => {
  it("does not leave step 1 without a name and a playbook", async () => {
    const user = userEvent.setup();
    renderWizard();
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("Step 1 of 4: Name and playbook");
    expect(screen.getByText("Name is required")).toBeTruthy();
    expect(screen.getByText("Pick a playbook")).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText("Campaign name"));
  });

  it("refuses business hours that end before they start, and an empty week", async () => {
    const user = userEvent.setup();
    renderWizard({
      name: "Spring",
      playbookId: PLAYBOOK_ID,
      businessHours: { days: [1], start: "17:00", end: "09:00", timeZone: "America/Chicago" },
    });
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("Step 2 of 4: Schedule");
    // The browser's own zone is offered next to the US ones.
    expect(screen.getByRole("option", { name: "Europe/Berlin (this browser)" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Monday" }));
    expect(screen.getByRole("button", { name: "Monday" }).getAttribute("aria-pressed")).toBe("false");
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("Step 2 of 4: Schedule");
    expect(screen.getByText("Business hours must end after they start")).toBeTruthy();
    expect(screen.getByText("Pick at least one day")).toBeTruthy();
    expect(screen.getByLabelText("Until").getAttribute("aria-invalid")).toBe("true");
  });

  it("requires a sending number, then reviews and submits the parsed settings", async () => {
    const user = userEvent.setup();
    const onSubmit = renderWizard({ name: "  Spring  ", playbookId: PLAYBOOK_ID });
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("Step 3 of 4: Sending");

    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("Step 3 of 4: Sending");
    expect(screen.getByText("Pick at least one sending number")).toBeTruthy();

    await user.click(screen.getByLabelText("Main line · +15550100001"));
    await user.click(screen.getByRole("button", { name: "Remove follow-up 2" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(heading()).toBe("Step 4 of 4: Review");
    expect(screen.getByText("Main line (+15550100001)")).toBeTruthy();
    expect(screen.getByText("Mon–Fri, 09:00–17:00 (Central (Chicago))")).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Create draft" }));
    expect(onSubmit).toHaveBeenCalledWith({
      name: "Spring",
      playbookId: PLAYBOOK_ID,
      businessHours: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00", timeZone: "America/Chicago" },
      sendingNumbers: ["+15550100001"],
      perNumberPerMinute: 6,
      perCampaignPerMinute: 30,
      followUpDays: [1],
      stopOnReply: true,
      approvalMode: false,
      firstMessageFooter: "Reply STOP to opt out.",
    });
  });

  it("sends approval mode with the settings and names it on the review step", async () => {
    const user = userEvent.setup();
    const onSubmit = renderWizard({
      name: "Spring",
      playbookId: PLAYBOOK_ID,
      sendingNumbers: ["+15550100001"],
    });
    await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Next" }));
    const approval = screen.getByRole("checkbox", { name: "Approval mode" });
    expect((approval as HTMLInputElement).checked).toBe(false);
    expect(screen.getByText(/AI replies wait as drafts until a person approves or edits them/)).toBeTruthy();
    await user.click(approval);
    await user.click(screen.getByRole("button", { name: "Next" }));
    expect(screen.getByText(/Approval mode: drafts wait/)).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "Create draft" }));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ approvalMode: true, stopOnReply: true }));
  });

  it("shows the server's refusal on the review step", async () => {
    const user = userEvent.setup();
    const onSubmit = vi.fn(async () => {
      throw Object.assign(new Error("That number is not yours"), { data: { code: "BAD_REQUEST" } });
    });
    renderWizard({ name: "Spring", playbookId: PLAYBOOK_ID, sendingNumbers: ["+15550100002"] }, onSubmit);
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole("button", { name: "Next" }));
    await user.click(screen.getByRole("button", { name: "Create draft" }));
    expect((await screen.findByRole("alert")).textContent).toBe("That number is not yours");
  });
});
