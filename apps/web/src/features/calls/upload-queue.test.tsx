import type { TCall, TCallUploadMeta } from "@plaibook/shared";
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeSocket, renderWithServer } from "../leads/test-helpers";
import { CallsPanel } from "./calls-panel";
import { buildCall, buildPage } from "./test-fixtures";
import { refuseRecording, useUploadStore } from "./upload-queue";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

type TSent = {
  name: string;
  meta: TCallUploadMeta;
  transcript: unknown;
  progress: (fraction: number) => void;
  resolve: (call: TCall) => void;
  reject: (error: Error) => void;
};
const uploads = vi.hoisted(() => ({ sent: [] as TSent[] }));
vi.mock("./calls-api", () => ({
  uploadCallRecording: (
    file: File,
    meta: TCallUploadMeta,
    transcript: unknown,
    options: { onProgress?: (f: number) => void },
  ) =>
    new Promise<TCall>((resolve, reject) => {
      uploads.sent.push({
        name: file.name,
        meta,
        transcript,
        progress: (f) => options.onProgress?.(f),
        resolve,
        reject,
      });
    }),
}));

const ME = "11111111-1111-4111-8111-111111111111";

function audio(name: string, bytes = 1024): File {
  const file = new File(["x"], name, { type: "audio/mpeg" });
  Object.defineProperty(file, "size", { value: bytes });
  return file;
}

function renderPanel() {
  return renderWithServer(
    <CallsPanel
      search={{}}
      onSearchChange={() => {}}
      renderCallLink={(id, label) => <a href={`/calls/${id}`}>{label}</a>}
    />,
    {
      role: "rep",
      handlers: {
        "calls.list": () => buildPage([]),
        "calls.reps": () => [{ id: ME, name: "Mia Me" }],
      },
    },
  );
}

function row(name: string): HTMLElement {
  const rows = screen.getAllByTestId("upload-row");
  const found = rows.find((r) => within(r).queryByTitle(name));
  if (!found) throw new Error(`no upload row for ${name}`);
  return found;
}

beforeEach(() => {
  uploads.sent = [];
  useUploadStore.getState().reset();
});

describe("refuseRecording", () => {
  it("accepts the five audio containers up to 200 MB and refuses the rest with a reason", () => {
    expect(refuseRecording({ name: "call.M4A", size: 10 })).toBeNull();
    expect(refuseRecording({ name: "notes.txt", size: 10 })).toMatch(/WAV, MP3, M4A, OGG or FLAC/);
    expect(refuseRecording({ name: "call.wav", size: 200 * 1024 * 1024 })).toBeNull();
    expect(refuseRecording({ name: "call.wav", size: 200 * 1024 * 1024 + 1 })).toMatch(/up to 200.0 MB/);
  });
});

