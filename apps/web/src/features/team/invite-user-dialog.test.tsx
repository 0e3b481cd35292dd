import type { TInviteUserInput, TInviteUserResult } from "@plaibook/shared";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildMember } from "../../test/fixtures";
import { InviteUserDialog } from "./invite-user-dialog";

function result(input: TInviteUserInput): TInviteUserResult {
  return {
    member: buildMember({ ...input, status: "invited", lastLoginAt: null }),
    inviteUrl: "/accept-invite?token=abcdefghijklmnopqrstuvwxyz",
    expiresAt: "2030-01-08T12:00:00.000Z",
  };
}

function roleValues() {
  const dialog = screen.getByRole("dialog", { name: "Invite user" });
  return within(within(dialog).getByLabelText("Role"))
    .getAllByRole("option")
    .map((o) => o.getAttribute("value"));
}

describe("InviteUserDialog", () => {
  it("offers only the roles the actor may assign", () => {
    const { unmount } = render(
      <InviteUserDialog
        open
        onClose={vi.fn()}
        actorRole="admin"
        onInvite={vi.fn()}
        origin="https://app.test"
      />,
    );
    expect(roleValues()).toEqual(["admin", "manager", "rep", "viewer"]);
    unmount();

    render(
      <InviteUserDialog
        open
        onClose={vi.fn()}
        actorRole="owner"
        onInvite={vi.fn()}
        origin="https://app.test"
      />,
    );
    expect(roleValues()).toEqual(["owner", "admin", "manager", "rep", "viewer"]);
  });

  it("sends normalised input and then shows the absolute invite link with a working Copy button", async () => {
    const user = userEvent.setup();
    const onInvite = vi.fn(async (input: TInviteUserInput) => result(input));
    const copyText = vi.fn(async () => {});
    render(
      <InviteUserDialog
        open
        onClose={vi.fn()}
        actorRole="admin"
        onInvite={onInvite}
        origin="https://app.test"
        copyText={copyText}
      />,
    );

    await user.type(screen.getByLabelText("Email"), " New.Rep@Acme.TEST ");
    await user.type(screen.getByLabelText("Name"), "  Nina Rep ");
    await user.selectOptions(screen.getByLabelText("Role"), "manager");
    await user.click(screen.getByRole("button", { name: "Send invite" }));

    expect(onInvite).toHaveBeenCalledWith({ email: "new.rep@acme.test", name: "Nina Rep", role: "manager" });
    const link = (await screen.findByLabelText("Invite link")) as HTMLInputElement;
    expect(link.value).toBe("https://app.test/accept-invite?token=abcdefghijklmnopqrstuvwxyz");

    await user.click(screen.getByRole("button", { name: "Copy" }));
    expect(copyText).toHaveBeenCalledWith(link.value);
    expect(await screen.findByRole("button", { name: "Copied" })).toBeTruthy();
  });

  it("keeps the form and shows the server's message when the invite fails", async () => {
    const user = userEvent.setup();
    const error = Object.assign(new Error("Someone with that email is already on your team."), {
      data: { code: "CONFLICT" },
    });
    const onInvite = vi.fn(async () => {
      throw error;
    });
    render(<InviteUserDialog open onClose={vi.fn()} actorRole="owner" onInvite={onInvite} />);

    await user.type(screen.getByLabelText("Email"), "dup@acme.test");
    await user.type(screen.getByLabelText("Name"), "Dup");
    await user.click(screen.getByRole("button", { name: "Send invite" }));

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Someone with that email is already on your team.",
    );
    expect(screen.queryByLabelText("Invite link")).toBeNull();
    expect((screen.getByLabelText("Email") as HTMLInputElement).value).toBe("dup@acme.test");
  });

  it("closes on Escape and does not submit an invalid form", async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const onInvite = vi.fn();
    render(<InviteUserDialog open onClose={onClose} actorRole="owner" onInvite={onInvite} />);

    await user.click(screen.getByRole("button", { name: "Send invite" }));
    expect(onInvite).not.toHaveBeenCalled();
    expect(screen.getByText("Enter a valid email address")).toBeTruthy();
    expect(screen.getByText("Name is required")).toBeTruthy();

    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
