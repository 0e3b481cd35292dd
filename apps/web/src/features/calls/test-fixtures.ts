import type { TCall, TCallDetail, TCallListItem, TCallListPage } from "@plaibook/shared";

let seq = 0;
export const callId = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export function buildCall(overrides: Partial<TCall> = {}): TCall {
  const n = ++seq;
  return {
    id: callId(1000 + n),
    source: "upload",
    externalId: `upload-${n}`,
    repUserId: "11111111-1111-4111-8111-111111111111",
    repName: "Mia Me",
    leadPhone: "+12025550142",
    direction: "outbound",
    startedAt: "2025-03-04T15:00:00.000Z",
    fileName: `call-${n}.mp3`,
    bytes: 1_000_000,
    sha256: "0".repeat(64),
    durationSeconds: 120,
    status: "received",
    statusReason: null,
    progress: 0,
    hasSuppliedTranscript: false,
    createdAt: "2025-03-04T15:05:00.000Z",
    ...overrides,
  };
}

export function buildCallListItem(overrides: Partial<TCallListItem> = {}): TCallListItem {
  return {
    ...buildCall(),
    status: "analyzed",
    progress: 100,
    outcome: "booked",
    objectionCategories: ["price"],
    objectionCount: 1,
    repTalkRatio: 0.46,
    ...overrides,
  };
}

export function buildPage(items: TCallListItem[], overrides: Partial<TCallListPage> = {}): TCallListPage {
  return { items, total: items.length, page: 1, pageSize: 25, ...overrides };
}

/** A two-minute analysed call: five lines, a price objection at 20 s, booked at 95 s. */
export function buildCallDetail(overrides: Partial<TCallDetail> = {}): TCallDetail {
  return {
    ...buildCallListItem(),
    transcript: {
      source: "supplied",
      model: null,
      segments: [
        { speaker: "rep", start: 2, end: 8, text: "Hi, this is Mia from Acme Pest Control." },
        { speaker: "customer", start: 9, end: 15, text: "Hi. I've seen ants in the kitchen." },
        { speaker: "customer", start: 20, end: 26, text: "How much is it? That sounds expensive." },
        { speaker: "rep", start: 30, end: 60, text: "Our quarterly plan is 49 dollars and covers ants." },
        { speaker: "customer", start: 90, end: 100, text: "Okay, book me for Thursday." },
      ],
    },
    analysis: {
      speakers: { rep: "rep", customer: "customer" },
      stages: [
        { stage: "greeting", start: 0, end: 9 },
        { stage: "discovery", start: 9, end: 20 },
        { stage: "objection_handling", start: 20, end: 60 },
        { stage: "close", start: 60, end: 120 },
      ],
      objections: [
        {
          label: "price/too_expensive",
          category: "price",
          quote: "How much is it? That sounds expensive.",
          at: 20,
          segmentIndex: 2,
          handled: true,
          handling: "adequate",
          response: "Our quarterly plan is 49 dollars and covers ants.",
        },
      ],
      outcome: { label: "booked", evidence: "Okay, book me for Thursday.", at: 95 },
      metrics: {
        repTalkRatio: 0.46,
        longestRepMonologueSeconds: 30,
        repQuestions: 3,
        interactivityPerMinute: 2.5,
        patienceSeconds: 1.2,
      },
      coaching: [
        {
          kind: "strength",
          title: "Clear price answer",
          advice: "You named the price plainly.",
          at: 30,
          segmentIndex: 3,
        },
        {
          kind: "improvement",
          title: "Ask about the infestation",
          advice: "Ask where and since when before quoting.",
          at: 42,
          segmentIndex: 3,
        },
      ],
      summary: "The customer had ants; the rep quoted the quarterly plan and booked Thursday.",
    },
    analysisEngine: "offline",
    audioUrl: "/api/v1/calls/audio/signed-token",
    peaks: Array.from({ length: 200 }, (_, i) => Math.abs(Math.sin(i / 7))),
    ...overrides,
  };
}
