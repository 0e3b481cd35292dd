import type { TCallAnalysis } from "@plaibook/shared";
import { clsx } from "clsx";
import { Pause, Play } from "lucide-react";
import type { KeyboardEvent, PointerEvent } from "react";
import { useEffect, useId, useMemo, useRef } from "react";
import { focusRing } from "../../components/button";
import { clamp, formatClock } from "./call-format";
import { STAGE_COLORS, STAGE_LABELS } from "./labels";
import { useObjectionLabel } from "./objection-labels";
import { PLAYBACK_RATES, SEEK_STEP_SECONDS, usePlayer, usePlayerState } from "./player";

/** The waveform as one SVG path: a bar per peak, mirrored around the middle. */
export function peaksPath(peaks: ReadonlyArray<number>): string {
  const parts: string[] = [];
  for (let i = 0; i < peaks.length; i++) {
    const h = Math.max(1, clamp(peaks[i] ?? 0, 0, 1) * 46);
    parts.push(`M${i} ${(50 - h).toFixed(1)}h0.72v${(2 * h).toFixed(1)}h-0.72z`);
  }
  return parts.join("");
}

function fractionAt(event: PointerEvent<HTMLElement>): number {
  const rect = event.currentTarget.getBoundingClientRect();
  return rect.width > 0 ? clamp((event.clientX - rect.left) / rect.width, 0, 1) : 0;
}

/**
 * The recording's loudness over time; the part already played in colour. Click or drag to move the
 * playhead; as a slider it also takes ← / → (5 s), Page Up / Down (30 s), Home and End.
 */
export function Waveform({ peaks }: { peaks: ReadonlyArray<number> | null }) {
  const player = usePlayer();
  const currentTime = usePlayerState((s) => s.currentTime);
  const duration = usePlayerState((s) => s.duration);
  const clipId = useId();
  const dragging = useRef(false);
  const path = useMemo(() => (peaks && peaks.length > 0 ? peaksPath(peaks) : null), [peaks]);
  const width = peaks && peaks.length > 0 ? peaks.length : 100;
  const fraction = duration > 0 ? clamp(currentTime / duration, 0, 1) : 0;

  const seekTo = (event: PointerEvent<HTMLDivElement>) => {
    if (duration > 0) player.seek(fractionAt(event) * duration);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = {
      ArrowLeft: -SEEK_STEP_SECONDS,
      ArrowRight: SEEK_STEP_SECONDS,
      ArrowDown: -SEEK_STEP_SECONDS,
      ArrowUp: SEEK_STEP_SECONDS,
      PageDown: -30,
      PageUp: 30,
    };
    if (event.key in steps) player.seekBy(steps[event.key] ?? 0);
    else if (event.key === "Home") player.seek(0);
    else if (event.key === "End") player.seek(duration);
    else return;
    event.preventDefault();
  };

  return (
    <div
      role="slider"
      tabIndex={0}
      aria-label="Playback position"
      aria-valuemin={0}
      aria-valuemax={Math.round(duration)}
      aria-valuenow={Math.round(currentTime)}
      aria-valuetext={`${formatClock(currentTime)} of ${formatClock(duration)}`}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        seekTo(event);
      }}
      onPointerMove={(event) => {
        if (dragging.current) seekTo(event);
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture?.(event.pointerId);
      }}
      onPointerCancel={() => {
        dragging.current = false;
      }}
      className={clsx("relative h-16 cursor-pointer touch-none rounded-md select-none", focusRing)}
      data-testid="waveform"
    >
      <svg
        viewBox={`0 0 ${width} 100`}
        preserveAspectRatio="none"
        className="absolute inset-0 size-full"
        aria-hidden="true"
      >
        <defs>
          <clipPath id={clipId}>
            <rect x="0" y="0" width={fraction * width} height="100" />
          </clipPath>
        </defs>
        {path ? (
          <>
            <path d={path} className="fill-slate-300" />
            <path d={path} className="fill-indigo-500" clipPath={`url(#${clipId})`} />
          </>
        ) : (
          <>
            <rect x="0" y="48" width={width} height="4" className="fill-slate-200" />
            <rect x="0" y="48" width={fraction * width} height="4" className="fill-indigo-500" />
          </>
        )}
      </svg>
      <div
        aria-hidden="true"
        className="pointer-events-none absolute inset-y-0 w-0.5 -translate-x-1/2 bg-indigo-700"
        style={{ left: `${fraction * 100}%` }}
      />
    </div>
  );
}