describe("Upload recordings", () => {
  it("refuses a .txt and a 201 MB file up front, sends the rest two at a time with their own progress", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPanel();
    await user.click(await screen.findByRole("button", { name: "Upload recordings" }));
    await user.upload(screen.getByLabelText("Call recordings"), [
      audio("notes.txt"),
      audio("huge.wav", 201 * 1024 * 1024),
      audio("one.mp3"),
      audio("two.wav"),
      audio("three.flac"),
    ]);

    expect(within(row("notes.txt")).getByRole("alert").textContent).toBe(
      "Not a recording we can read. Upload a WAV, MP3, M4A, OGG or FLAC file.",
    );
    expect(within(row("huge.wav")).getByRole("alert").textContent).toBe(
      "Too large (201.0 MB). Recordings can be up to 200.0 MB.",
    );

    await user.type(screen.getByLabelText("Lead phone (optional)"), "+12025550142");
    await user.click(screen.getByRole("button", { name: "Upload 3 recordings" }));

    // Two go at once; the third waits its turn. The refused files are never sent.
    expect(uploads.sent.map((s) => s.name)).toEqual(["one.mp3", "two.wav"]);
    expect(uploads.sent[0]?.meta).toMatchObject({
      direction: "outbound",
      repUserId: ME,
      leadPhone: "+12025550142",
    });
    expect(within(row("three.flac")).getByText("Waiting for a free slot…")).toBeTruthy();

    act(() => uploads.sent[0]?.progress(0.5));
    act(() => uploads.sent[1]?.progress(0.2));
    const bar = (name: string) =>
      within(row(name))
        .getByRole("progressbar", { name: `Upload of ${name}` })
        .getAttribute("aria-valuenow");
    expect(bar("one.mp3")).toBe("50");
    expect(bar("two.wav")).toBe("20");

    const call = buildCall({ fileName: "one.mp3", status: "received", progress: 0 });
    await act(async () => uploads.sent[0]?.resolve(call));
    await waitFor(() =>
      expect(uploads.sent.map((s) => s.name)).toEqual(["one.mp3", "two.wav", "three.flac"]),
    );

    // Then the pipeline, live from call.progress.
    act(() =>
      fakeSocket.emit("call.progress", {
        callId: call.id,
        status: "transcribing",
        progress: 40,
        statusReason: null,
        durationSeconds: 120,
      }),
    );
    const processing = within(row("one.mp3")).getByRole("progressbar", { name: "Processing of one.mp3" });
    expect(processing.getAttribute("aria-valuenow")).toBe("40");
    expect(within(row("one.mp3")).getByText("Transcribing")).toBeTruthy();

    act(() =>
      fakeSocket.emit("call.progress", {
        callId: call.id,
        status: "needs_transcript",
        progress: 40,
        statusReason: "No speech-to-text engine is configured",
        durationSeconds: 120,
      }),
    );
    expect(within(row("one.mp3")).getByText("No speech-to-text engine is configured")).toBeTruthy();
    expect(within(row("one.mp3")).getByRole("link", { name: "Open call" }).getAttribute("href")).toBe(
      `/calls/${call.id}`,
    );

    // A server refusal shows its message on that file only.
    await act(async () => uploads.sent[1]?.reject(new Error("x")));
    expect(within(row("two.wav")).getByRole("alert").textContent).toMatch(/Something went wrong/);
  });

  it("checks an attached transcript before sending and sends it with the recording", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPanel();
    await user.click(await screen.findByRole("button", { name: "Upload recordings" }));
    await user.upload(screen.getByLabelText("Call recordings"), audio("call.wav"));
    await user.click(screen.getByText("Advanced: attach a transcript"));

    const bad = new File(['{"segments": []}'], "bad.json", { type: "application/json" });
    await user.upload(screen.getByLabelText("Transcript for call.wav"), bad);
    expect((await screen.findByRole("alert")).textContent).toMatch(/at least one segment/);
    expect((screen.getByRole("button", { name: "Upload recording" }) as HTMLButtonElement).disabled).toBe(
      true,
    );

    const segments = [{ speaker: "rep", start: 0, end: 2, text: "Hello" }];
    const good = new File([JSON.stringify({ segments })], "good.json", { type: "application/json" });
    await user.upload(screen.getByLabelText("Transcript for call.wav"), good);
    expect(await screen.findByText(/good\.json \(1 segments\)/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "Upload recording" }));
    expect(uploads.sent[0]?.transcript).toEqual({ segments });
  });

  it("says what is wrong with the form instead of sending", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderPanel();
    await user.click(await screen.findByRole("button", { name: "Upload recordings" }));
    await user.upload(screen.getByLabelText("Call recordings"), audio("call.wav"));
    await user.type(screen.getByLabelText("Lead phone (optional)"), "555-0142");
    await user.click(screen.getByRole("button", { name: "Upload recording" }));
    expect(screen.getByText("Use the international form, e.g. +12025550142.")).toBeTruthy();
    expect(uploads.sent).toHaveLength(0);
  });
});
