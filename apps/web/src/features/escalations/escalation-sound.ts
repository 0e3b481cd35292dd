import { create } from "zustand";

const STORAGE_KEY = "plaibook.escalationSound";

function readStored(): boolean {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === "on";
  } catch {
    return false;
  }
}

type TSoundState = { enabled: boolean; setEnabled: (enabled: boolean) => void };

/** "Sound on escalation": off unless this browser turned it on (kept in localStorage). */
export const useEscalationSound = create<TSoundState>()((set) => ({
  enabled: readStored(),
  setEnabled: (enabled) => {
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, enabled ? "on" : "off");
    } catch {
      // Private mode: the choice lasts for this tab only.
    }
    set({ enabled });
    if (enabled) playBeep();
  },
}));

let audio: AudioContext | null = null;

/** A short two-tone beep (WebAudio; no file to load). Silently does nothing where audio is unavailable. */
export function playBeep(): void {
  try {
    const Context = globalThis.AudioContext;
    if (!Context) return;
    audio ??= new Context();
    const ctx = audio;
    if (ctx.state === "suspended") void ctx.resume();
    const start = ctx.currentTime;
    for (const [offset, frequency] of [
      [0, 880],
      [0.16, 660],
    ] as const) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = "sine";
      osc.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, start + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.14);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start + offset);
      osc.stop(start + offset + 0.15);
    }
  } catch {
    // No audio device, or the browser refused: the toast is still there.
  }
}
