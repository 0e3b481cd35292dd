import type { TCallDetail } from "@plaibook/shared";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeSocket, renderWithServer } from "../leads/test-helpers";
import { CallDetailPanel } from "./call-detail-page";
import { createPlayer, PlayerContext } from "./player";
import { buildCallDetail, callId } from "./test-fixtures";
import { currentSegmentIndex, TranscriptView } from "./transcript-view";

vi.mock("../../lib/socket", () => import("../leads/test-helpers").then((m) => m.socketModule));

// jsdom has no media playback: play() and pause() only flip `paused` and fire their events here.
let paused = true;
beforeEach(() => {
  paused = true;
  vi.spyOn(HTMLMediaElement.prototype, "paused", "get").mockImplementation(() => paused);
  vi.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
    paused = false;
    this.dispatchEvent(new Event("play"));
    return Promise.resolve();
  });
  vi.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(function (this: HTMLMediaElement) {
    paused = true;
    this.dispatchEvent(new Event("pause"));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const segments = buildCallDetail().transcript?.segments ?? [];

describe("currentSegmentIndex", () => {
  it("is the last line that has started, through the pauses between lines", () => {
    expect(currentSegmentIndex(segments, 0)).toBe(-1);
    expect(currentSegmentIndex(segments, 2)).toBe(0);
    expect(currentSegmentIndex(segments, 8.5)).toBe(0); // the gap after line 0
    expect(currentSegmentIndex(segments, 9)).toBe(1);
    expect(currentSegmentIndex(segments, 45)).toBe(3);
    expect(currentSegmentIndex(segments, 89.9)).toBe(3);
    expect(currentSegmentIndex(segments, 500)).toBe(4);
    expect(currentSegmentIndex([], 10)).toBe(-1);
  });
});

describe("TranscriptView", () => {
  function renderTranscript() {
    const player = createPlayer(120);
    render(
      <PlayerContext.Provider value={player}>
        <TranscriptView segments={segments} repName="Mia Me" />
      </PlayerContext.Provider>,
    );
    const current = () =>
      screen.getAllByRole("button").find((b) => b.getAttribute("aria-current") === "true");
    return { player, current };
  }

  it("lights the line being played as the time moves", () => {
    const { player, current } = renderTranscript();
    expect(current()).toBeUndefined();
    act(() => player.store.setState({ currentTime: 21 }));
    expect(current()?.textContent).toContain("How much is it?");
    act(() => player.store.setState({ currentTime: 75 }));
    expect(current()?.textContent).toContain("Our quarterly plan");
    act(() => player.store.setState({ currentTime: 95 }));
    expect(current()?.textContent).toContain("book me for Thursday");
  });

  it("stops following when the reader scrolls the transcript, until they turn it back on", async () => {
    const user = userEvent.setup();
    renderTranscript();
    const follow = screen.getByRole("checkbox", { name: "Follow playback" }) as HTMLInputElement;
    expect(follow.checked).toBe(true);
    fireEvent.wheel(screen.getByRole("list", { name: "Transcript" }));
    expect(follow.checked).toBe(false);
    await user.click(follow);
    expect(follow.checked).toBe(true);
  });
});

describe("CallDetailPanel", () => {
  function renderCall(detail: TCallDetail, role: "manager" | "viewer" = "manager") {
    return renderWithServer(
      <CallDetailPanel
        callId={detail.id}
        backLink={<a href="/calls">Back to calls</a>}
        settingsLink={<a href="/settings/calls">Settings → Calls</a>}
      />,
      { role, handlers: { "calls.get": () => detail } },
    );
  }

  it("shows the analysis cards, and a coaching card's moment seeks the audio and plays it", async () => {
    const user = userEvent.setup();
    const detail = buildCallDetail({ id: callId(7) });
    renderCall(detail);

    expect(await screen.findByRole("heading", { name: "Call with +1 (202) 555-0142" })).toBeTruthy();
    // Outcome with its evidence; objections in words with the rep's answer; talk metrics; summary.
    expect(screen.getByText("Booked", { selector: "span" })).toBeTruthy();
    expect(screen.getAllByText("“Okay, book me for Thursday.”").length).toBeGreaterThan(0);
    const objections = screen
      .getByRole("heading", { name: "Objections" })
      .closest("div.rounded-xl") as HTMLElement;
    expect(within(objections).getByText("Price: too expensive")).toBeTruthy();
    expect(within(objections).getByText("Handled adequately")).toBeTruthy();
    expect(within(objections).getByText(/Our quarterly plan is 49 dollars/)).toBeTruthy();
    expect(screen.getByRole("img", { name: "Talk time: rep 46%, customer 54%" })).toBeTruthy();
    expect(screen.getByText("30 s")).toBeTruthy(); // longest monologue
    expect(screen.getByText(/the rep quoted the quarterly plan and booked Thursday/)).toBeTruthy();
    expect(screen.getByText("Clear price answer")).toBeTruthy();

    const audio = screen.getByTestId("call-audio") as HTMLAudioElement;
    await user.click(screen.getByRole("button", { name: "Go to moment 0:42: Ask about the infestation" }));
    expect(audio.currentTime).toBe(42);
    expect(HTMLMediaElement.prototype.play).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("current-time").textContent).toBe("0:42");
    expect(screen.getByRole("slider", { name: "Playback position" }).getAttribute("aria-valuenow")).toBe(
      "42",
    );
    expect(screen.getByRole("button", { name: "Pause" })).toBeTruthy();
  });

  it("plays and pauses with Space, jumps 5 seconds with the arrow keys, and changes speed", async () => {
    const user = userEvent.setup();
    renderCall(buildCallDetail({ id: callId(8) }));
    await screen.findByRole("heading", { name: /Call with/ });
    const audio = screen.getByTestId("call-audio") as HTMLAudioElement;

    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Pause" })).toBeTruthy();
    await user.keyboard("{ArrowRight}{ArrowRight}");
    expect(audio.currentTime).toBe(10);
    await user.keyboard("{ArrowLeft}");
    expect(audio.currentTime).toBe(5);
    await user.keyboard(" ");
    expect(screen.getByRole("button", { name: "Play" })).toBeTruthy();

    await user.click(screen.getByRole("button", { name: "1.5× speed" }));
    expect(audio.playbackRate).toBe(1.5);
    expect(screen.getByRole("button", { name: "1.5× speed" }).getAttribute("aria-pressed")).toBe("true");

    // An objection marker on the timeline seeks too.
    await user.click(screen.getByRole("button", { name: /^Objection at 0:20: Price: too expensive/ }));
    expect(audio.currentTime).toBe(20);
  });

  it("seeks when the waveform is clicked", async () => {
    renderCall(buildCallDetail({ id: callId(9) }));
    await screen.findByRole("heading", { name: /Call with/ });
    const waveform = screen.getByTestId("waveform");
    vi.spyOn(waveform, "getBoundingClientRect").mockReturnValue(
      DOMRect.fromRect({ x: 100, y: 0, width: 400, height: 64 }),
    );
    fireEvent.pointerDown(waveform, { clientX: 300, pointerId: 1 });
    expect((screen.getByTestId("call-audio") as HTMLAudioElement).currentTime).toBe(60);
  });

  it("shows live progress while the call is processed, then the analysis once it is in", async () => {
    const full = buildCallDetail({ id: callId(10) });
    let detail: TCallDetail = {
      ...full,
      status: "transcribing",
      progress: 35,
      transcript: null,
      analysis: null,
      outcome: null,
    };
    renderWithServer(
      <CallDetailPanel
        callId={full.id}
        backLink={null}
        settingsLink={<a href="/settings/calls">Settings → Calls</a>}
      />,
      { handlers: { "calls.get": () => detail } },
    );
    expect(await screen.findByText("Analysing this call…")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Call processing" }).getAttribute("aria-valuenow")).toBe(
      "35",
    );
    expect(screen.queryByText("Coaching")).toBeNull();

    await act(async () => {
      fakeSocket.emit("call.progress", {
        callId: full.id,
        status: "analyzing",
        progress: 80,
        statusReason: null,
        durationSeconds: 120,
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
    expect(screen.getByRole("progressbar", { name: "Call processing" }).getAttribute("aria-valuenow")).toBe(
      "80",
    );

    detail = full;
    await act(async () => {
      fakeSocket.emit("call.progress", {
        callId: full.id,
        status: "analyzed",
        progress: 100,
        statusReason: null,
        durationSeconds: 120,
      });
    });
    expect(await screen.findByRole("heading", { name: "Coaching" })).toBeTruthy();
    expect(screen.queryByText("Analysing this call…")).toBeNull();
  });

  it("explains a call waiting for a transcript and points to the settings", async () => {
    const base = buildCallDetail({ id: callId(11) });
    renderCall({
      ...base,
      status: "needs_transcript",
      statusReason: "Speech-to-text is off for this organisation",
      transcript: null,
      analysis: null,
    });
    expect(await screen.findByText("This call is waiting for a transcript")).toBeTruthy();
    expect(screen.getByText("Speech-to-text is off for this organisation")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Settings → Calls" })).toBeTruthy();
  });

  it("takes a waiting call's transcript from a JSON file, refusing one that does not fit the format", async () => {
    const user = userEvent.setup();
    const base = buildCallDetail({ id: callId(13) });
    const sent: unknown[] = [];
    renderWithServer(
      <CallDetailPanel
        callId={base.id}
        backLink={<a href="/calls">Back to calls</a>}
        settingsLink={<a href="/settings/calls">Settings → Calls</a>}
      />,
      {
        role: "manager",
        handlers: {
          "calls.get": () => ({
            ...base,
            status: "needs_transcript",
            statusReason: "Waiting",
            transcript: null,
            analysis: null,
          }),
          "calls.supplyTranscript": (input: unknown) => {
            sent.push(input);
            return { ...base, status: "transcribing", statusReason: null, progress: 35 };
          },
        },
      },
    );
    const picker = await screen.findByLabelText("Add its transcript");
    const bad = new File(
      [JSON.stringify({ segments: [{ speaker: "caller", start: 0, end: 1, text: "hi" }] })],
      "bad.json",
      {
        type: "application/json",
      },
    );
    await user.upload(picker, bad);
    expect((await screen.findByRole("alert")).textContent).toContain(
      "bad.json: The transcript doesn't fit the format",
    );
    expect(sent).toEqual([]);
    const transcript = { segments: [{ speaker: "rep", start: 0, end: 2, text: "Hi, it's Sam from Acme." }] };
    await user.upload(
      picker,
      new File([JSON.stringify(transcript)], "call.json", { type: "application/json" }),
    );
    await vi.waitFor(() => expect(sent).toEqual([{ id: base.id, transcript }]));
  });

  it("names an org's own objection subcategory by the label it gave in Settings → Calls", async () => {
    const base = buildCallDetail({ id: callId(14) });
    const analysis = base.analysis;
    if (!analysis) throw new Error("fixture has no analysis");
    const objection = {
      ...analysis.objections[0],
      label: "price/financing",
    } as (typeof analysis.objections)[number];
    renderWithServer(
      <CallDetailPanel
        callId={base.id}
        backLink={<a href="/calls">Back to calls</a>}
        settingsLink={<a href="/settings/calls">Settings → Calls</a>}
      />,
      {
        role: "manager",
        handlers: {
          "calls.get": () => ({ ...base, analysis: { ...analysis, objections: [objection] } }),
          "callSettings.get": () => ({
            transcription: { engine: "pocketsphinx", repChannel: "left" },
            customObjections: [
              {
                category: "price",
                slug: "financing",
                label: "Needs financing",
                examples: ["can I pay monthly"],
              },
            ],
          }),
        },
      },
    );
    expect(await screen.findByText("Price: Needs financing", { selector: "p" })).toBeTruthy();
  });

  it("offers Retry on a failed call only to those who may upload", async () => {
    const failed = {
      ...buildCallDetail({ id: callId(12) }),
      status: "failed" as const,
      statusReason: "ffmpeg could not decode the file",
      analysis: null,
    };
    renderCall(failed, "viewer");
    expect(await screen.findByText("ffmpeg could not decode the file")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Retry" })).toBeNull();
  });
});
