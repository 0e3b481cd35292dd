import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { SmsIdentityForm } from "./sms-identity-form";

const initial = {
  businessName: "Acme Pest",
  helpText: "Acme Pest: call us for help. Reply STOP to opt out.",
  optOutConfirmation: "Acme Pest: you are unsubscribed. Reply START to resubscribe.",
};

describe("SmsIdentityForm", () => {
  it("refuses a HELP reply that does not say how to opt out, without calling the server", async () => {
    const onSave = vi.fn();
    render(
      <SmsIdentityForm
        initial={initial}
        readOnly={false}
        saving={false}
        serverError={null}
        onSave={onSave}
      />,
    );
    const help = screen.getByLabelText("HELP reply");
    await userEvent.clear(help);
    await userEvent.type(help, "Call us any time, we love to help!");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByText(/must say how to opt out/)).toBeTruthy();
  });

  it("saves trimmed values", async () => {
    const onSave = vi.fn();
    render(
      <SmsIdentityForm
        initial={initial}
        readOnly={false}
        saving={false}
        serverError={null}
        onSave={onSave}
      />,
    );
    const name = screen.getByLabelText("Business name");
    await userEvent.clear(name);
    await userEvent.type(name, "  BugBusters  ");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(onSave).toHaveBeenCalledWith({ ...initial, businessName: "BugBusters" });
  });

  it("is read-only for roles that may not change it", () => {
    render(<SmsIdentityForm initial={initial} readOnly saving={false} serverError={null} onSave={vi.fn()} />);
    expect(screen.queryByRole("button", { name: "Save" })).toBeNull();
    expect((screen.getByLabelText("Business name") as HTMLInputElement).disabled).toBe(true);
  });
});
