import type { TLeadImport } from "@plaibook/shared";
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ImportLeadsDialog } from "./import-leads-dialog";
import { buildImport, fakeSocket } from "./test-helpers";

vi.mock("../../lib/socket", () => import("./test-helpers").then((m) => m.socketModule));

const upload = vi.hoisted(() => ({ resolve: (_job: TLeadImport) => {}, calls: [] as unknown[] }));
vi.mock("./import-api", () => ({
  uploadLeadsCsv: (file: File, campaignId: string | null) => {
    upload.calls.push({ name: file.name, campaignId });
    return new Promise<TLeadImport>((resolve) => {
      upload.resolve = resolve;
    });
  },
  downloadRejectedRows: vi.fn(async () => {}),
}));

describe("ImportLeadsDialog", () => {
  it("follows the import live while the upload request is still open, then shows the summary", async () => {
    const user = userEvent.setup();
    const onImported = vi.fn();
    const campaignId = "00000000-0000-4000-8000-00000000c001";
    render(
      <ImportLeadsDialog
        open
        onClose={vi.fn()}
        campaigns={[{ id: campaignId, name: "Spring promo", status: "draft" }]}
        onImported={onImported}
      />,
    );
    expect(screen.getByText("Which columns can the file have?")).toBeTruthy();

    const file = new File(["phone,name\n+15550100001,Ann\n+15550100002,Bob\nbad,Cy\n"], "spring.csv", {
      type: "text/csv",
    });
    await user.upload(screen.getByLabelText("CSV file"), file);
    expect(await screen.findByText(/about 3 rows/)).toBeTruthy();
    await user.selectOptions(screen.getByLabelText("Add the leads to a campaign (optional)"), campaignId);
    await user.click(screen.getByRole("button", { name: "Upload and import" }));
    expect(upload.calls).toEqual([{ name: "spring.csv", campaignId }]);

    const job = buildImport({ fileName: "spring.csv", campaignId });
    act(() => fakeSocket.emit("import.progress", { ...job, rowsRead: 2, imported: 2 }));
    expect(screen.getByRole("progressbar", { name: "Import progress" }).getAttribute("aria-valuenow")).toBe(
      "66",
    );
    expect(screen.queryByRole("button", { name: /Download rejected rows/ })).toBeNull();

    act(() => upload.resolve({ ...job, status: "completed", rowsRead: 3, imported: 2, rejected: 1 }));
    expect(await screen.findByRole("button", { name: "Download rejected rows (1)" })).toBeTruthy();
    expect(
      screen.getByText(/2 new leads added and 0 existing leads updated; 1 row was rejected/),
    ).toBeTruthy();
    expect(onImported).toHaveBeenCalledTimes(1);
  });
});
