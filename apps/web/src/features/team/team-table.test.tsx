import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { buildMember } from "../../test/fixtures";
import { TeamTable } from "./team-table";

const owner = buildMember({ name: "Olive Owner", role: "owner" });
const admin = buildMember({ name: "Adam Admin", role: "admin" });
const rep = buildMember({ name: "Rita Rep", role: "rep" });
const gone = buildMember({ name: "Dan Gone", role: "rep", status: "deactivated" });
const viewer = buildMember({ name: "Vic Viewer", role: "viewer", status: "invited", lastLoginAt: null });
const members = [owner, admin, rep, gone, viewer];

const handlers = () => ({ onChangeRole: vi.fn(), onDeactivate: vi.fn(), onReactivate: vi.fn() });

describe("TeamTable", () => {
  it("shows a viewer every member read-only, with no action controls at all", () => {
    render(<TeamTable members={members} actor={{ id: viewer.id, role: "viewer" }} {...handlers()} />);

    expect(screen.getAllByRole("row")).toHaveLength(members.length + 1);
    expect(screen.getByText(rep.email)).toBeTruthy();
    expect(screen.queryAllByRole("combobox")).toHaveLength(0);
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryByRole("columnheader", { name: "Actions" })).toBeNull();
    // Status and "never signed in" are still visible to everyone.
    const viewerRow = screen.getByRole("row", { name: /Vic Viewer/ });
    expect(within(viewerRow).getByText("Invited")).toBeTruthy();
    expect(within(viewerRow).getByText("Never")).toBeTruthy();
  });

  it("gives an admin controls for members below owner, but not for owners or their own row", () => {
    render(<TeamTable members={members} actor={{ id: admin.id, role: "admin" }} {...handlers()} />);

    expect(screen.getByLabelText("Role for Rita Rep")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Deactivate Rita Rep" })).toBeTruthy();
    expect(screen.queryByLabelText("Role for Olive Owner")).toBeNull();
    expect(screen.queryByRole("button", { name: "Deactivate Olive Owner" })).toBeNull();
    expect(screen.queryByLabelText("Role for Adam Admin")).toBeNull();
    expect(screen.queryByRole("button", { name: "Deactivate Adam Admin" })).toBeNull();

    // Admins cannot make owners.
    const options = within(screen.getByLabelText("Role for Rita Rep")).getAllByRole("option");
    expect(options.map((o) => o.getAttribute("value"))).toEqual(["admin", "manager", "rep", "viewer"]);
  });

  it("lets an owner act on every other row and wires each control to its handler", async () => {
    const user = userEvent.setup();
    const h = handlers();
    render(<TeamTable members={members} actor={{ id: owner.id, role: "owner" }} {...h} />);

    await user.selectOptions(screen.getByLabelText("Role for Adam Admin"), "owner");
    expect(h.onChangeRole).toHaveBeenCalledWith(admin, "owner");

    await user.click(screen.getByRole("button", { name: "Deactivate Rita Rep" }));
    expect(h.onDeactivate).toHaveBeenCalledWith(rep);

    // A deactivated member offers Reactivate instead of Deactivate.
    expect(screen.queryByRole("button", { name: "Deactivate Dan Gone" })).toBeNull();
    await user.click(screen.getByRole("button", { name: "Reactivate Dan Gone" }));
    expect(h.onReactivate).toHaveBeenCalledWith(gone);

    expect(screen.queryByLabelText("Role for Olive Owner")).toBeNull();
  });

  it("disables the controls of a member with a request in flight", () => {
    render(
      <TeamTable
        members={members}
        actor={{ id: owner.id, role: "owner" }}
        busyUserId={rep.id}
        {...handlers()}
      />,
    );
    expect((screen.getByLabelText("Role for Rita Rep") as HTMLSelectElement).disabled).toBe(true);
    expect((screen.getByLabelText("Role for Adam Admin") as HTMLSelectElement).disabled).toBe(false);
  });
});
