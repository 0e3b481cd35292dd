import { createContext, useContext, useEffect } from "react";
import type { StoreApi } from "zustand";
import { createStore, useStore } from "zustand";
import { clamp } from "./call-format";

export const PLAYBACK_RATES = [1, 1.5, 2] as const;
/** How far ← / → jump. */
export const SEEK_STEP_SECONDS = 5;

export type TPlayerState = {
  currentTime: number;
  /** From the audio's metadata once known, else the call's own duration. */
  duration: number;
  playing: boolean;
  rate: number;
};

export type TPlayer = {
  store: StoreApi<TPlayerState>;
  /** Connects the <audio> element (null disconnects it). */
  attach: (audio: HTMLAudioElement | null) => void;
  /** Moves the playhead; with `play`, starts playing from there (a click on a moment in the analysis). */
  seek: (seconds: number, options?: { play?: boolean }) => void;
  seekBy: (seconds: number) => void;
  toggle: () => void;
  setRate: (rate: number) => void;
  /** The call's duration as the server knows it, used until the audio's own metadata loads. */
  setFallbackDuration: (seconds: number) => void;
};

/**
 * The call page's playback state, outside React so the playhead can move 60 times a second without
 * re-rendering the page: components subscribe to the part they show (the waveform to the time, the
 * transcript to the current line).
 */
export function createPlayer(fallbackDuration: number): TPlayer {
  const store = createStore<TPlayerState>()(() => ({
    currentTime: 0,
    duration: fallbackDuration,
    playing: false,
    rate: 1,
  }));
  let audio: HTMLAudioElement | null = null;
  let frame: number | null = null;
  let detach: (() => void) | null = null;
  let metadataDuration = false;

  const tick = () => {
    frame = null;
    if (!audio) return;
    store.setState({ currentTime: audio.currentTime });
    if (!audio.paused) frame = requestAnimationFrame(tick);
  };
  const stopTicking = () => {
    if (frame !== null) cancelAnimationFrame(frame);
    frame = null;
  };

  const play = () => {
    if (!audio) return;
    // A browser may refuse (no user gesture yet); the button then still says "Play".
    const started = audio.play() as Promise<void> | undefined;
    started?.catch(() => store.setState({ playing: false }));
  };

  const seek: TPlayer["seek"] = (seconds, options = {}) => {
    const { duration } = store.getState();
    const t = clamp(seconds, 0, duration > 0 ? duration : Math.max(0, seconds));
    if (audio) audio.currentTime = t;
    store.setState({ currentTime: t });
    if (options.play && audio?.paused) play();
  };

  return {
    store,
    seek,
    attach(element) {
      detach?.();
      detach = null;
      stopTicking();
      audio = element;
      if (!element) return;
      const onPlay = () => {
        store.setState({ playing: true });
        stopTicking();
        frame = requestAnimationFrame(tick);
      };
      const onPause = () => {
        stopTicking();
        store.setState({ playing: false, currentTime: element.currentTime });
      };
      const onTime = () => {
        if (frame === null) store.setState({ currentTime: element.currentTime });
      };
      const onDuration = () => {
        if (Number.isFinite(element.duration) && element.duration > 0) {
          metadataDuration = true;
          store.setState({ duration: element.duration });
        }
      };
      const onRate = () => store.setState({ rate: element.playbackRate });
      const events: Array<[string, () => void]> = [
        ["play", onPlay],
        ["pause", onPause],
        ["ended", onPause],
        ["timeupdate", onTime],
        ["seeked", onTime],
        ["loadedmetadata", onDuration],
        ["durationchange", onDuration],
        ["ratechange", onRate],
      ];
      for (const [name, handler] of events) element.addEventListener(name, handler);
      element.playbackRate = store.getState().rate;
      onDuration();
      detach = () => {
        for (const [name, handler] of events) element.removeEventListener(name, handler);
      };
    },
    seekBy(seconds) {
      seek(store.getState().currentTime + seconds);
    },
    toggle() {
      if (!audio) return;
      if (audio.paused) play();
      else audio.pause();
    },
    setRate(rate) {
      if (audio) audio.playbackRate = rate;
      store.setState({ rate });
    },
    setFallbackDuration(seconds) {
      if (!metadataDuration && seconds > 0) store.setState({ duration: seconds });
    },
  };
}

export const PlayerContext = createContext<TPlayer | null>(null);

export function usePlayer(): TPlayer {
  const player = useContext(PlayerContext);
  if (!player) throw new Error("usePlayer() outside a PlayerContext");
  return player;
}

/** A slice of the playback state; the component re-renders only when that slice changes. */
export function usePlayerState<T>(select: (state: TPlayerState) => T): T {
  return useStore(usePlayer().store, select);
}

/** Where focus is typing (or choosing) something: the page's shortcuts stay out of the way. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) {
    return !["button", "checkbox", "radio", "range", "reset", "submit"].includes(target.type);
  }
  return false;
}

/**
 * The call page's keys: Space plays or pauses (unless focus is in a field, or on a button or link,
 * which Space activates), ← / → jump 5 seconds.
 */
export function usePlayerKeys(player: TPlayer) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target)) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (event.key === " ") {
        if (target?.closest("button, a[href], summary, [role='button'], input")) return;
        event.preventDefault();
        player.toggle();
      } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        if (target?.closest("[role='slider'], input[type='range']")) return;
        event.preventDefault();
        player.seekBy(event.key === "ArrowLeft" ? -SEEK_STEP_SECONDS : SEEK_STEP_SECONDS);
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [player]);
}
