import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { LiveImportProgress, mergeImport } from "./import-progress";
import { buildImport, fakeSocket } from "./test-helpers";

vi.mock("../../lib/socket", () => import("./test-helpers").then((m) => m.socketModule));

function progressbar() {
  return screen.getByRole("progressbar", { name: "Import progress" });
}

describe("LiveImportProgress", () => {
  it("moves the bar with import.progress events and offers rejected rows only when some were rejected", async () => {
    const user = userEvent.setup();
    const job = buildImport({ fileName: "spring.csv" });
    const onDownload = vi.fn();
    const onFinished = vi.fn();
    render(
      <LiveImportProgress
        initial={job}
        estimatedRows={4000}
        onDownloadRejected={onDownload}
        onFinished={onFinished}
      />,
    );
    expect(progressbar().getAttribute("aria-valuenow")).toBe("0");

    act(() => fakeSocket.emit("import.progress", { ...job, rowsRead: 1000, imported: 990, rejected: 10 }));
    expect(progressbar().getAttribute("aria-valuenow")).toBe("25");
    expect(screen.getByText(/1,000 of about 4,000 rows read/)).toBeTruthy();
    // Still running: no download yet even though rows were rejected.
    expect(screen.queryByRole("button", { name: /Download rejected rows/ })).toBeNull();

    // Another import's events and late, stale reports are ignored.
    act(() => fakeSocket.emit("import.progress", buildImport({ rowsRead: 3999 })));
    act(() => fakeSocket.emit("import.progress", { ...job, rowsRead: 500 }));
    expect(progressbar().getAttribute("aria-valuenow")).toBe("25");

    act(() =>
      fakeSocket.emit("import.progress", {
        ...job,
        status: "completed",
        rowsRead: 4000,
        imported: 3900,
        merged: 88,
        rejected: 12,
      }),
    );
    expect(progressbar().getAttribute("aria-valuenow")).toBe("100");
    expect(onFinished).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole("button", { name: "Download rejected rows (12)" }));
    expect(onDownload).toHaveBeenCalledWith(expect.objectContaining({ id: job.id, rejected: 12 }));
  });

  it("shows no download button when nothing was rejected", () => {
    const job = buildImport();
    render(<LiveImportProgress initial={job} onDownloadRejected={vi.fn()} />);
    act(() =>
      fakeSocket.emit("import.progress", { ...job, status: "completed", rowsRead: 50, imported: 50 }),
    );
    expect(screen.getByText(/50 new leads added/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Download rejected rows/ })).toBeNull();
  });

  it("never lets a running report overwrite a finished one", () => {
    const job = buildImport();
    const done = { ...job, status: "completed" as const, rowsRead: 10 };
    expect(mergeImport(done, { ...job, rowsRead: 20 })).toBe(done);
  });
});