/** Play / pause, the time, and the speed. */
export function PlayerControls() {
  const player = usePlayer();
  const playing = usePlayerState((s) => s.playing);
  const currentTime = usePlayerState((s) => Math.floor(s.currentTime));
  const duration = usePlayerState((s) => s.duration);
  const rate = usePlayerState((s) => s.rate);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => player.toggle()}
        aria-label={playing ? "Pause" : "Play"}
        className={clsx(
          "flex size-10 items-center justify-center rounded-full bg-indigo-600 text-white shadow-sm hover:bg-indigo-500",
          focusRing,
        )}
      >
        {playing ? (
          <Pause aria-hidden="true" className="size-5" />
        ) : (
          <Play aria-hidden="true" className="ml-0.5 size-5" />
        )}
      </button>
      <p className="text-sm text-slate-700 tabular-nums">
        <span data-testid="current-time">{formatClock(currentTime)}</span>
        <span className="text-slate-400"> / {formatClock(duration)}</span>
      </p>
      <fieldset className="ml-auto flex items-center gap-1">
        <legend className="sr-only">Playback speed</legend>
        {PLAYBACK_RATES.map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={rate === r}
            aria-label={`${r}× speed`}
            onClick={() => player.setRate(r)}
            className={clsx(
              "h-7 rounded-md px-2 text-xs font-semibold tabular-nums",
              rate === r ? "bg-indigo-600 text-white" : "bg-slate-100 text-slate-700 hover:bg-slate-200",
              focusRing,
            )}
          >
            {r}×
          </button>
        ))}
      </fieldset>
      <p className="hidden w-full text-xs text-slate-500 sm:block">
        <kbd className="rounded bg-slate-100 px-1 font-sans">Space</kbd> plays or pauses,{" "}
        <kbd className="rounded bg-slate-100 px-1 font-sans">←</kbd>{" "}
        <kbd className="rounded bg-slate-100 px-1 font-sans">→</kbd> jump 5 seconds.
      </p>
    </div>
  );
}

/**
 * Under the waveform: the call's stages as coloured bands and its objections as markers (hover or
 * focus for the words; click to listen from there).
 */
export function CallTimeline({ stages, objections }: Pick<TCallAnalysis, "stages" | "objections">) {
  const player = usePlayer();
  const objectionLabel = useObjectionLabel();
  const duration = usePlayerState((s) => s.duration);
  const fraction = usePlayerState((s) => (s.duration > 0 ? clamp(s.currentTime / s.duration, 0, 1) : 0));
  if (duration <= 0) return null;
  const pct = (t: number) => `${clamp((t / duration) * 100, 0, 100)}%`;
  const present = [...new Set(stages.map((s) => s.stage))];
  return (
    <div className="space-y-2">
      <div className="relative h-10" data-testid="timeline">
        <div className="absolute inset-x-0 top-0 h-3 overflow-hidden rounded bg-slate-100">
          {stages.map((span) => (
            <button
              key={`${span.stage}-${span.start}`}
              type="button"
              title={`${STAGE_LABELS[span.stage]}, ${formatClock(span.start)}–${formatClock(span.end)}`}
              aria-label={`${STAGE_LABELS[span.stage]}, ${formatClock(span.start)} to ${formatClock(span.end)}`}
              onClick={() => player.seek(span.start, { play: true })}
              className={clsx(
                "absolute inset-y-0 border-r border-white/70 hover:brightness-95",
                STAGE_COLORS[span.stage],
                focusRing,
              )}
              style={{ left: pct(span.start), width: pct(Math.max(0, span.end - span.start)) }}
            />
          ))}
        </div>
        {objections.map((objection, i) => {
          const left = (objection.at / duration) * 100;
          const words = objectionLabel(objection.label);
          return (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: objections have no id; the order is fixed
              key={i}
              className="group absolute top-4 -translate-x-1/2"
              style={{ left: pct(objection.at) }}
            >
              <button
                type="button"
                aria-label={`Objection at ${formatClock(objection.at)}: ${words}. “${objection.quote}”`}
                onClick={() => player.seek(objection.at, { play: true })}
                className={clsx(
                  "block size-3.5 rotate-45 rounded-[3px] ring-2 ring-white",
                  objection.handled ? "bg-amber-500" : "bg-rose-600",
                  focusRing,
                )}
              />
              <div
                role="tooltip"
                className={clsx(
                  "pointer-events-none absolute top-5 z-20 hidden w-64 rounded-md bg-slate-900 px-3 py-2 text-xs text-white shadow-lg group-focus-within:block group-hover:block",
                  left > 70 ? "right-0" : left < 30 ? "left-0" : "left-1/2 -translate-x-1/2",
                )}
              >
                <p className="font-semibold">
                  {words} · {formatClock(objection.at)}
                </p>
                {objection.quote ? <p className="mt-1 text-slate-200">“{objection.quote}”</p> : null}
              </div>
            </div>
          );
        })}
        <div
          aria-hidden="true"
          className="pointer-events-none absolute -top-1 h-5 w-0.5 -translate-x-1/2 bg-indigo-700"
          style={{ left: `${fraction * 100}%` }}
        />
      </div>
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label="Stages">
        {present.map((stage) => (
          <li key={stage} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={clsx("size-2.5 rounded-sm", STAGE_COLORS[stage])} />
            {STAGE_LABELS[stage]}
          </li>
        ))}
        {objections.length > 0 ? (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rotate-45 rounded-[2px] bg-amber-500" />
            Objection (handled)
          </li>
        ) : null}
        {objections.some((o) => !o.handled) ? (
          <li className="flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2.5 rotate-45 rounded-[2px] bg-rose-600" />
            Objection (not handled)
          </li>
        ) : null}
      </ul>
    </div>
  );
}

/** The hidden <audio> element wired to the page's player. */
export function AudioElement({ src }: { src: string }) {
  const player = usePlayer();
  const ref = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    player.attach(ref.current);
    return () => player.attach(null);
  }, [player]);
  // biome-ignore lint/a11y/useMediaCaption: call recordings have the synced transcript beside them
  return <audio ref={ref} src={src} preload="metadata" className="hidden" data-testid="call-audio" />;
}
