import { ZCalendarSettings } from "@plaibook/shared";
import { describe, expect, it } from "vitest";
import { computeOpenSlots } from "./open-slots.js";

const settings = ZCalendarSettings.parse({
  timeZone: "America/Chicago",
  days: [1, 2, 3, 4, 5],
  start: "09:00",
  end: "12:00",
  slotStepMinutes: 60,
});

describe("computeOpenSlots", () => {
  it("lists slots inside business hours in the business's zone, skipping bookings and weekends", () => {
    // Friday 2026-03-06 00:00 Chicago → Monday 2026-03-09 (DST starts Sunday the 8th).
    const slots = computeOpenSlots({
      settings,
      durationMinutes: 60,
      from: new Date("2026-03-06T06:00:00Z"),
      to: new Date("2026-03-10T06:00:00Z"),
      booked: [{ start: new Date("2026-03-06T16:00:00Z"), end: new Date("2026-03-06T17:00:00Z") }],
      limit: 10,
    });
    expect(slots.map((s) => s.start)).toEqual([
      "2026-03-06T15:00:00Z", // Fri 9:00 CST
      "2026-03-06T17:00:00Z", // Fri 11:00 (10:00 is booked)
      "2026-03-09T14:00:00Z", // Mon 9:00 CDT
      "2026-03-09T15:00:00Z",
      "2026-03-09T16:00:00Z",
    ]);
  });

  it("never offers a slot that would run past closing or starts before `from`", () => {
    const slots = computeOpenSlots({
      settings,
      durationMinutes: 90,
      from: new Date("2026-03-06T15:30:00Z"),
      to: new Date("2026-03-07T00:00:00Z"),
      booked: [],
      limit: 10,
    });
    expect(slots.map((s) => s.start)).toEqual(["2026-03-06T16:00:00Z"]);
    expect(slots[0]?.end).toBe("2026-03-06T17:30:00Z");
  });
});
