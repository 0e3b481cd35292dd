import { describe, expect, it } from "vitest";
import { compareBoardRows, sentimentBand, type TBoardRow } from "./cockpit.js";

const row = (id: string, over: Partial<TBoardRow>): TBoardRow => ({
  id,
  campaignId: null,
  campaignName: null,
  leadId: id,
  leadName: id,
  leadPhone: "+12025550100",
  ourNumber: "+12025550199",
  status: "open",
  lastMessageAt: null,
  lastMessagePreview: null,
  costMicros: 0,
  control: "ai",
  controlledBy: null,
  controlledByName: null,
  currentStage: null,
  sentimentTrend: [],
  averageAdherence: null,
  runningSummary: "",
  escalatedAt: null,
  escalationReason: null,
  pendingDrafts: 0,
  boardStatus: "ai",
  assignedTo: null,
  assignedToName: null,
  sentiment: null,
  waitingSince: null,
  updatedAt: "2026-11-30T10:00:00.000Z",
  ...over,
});

const ids = (rows: TBoardRow[]) => rows.map((r) => r.id);

describe("the board's order", () => {
  const rows = [
    row("a", {
      lastMessageAt: "2026-11-30T09:00:00.000Z",
      sentiment: 0.4,
      averageAdherence: 90,
      costMicros: 5,
    }),
    row("b", { lastMessageAt: null }),
    row("c", {
      lastMessageAt: "2026-11-30T09:30:00.000Z",
      boardStatus: "escalated",
      escalatedAt: "2026-11-30T09:30:00.000Z",
      sentiment: -0.8,
      averageAdherence: 40,
      costMicros: 50,
    }),
    row("d", {
      lastMessageAt: "2026-11-30T08:00:00.000Z",
      boardStatus: "human",
      waitingSince: "2026-11-30T08:00:00.000Z",
      sentiment: 0,
    }),
    row("e", {
      lastMessageAt: "2026-11-30T07:00:00.000Z",
      boardStatus: "escalated",
      escalatedAt: "2026-11-30T07:05:00.000Z",
    }),
  ];

  it("puts the latest activity first and silent conversations last", () => {
    expect(ids([...rows].sort(compareBoardRows("recent")))).toEqual(["c", "a", "d", "e", "b"]);
  });
  it("puts the most urgent status first, then who has waited longest", () => {
    expect(ids([...rows].sort(compareBoardRows("waiting")))).toEqual(["e", "c", "d", "a", "b"]);
  });
  it("orders by worst sentiment, lowest adherence and highest cost, unknowns last", () => {
    expect(ids([...rows].sort(compareBoardRows("sentiment")))).toEqual(["c", "d", "a", "e", "b"]);
    expect(ids([...rows].sort(compareBoardRows("adherence")))).toEqual(["c", "a", "d", "e", "b"]);
    expect(ids([...rows].sort(compareBoardRows("cost")))).toEqual(["c", "a", "d", "e", "b"]);
  });
  it("bands sentiment the way the filter does", () => {
    expect([-0.25, -0.1, 0.24, 0.25, null].map(sentimentBand)).toEqual([
      "negative",
      "neutral",
      "neutral",
      "positive",
      null,
    ]);
  });
});
