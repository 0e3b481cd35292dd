import type { TBoard, TBoardChanges, TBoardRow, TBoardSort } from "@plaibook/shared";
import { compareBoardRows } from "@plaibook/shared";

/**
 * Folds a `cockpit.changes` answer into the board: changed rows replace theirs (or join the board),
 * removed ids leave it, the order is rebuilt with the server's comparator and the counters are the
 * server's. Rows the answer does not mention keep their object identity, so React skips them.
 * `complete`: the answer is everything changed since the board's `asOf` (after a reconnect).
 */
export function applyBoardChanges(
  board: TBoard,
  changes: TBoardChanges,
  sort: TBoardSort,
  { complete = false }: { complete?: boolean } = {},
): TBoard {
  const removed = new Set(changes.removedIds);
  const changed = new Map(changes.rows.map((row) => [row.id, row] as const));
  const rows: TBoardRow[] = [];
  for (const row of board.rows) {
    if (removed.has(row.id)) continue;
    const next = changed.get(row.id);
    if (next) {
      changed.delete(row.id);
      // An older answer arriving after a newer one must not roll a row back.
      rows.push(next.updatedAt >= row.updatedAt ? next : row);
    } else rows.push(row);
  }
  for (const row of changed.values()) if (!removed.has(row.id)) rows.push(row);
  rows.sort(compareBoardRows(sort));
  return {
    ...board,
    rows,
    counts: changes.counts,
    // Only an answer that covers every row (`since`) moves `asOf`: one for a few ids says nothing of the
    // rest, and a reconnect must ask for everything since the oldest moment we may have missed.
    asOf: complete && changes.asOf > board.asOf ? changes.asOf : board.asOf,
  };
}

/** Collects conversation ids from live events and hands them over in batches of at most `max`. */
export function takeBatch(pending: Set<string>, max = 500): string[] {
  const batch: string[] = [];
  for (const id of pending) {
    if (batch.length >= max) break;
    batch.push(id);
  }
  for (const id of batch) pending.delete(id);
  return batch;
}

/** The row after (`+1`) or before (`-1`) the selected one; the first row when nothing is selected. */
export function neighbourId(
  rows: ReadonlyArray<Pick<TBoardRow, "id">>,
  selectedId: string | null,
  step: 1 | -1,
): string | null {
  if (rows.length === 0) return null;
  const index = selectedId ? rows.findIndex((row) => row.id === selectedId) : -1;
  if (index === -1) return (step === 1 ? rows[0] : rows[rows.length - 1])?.id ?? null;
  const next = Math.min(rows.length - 1, Math.max(0, index + step));
  return rows[next]?.id ?? null;
}
