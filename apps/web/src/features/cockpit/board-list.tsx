import type { TBoardRow } from "@plaibook/shared";
import { useVirtualizer } from "@tanstack/react-virtual";
import { clsx } from "clsx";
import { useEffect, useRef } from "react";
import { BOARD_ROW_HEIGHT, BoardRow } from "./board-row";

/**
 * The board's rows, virtualised: only what is on screen (plus a few) is in the DOM, so 2,000 live rows
 * scroll smoothly. Rows are keyed by conversation id, so a live re-sort keeps the selection and the DOM
 * nodes of rows that stay; the selected row is scrolled into view when the selection changes.
 */
export function BoardList({
  rows,
  selectedId,
  myUserId,
  onSelect,
  className,
}: {
  rows: ReadonlyArray<TBoardRow>;
  selectedId: string | null;
  myUserId: string;
  onSelect: (conversationId: string) => void;
  className?: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => BOARD_ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.id ?? index,
    overscan: 8,
  });

  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  useEffect(() => {
    if (!selectedId) return;
    const index = rowsRef.current.findIndex((row) => row.id === selectedId);
    const scroller = scrollRef.current;
    if (index < 0 || !scroller) return;
    // Rows have one fixed height, so the row's place is known without measuring. Through the
    // virtualizer, which otherwise puts back the offset it last knew.
    const rowTop = index * BOARD_ROW_HEIGHT;
    const frame = requestAnimationFrame(() => {
      if (rowTop < scroller.scrollTop) virtualizer.scrollToOffset(rowTop);
      else if (rowTop + BOARD_ROW_HEIGHT > scroller.scrollTop + scroller.clientHeight)
        virtualizer.scrollToOffset(rowTop + BOARD_ROW_HEIGHT - scroller.clientHeight);
    });
    return () => cancelAnimationFrame(frame);
  }, [selectedId, virtualizer]);

  return (
    <div ref={scrollRef} className={clsx("overflow-y-auto overscroll-contain", className)}>
      <ul
        aria-label="Live conversations"
        className="relative w-full"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <li
              key={item.key}
              aria-setsize={rows.length}
              aria-posinset={item.index + 1}
              className="absolute top-0 left-0 w-full"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <BoardRow row={row} selected={row.id === selectedId} myUserId={myUserId} onSelect={onSelect} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
