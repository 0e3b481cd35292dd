import { describe, expect, it } from "vitest";
import { applyBoardChanges, neighbourId, takeBatch } from "./board-patch";
import { buildBoard, buildRow, idOf } from "./test-fixtures";

const at = (minute: number) => `2025-01-02T10:${String(minute).padStart(2, "0")}:00.000Z`;
const counts = { all: 9, escalated: 1, needs_approval: 2, human: 3, ai: 3 };

describe("applyBoardChanges", () => {
  const a = buildRow(idOf(1), { lastMessageAt: at(3) });
  const b = buildRow(idOf(2), { lastMessageAt: at(2) });
  const c = buildRow(idOf(3), { lastMessageAt: at(1) });
  const board = buildBoard([a, b, c]);

  it("replaces a changed row, moves it to its place and keeps untouched rows as they were", () => {
    const fresher = { ...c, lastMessageAt: at(9), lastMessagePreview: "New!", updatedAt: at(9) };
    const next = applyBoardChanges(board, { rows: [fresher], removedIds: [], counts, asOf: at(9) }, "recent");
    expect(next.rows.map((r) => r.id)).toEqual([c.id, a.id, b.id]);
    expect(next.rows[0]?.lastMessagePreview).toBe("New!");
    // Same objects: memoised rows do not re-render.
    expect(next.rows[1]).toBe(a);
    expect(next.rows[2]).toBe(b);
    expect(next.counts).toEqual(counts);
  });

  it("inserts new rows and drops removed ones", () => {
    const d = buildRow(idOf(4), { lastMessageAt: at(2), updatedAt: at(5) });
    const next = applyBoardChanges(board, { rows: [d], removedIds: [a.id], counts, asOf: at(5) }, "recent");
    // b and d share a time: the id breaks the tie, as on the server.
    expect(next.rows.map((r) => r.id)).toEqual([b.id, d.id, c.id]);
  });

  it("re-sorts with the board's sort", () => {
    const angry = { ...b, sentiment: -0.8, updatedAt: at(6) };
    const next = applyBoardChanges(
      board,
      { rows: [angry], removedIds: [], counts, asOf: at(6) },
      "sentiment",
    );
    expect(next.rows[0]?.id).toBe(b.id);
  });

  it("never rolls a row back to an older version", () => {
    const newer = { ...a, lastMessagePreview: "newer", updatedAt: at(8) };
    const patched = applyBoardChanges(
      board,
      { rows: [newer], removedIds: [], counts, asOf: at(8) },
      "recent",
    );
    const stale = { ...a, lastMessagePreview: "older", updatedAt: at(7) };
    const after = applyBoardChanges(
      patched,
      { rows: [stale], removedIds: [], counts, asOf: at(7) },
      "recent",
    );
    expect(after.rows.find((r) => r.id === a.id)?.lastMessagePreview).toBe("newer");
  });

  it("moves asOf only for a complete (since) answer", () => {
    const changes = { rows: [], removedIds: [], counts, asOf: at(30) };
    expect(applyBoardChanges(board, changes, "recent").asOf).toBe(board.asOf);
    expect(applyBoardChanges(board, changes, "recent", { complete: true }).asOf).toBe(at(30));
  });

  it("ignores a row that is both changed and removed", () => {
    const d = buildRow(idOf(4));
    const next = applyBoardChanges(board, { rows: [d], removedIds: [d.id], counts, asOf: at(5) }, "recent");
    expect(next.rows.map((r) => r.id)).not.toContain(d.id);
  });
});

describe("takeBatch", () => {
  it("takes at most max ids and leaves the rest pending", () => {
    const pending = new Set(["a", "b", "c"]);
    expect(takeBatch(pending, 2)).toEqual(["a", "b"]);
    expect([...pending]).toEqual(["c"]);
    expect(takeBatch(pending)).toEqual(["c"]);
    expect(takeBatch(pending)).toEqual([]);
  });
});

describe("neighbourId", () => {
  const rows = [{ id: "a" }, { id: "b" }, { id: "c" }];
  it("steps down and up, stopping at the ends", () => {
    expect(neighbourId(rows, "a", 1)).toBe("b");
    expect(neighbourId(rows, "c", 1)).toBe("c");
    expect(neighbourId(rows, "b", -1)).toBe("a");
    expect(neighbourId(rows, "a", -1)).toBe("a");
  });
  it("starts at the top (j) or bottom (k) when nothing, or a row no longer on the board, is selected", () => {
    expect(neighbourId(rows, null, 1)).toBe("a");
    expect(neighbourId(rows, "gone", -1)).toBe("c");
    expect(neighbourId([], null, 1)).toBeNull();
  });
});

describe("live update pacing", () => {
  it("waits the debounce after a quiet spell, and a whole interval after a recent call", async () => {
    const { nextFlushIn, CHANGES_DEBOUNCE_MS, CHANGES_MIN_INTERVAL_MS } = await import("./use-board");
    expect(nextFlushIn(0, 10_000)).toBe(CHANGES_DEBOUNCE_MS);
    expect(nextFlushIn(10_000, 10_100)).toBe(CHANGES_MIN_INTERVAL_MS - 100);
    expect(nextFlushIn(10_000, 10_950)).toBe(CHANGES_DEBOUNCE_MS);
  });
});
