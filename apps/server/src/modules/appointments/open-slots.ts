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
  while (day <= lastDay && slots.length < limit) {
    if (settings.days.includes(day.weekday)) {
      const close = day.set({ hour: endHour, minute: endMinute });
      for (
        let start = day.set({ hour: startHour, minute: startMinute });
        start.plus({ minutes: durationMinutes }) <= close && slots.length < limit;
        start = start.plus({ minutes: settings.slotStepMinutes })
      ) {
        const end = start.plus({ minutes: durationMinutes });
        const s = start.toJSDate();
        const e = end.toJSDate();
        if (s < input.from || s >= input.to) continue;
        if (booked.some((b) => b.start < e && s < b.end)) continue;
        slots.push({ id: s.toISOString(), start: iso(start), end: iso(end) });
      }
    }
    day = day.plus({ days: 1 });
  }
  return slots;
}

const iso = (t: DateTime) => t.toUTC().toISO({ suppressMilliseconds: true }) as string;
