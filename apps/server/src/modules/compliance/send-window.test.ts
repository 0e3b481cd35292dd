import { describe, expect, it } from "vitest";
import { isSendAllowed, nextSendTime } from "./send-window.js";

const allWeek = { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "23:59", timeZone: "UTC" };

describe("send window", () => {
  it("keeps to 8:00–21:00 in the lead's own zone: 7:00 in Honolulu waits until 8:00 there", () => {
    const sevenInHonolulu = new Date("2026-12-01T17:00:00Z"); // Honolulu is UTC−10: 07:00
    expect(isSendAllowed(sevenInHonolulu, "Pacific/Honolulu", allWeek)).toBe(false);
    expect(isSendAllowed(sevenInHonolulu, "America/New_York", allWeek)).toBe(true); // 12:00 in New York
    expect(nextSendTime(sevenInHonolulu, "Pacific/Honolulu", allWeek)?.toISOString()).toBe(
      "2026-12-01T18:00:00.000Z",
    );
  });

  it("stops at 21:00 and resumes at 8:00 the next morning", () => {
    const nineFifteenPm = new Date("2026-12-02T02:15:00Z"); // New York 21:15 on Dec 1
    expect(isSendAllowed(nineFifteenPm, "America/New_York", allWeek)).toBe(false);
    expect(nextSendTime(nineFifteenPm, "America/New_York", allWeek)?.toISOString()).toBe(
      "2026-12-02T13:00:00.000Z",
    );
  });

  it("respects the campaign's days and hours in the campaign's zone", () => {
    const weekdays = { days: [1, 2, 3, 4, 5], start: "09:30", end: "17:00", timeZone: "America/Chicago" };
    const saturdayNoon = new Date("2026-12-05T18:00:00Z"); // Sat 12:00 Chicago
    expect(isSendAllowed(saturdayNoon, "America/Chicago", weekdays)).toBe(false);
    expect(nextSendTime(saturdayNoon, "America/Chicago", weekdays)?.toISOString()).toBe(
      "2026-12-07T15:30:00.000Z",
    ); // Mon 09:30
  });

  it("returns null when no minute is ever allowed", () => {
    const impossible = { days: [1], start: "02:00", end: "03:00", timeZone: "America/New_York" };
    expect(nextSendTime(new Date("2026-12-01T12:00:00Z"), "America/New_York", impossible)).toBeNull();
  });
});
