import type { TBookableSlot, TCalendarSettings } from "@plaibook/shared";
import { DateTime } from "luxon";

export type TInterval = { start: Date; end: Date };

/**
 * Open slots of the internal calendar in [from, to): inside the business's days and hours (in its
 * zone), on the slot grid, long enough for the appointment, not overlapping a booking. Pure.
 */
export function computeOpenSlots(input: {
  settings: TCalendarSettings;
  durationMinutes: number;
  from: Date;
  to: Date;
  booked: TInterval[];
  limit: number;
}): TBookableSlot[] {
  const { settings, durationMinutes, booked, limit } = input;
  const slots: TBookableSlot[] = [];
  const [startHour, startMinute] = settings.start.split(":").map(Number) as [number, number];
  const [endHour, endMinute] = settings.end.split(":").map(Number) as [number, number];
  let day = DateTime.fromJSDate(input.from, { zone: settings.timeZone }).startOf("day");
  const lastDay = DateTime.fromJSDate(input.to, { zone: settings.timeZone }).startOf("day");
  const durationMs = durationMinutes * 60_000;
  const stepMs = settings.slotStepMinutes * 60_000;
  const from = input.from.getTime();
  const to = input.to.getTime();
  const bookings = booked.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }));
  while (day <= lastDay && slots.length < limit) {
    if (settings.days.includes(day.weekday)) {
      // Zone arithmetic once per day (opening and closing instants); slots step in plain milliseconds.
      const open = day.set({ hour: startHour, minute: startMinute }).toMillis();
      const close = day.set({ hour: endHour, minute: endMinute }).toMillis();
      for (let start = open; start + durationMs <= close && slots.length < limit; start += stepMs) {
        const end = start + durationMs;
        if (start < from || start >= to) continue;
        if (bookings.some((b) => b.start < end && start < b.end)) continue;
        slots.push({ id: iso(start), start: iso(start), end: iso(end) });
      }
    }
    day = day.plus({ days: 1 });
  }
  return slots;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
