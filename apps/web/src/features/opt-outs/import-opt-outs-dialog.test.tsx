import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ImportOptOutsDialog } from "./import-opt-outs-dialog";

function csv(name = "stops.csv") {
  return new File(["phone\n+15550100001\nnot-a-number\n"], name, { type: "text/csv" });
}

describe("ImportOptOutsDialog", () => {
  it("uploads the chosen file and lists each rejected row with its reason", async () => {
    const user = userEvent.setup();
    const onImport = vi.fn(async () => ({
      added: 1,
      rejected: [
        { row: 3, reason: "Not a valid phone number" },
        { row: 7, reason: "Missing phone" },
      ],
    }));
    const onImported = vi.fn();
    render(<ImportOptOutsDialog open onClose={vi.fn()} onImport={onImport} onImported={onImported} />);

    await user.upload(screen.getByLabelText("CSV file"), csv());
    expect(screen.getByText("stops.csv")).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Import" }));

    expect(await screen.findByText(/1 number added/)).toBeTruthy();
    expect(screen.getByText(/2 rows were not/)).toBeTruthy();
    const table = screen.getByRole("table", { name: "Rows that were not imported" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((r) => r.textContent)).toEqual(["3Not a valid phone number", "7Missing phone"]);
    expect(onImported).toHaveBeenCalledTimes(1);
  });

  it("refuses a file that is not CSV and shows the server's message on failure", async () => {
    const user = userEvent.setup({ applyAccept: false });
    const { TransferError } = await import("../leads/http-transfer");
    const onImport = vi.fn(async () => {
      throw new TransferError("The file has no phone column.", 400);
    });
    render(<ImportOptOutsDialog open onClose={vi.fn()} onImport={onImport} />);

    await user.upload(screen.getByLabelText("CSV file"), new File(["x"], "list.xlsx"));
    expect(screen.getByRole("alert").textContent).toBe("Choose a .csv file.");
    expect((screen.getByRole("button", { name: "Import" }) as HTMLButtonElement).disabled).toBe(true);

    await user.upload(screen.getByLabelText("CSV file"), csv());
    await user.click(screen.getByRole("button", { name: "Import" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The file has no phone column.");
  });
});
