import type { TCallObjection, TTranscriptSegment } from "@plaibook/shared";
import { clsx } from "clsx";
import { LocateFixed } from "lucide-react";
import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { focusRing } from "../../components/button";
import { formatClock } from "./call-format";
import { useObjectionLabel } from "./objection-labels";
import { usePlayer, usePlayerState } from "./player";

/**
 * The line being spoken at `time`: the last segment that has started by then (so a pause between
 * lines keeps the previous one lit until the next begins); -1 before the first line. Segments are in
 * the order they start.
 */
export function currentSegmentIndex(
  segments: ReadonlyArray<Pick<TTranscriptSegment, "start">>,
  time: number,
): number {
  let lo = 0;
  let hi = segments.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segments[mid]?.start ?? Number.POSITIVE_INFINITY) <= time) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** Keys that scroll a focused box: pressing one means the person is reading elsewhere. */
const SCROLL_KEYS = new Set(["PageUp", "PageDown", "Home", "End", "ArrowUp", "ArrowDown"]);

type TLineProps = {
  segment: TTranscriptSegment;
  index: number;
  current: boolean;
  repName: string;
  objections: ReadonlyArray<TCallObjection>;
  onSeek: (seconds: number) => void;
};

const Line = memo(function Line({ segment, index, current, repName, objections, onSeek }: TLineProps) {
  const rep = segment.speaker === "rep";
  const objectionLabel = useObjectionLabel();
  return (
    <li data-index={index}>
      <button
        type="button"
        onClick={() => onSeek(segment.start)}
        aria-current={current ? "true" : undefined}
        className={clsx(
          "flex w-full gap-3 rounded-md px-3 py-2 text-left text-sm transition-colors",
          current ? "bg-indigo-50 ring-1 ring-indigo-200" : "hover:bg-slate-50",
          focusRing,
        )}
      >
        <span className="w-12 shrink-0 pt-px text-xs text-slate-400 tabular-nums">
          {formatClock(segment.start)}
        </span>
        <span className="min-w-0 flex-1">
          <span className={clsx("block text-xs font-semibold", rep ? "text-indigo-700" : "text-slate-600")}>
            {rep ? repName : "Customer"}
          </span>
          <span className={clsx("block", current ? "text-slate-900" : "text-slate-700")}>{segment.text}</span>
          {objections.map((objection) => (
            <span
              key={objection.label}
              className="mt-1 mr-1 inline-block rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-600/20 ring-inset"
            >
              Objection: {objectionLabel(objection.label)}
            </span>
          ))}
        </span>
      </button>
    </li>
  );
});

/**
 * The transcript, lit at the line being played and kept in view while "Follow playback" is on; scrolling
 * the transcript yourself turns following off (so it never pulls the text away from you) until you
 * turn it back on. Clicking a line plays from there.
 */
export function TranscriptView({
  segments,
  repName,
  objections = [],
}: {
  segments: ReadonlyArray<TTranscriptSegment>;
  repName: string;
  objections?: ReadonlyArray<TCallObjection>;
}) {
  const player = usePlayer();
  const current = usePlayerState((s) => currentSegmentIndex(segments, s.currentTime));
  const [follow, setFollow] = useState(true);
  const box = useRef<HTMLOListElement>(null);

  const bySegment = useMemo(() => {
    const map = new Map<number, TCallObjection[]>();
    for (const objection of objections) {
      map.set(objection.segmentIndex, [...(map.get(objection.segmentIndex) ?? []), objection]);
    }
    return map;
  }, [objections]);

  useEffect(() => {
    const list = box.current;
    if (!follow || !list || current < 0) return;
    const line = list.querySelector<HTMLElement>(`[data-index="${current}"]`);
    if (!line) return;
    // Scroll only the transcript's own box (scrollIntoView would move the whole page too); the box is
    // positioned, so a line's offsetTop is measured from its top.
    const top = line.offsetTop;
    const bottom = top + line.offsetHeight;
    if (top < list.scrollTop || bottom > list.scrollTop + list.clientHeight) {
      list.scrollTop = Math.max(0, top - list.clientHeight / 3);
    }
  }, [current, follow]);

  const stopFollowing = () => setFollow(false);
  const onSeek = useCallback((seconds: number) => player.seek(seconds, { play: true }), [player]);

  return (
    <div>
      <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2">
        <p className="text-xs text-slate-500">Click a line to play from there.</p>
        <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={follow}
            onChange={(e) => setFollow(e.target.checked)}
            className="size-4 accent-indigo-600"
          />
          <LocateFixed aria-hidden="true" className="size-4 text-slate-500" />
          Follow playback
        </label>
      </div>
      <ol
        ref={box}
        aria-label="Transcript"
        onWheel={stopFollowing}
        onTouchMove={stopFollowing}
        onKeyDown={(event) => {
          if (SCROLL_KEYS.has(event.key)) stopFollowing();
        }}
        onPointerDown={(event) => {
          // A press on the box itself (not a line) is its scrollbar.
          if (event.target === event.currentTarget) stopFollowing();
        }}
        className="relative max-h-[32rem] space-y-0.5 overflow-y-auto p-2"
      >
        {segments.map((segment, index) => (
          <Line
            // biome-ignore lint/suspicious/noArrayIndexKey: a transcript's lines never reorder
            key={index}
            segment={segment}
            index={index}
            current={index === current}
            repName={repName}
            objections={bySegment.get(index) ?? EMPTY}
            onSeek={onSeek}
          />
        ))}
      </ol>
    </div>
  );
}

const EMPTY: ReadonlyArray<TCallObjection> = [];
