import type { TBusinessHours } from "@plaibook/shared";

/** Carriers and the TCPA expect no marketing texts before 8:00 or after 21:00 in the recipient's zone. */
export const QUIET_START = "08:00";
export const QUIET_END = "21:00";

const formatters = new Map<string, Intl.DateTimeFormat>();
function localParts(at: Date, timeZone: string): { weekday: number; hhmm: string } {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      weekday: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday ?? "") + 1;
  return { weekday, hhmm: `${parts.hour}:${parts.minute}` };
}

/** Inside the lead's 8:00–21:00 and inside the campaign's business hours. */
export function isSendAllowed(at: Date, leadTimeZone: string, hours: TBusinessHours): boolean {
  const lead = localParts(at, leadTimeZone);
  if (lead.hhmm < QUIET_START || lead.hhmm >= QUIET_END) return false;
  return isBusinessOpen(at, hours);
}

/** Inside the campaign's business days and hours, in the campaign's zone. */
export function isBusinessOpen(at: Date, hours: TBusinessHours): boolean {
  const business = localParts(at, hours.timeZone);
  return hours.days.includes(business.weekday) && business.hhmm >= hours.start && business.hhmm < hours.end;
}

/** The first whole minute at or after `from` when sending is allowed; null if none within 8 days. */
export function nextSendTime(from: Date, leadTimeZone: string, hours: TBusinessHours): Date | null {
  if (isSendAllowed(from, leadTimeZone, hours)) return from;
  let at = new Date(Math.ceil(from.getTime() / 60_000) * 60_000);
  const limit = from.getTime() + 8 * 86_400_000;
  while (at.getTime() <= limit) {
    if (isSendAllowed(at, leadTimeZone, hours)) return at;
    // Outside both windows by more than a quarter-hour boundary: skip ahead faster, then walk minutes.
    const step = isSendAllowed(new Date(at.getTime() + 15 * 60_000), leadTimeZone, hours)
      ? 60_000
      : 15 * 60_000;
    at = new Date(at.getTime() + step);
  }
  return null;
}
