import type { TTranscriptSegment } from "@plaibook/shared";

/** A stretch of recognised speech before we know (or guess) who said it. */
export type TTimedText = { start: number; end: number; text: string };

/** ZTranscriptSegment's limit on one segment's text. */
const MAX_TEXT = 5000;

/** Whitespace collapsed and trimmed, cut to the transcript's limit; "" for nothing said. */
export function cleanText(text: string): string {
  return text.replace(/\s+/g, " ").trim().slice(0, MAX_TEXT);
}

/**
 * Shifts a piece's timings by where the piece starts in the call, keeps them inside the piece, and drops
 * empty text.
 */
export function placeInCall(
  pieces: TTimedText[],
  offsetSeconds: number,
  lengthSeconds: number,
): TTimedText[] {
  const limit = offsetSeconds + lengthSeconds;
  return pieces.flatMap((piece) => {
    const text = cleanText(piece.text);
    if (!text) return [];
    const start = Math.min(limit, Math.max(offsetSeconds, offsetSeconds + piece.start));
    const end = Math.min(limit, Math.max(start, offsetSeconds + piece.end));
    return [{ start: round(start), end: round(end), text }];
  });
}

/** Both speakers' segments in one list, in the order they were spoken (ties: the earlier end first). */
export function mergeByStart(...lists: TTranscriptSegment[][]): TTranscriptSegment[] {
  return lists.flat().sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The pause (seconds) after which a one-channel transcript is taken to change speaker. */
export const TURN_PAUSE_SECONDS = 0.6;

/**
 * Speakers for a one-channel recording, where nothing tells the voices apart (no diariser here). The
 * guess, and it is only a guess: the speaker changes at every pause of at least 0.6 s between segments,
 * and the first speaker is the rep (who opens most calls: the greeting on an inbound call, the
 * introduction on an outbound one). A speaker who pauses mid-turn, or two who talk over each other, will
 * be labelled wrongly; two-channel recordings (one speaker per channel) do not need the guess.
 */
export function labelByTurns(pieces: TTimedText[], pauseSeconds = TURN_PAUSE_SECONDS): TTranscriptSegment[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start || a.end - b.end);
  let speaker: TTranscriptSegment["speaker"] = "rep";
  let previousEnd: number | null = null;
  return sorted.map((piece) => {
    // A hair under the pause still counts: timings are decimals (5.82 - 5.22 < 0.6 in floating point).
    if (previousEnd !== null && piece.start - previousEnd >= pauseSeconds - 1e-6)
      speaker = speaker === "rep" ? "customer" : "rep";
    previousEnd = Math.max(previousEnd ?? 0, piece.end);
    return { speaker, ...piece };
  });
}

const round = (seconds: number) => Math.round(seconds * 1000) / 1000;
