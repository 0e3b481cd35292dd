import type { TBusinessHours, TCampaignStatus, TFunnelStage, TMessageStatus } from "@plaibook/shared";
import type { TBadgeTone } from "../../components/badge";

export const CAMPAIGN_STATUS_LABELS: Record<TCampaignStatus, string> = {
  draft: "Draft",
  active: "Active",
  paused: "Paused",
  completed: "Completed",
};

export const CAMPAIGN_STATUS_TONES: Record<TCampaignStatus, TBadgeTone> = {
  draft: "neutral",
  active: "success",
  paused: "warning",
  completed: "accent",
};

export const FUNNEL_LABELS: Record<TFunnelStage, string> = {
  queued: "Queued",
  contacted: "Contacted",
  replied: "Replied",
  engaged: "Engaged",
  booked: "Booked",
  opted_out: "Opted out",
  undeliverable: "Undeliverable",
  finished: "Finished",
};

/** Bar colours: the main path in indigo shades, good outcomes green, losses rose/amber, done grey. */
export const FUNNEL_COLORS: Record<TFunnelStage, string> = {
  queued: "#c7d2fe",
  contacted: "#818cf8",
  replied: "#6366f1",
  engaged: "#4f46e5",
  booked: "#10b981",
  opted_out: "#f43f5e",
  undeliverable: "#f59e0b",
  finished: "#94a3b8",
};

export const MESSAGE_STATUS_LABELS: Record<TMessageStatus, string> = {
  queued: "Queued",
  sending: "Sending",
  sent: "Sent",
  delivered: "Delivered",
  failed: "Failed",
  undeliverable: "Undeliverable",
  blocked: "Blocked",
  received: "Received",
  draft: "Draft — awaiting approval",
  rejected: "Rejected",
};

export const MESSAGE_STATUS_TONES: Record<TMessageStatus, TBadgeTone> = {
  queued: "neutral",
  sending: "neutral",
  sent: "accent",
  delivered: "success",
  failed: "danger",
  undeliverable: "danger",
  blocked: "warning",
  received: "accent",
  draft: "warning",
  rejected: "neutral",
};

/** ISO weekdays, 1 = Monday. */
export const WEEKDAYS = [
  { day: 1, short: "Mon", long: "Monday" },
  { day: 2, short: "Tue", long: "Tuesday" },
  { day: 3, short: "Wed", long: "Wednesday" },
  { day: 4, short: "Thu", long: "Thursday" },
  { day: 5, short: "Fri", long: "Friday" },
  { day: 6, short: "Sat", long: "Saturday" },
  { day: 7, short: "Sun", long: "Sunday" },
] as const;

export const US_TIME_ZONES = [
  { value: "America/New_York", label: "Eastern (New York)" },
  { value: "America/Chicago", label: "Central (Chicago)" },
  { value: "America/Denver", label: "Mountain (Denver)" },
  { value: "America/Phoenix", label: "Mountain, no DST (Phoenix)" },
  { value: "America/Los_Angeles", label: "Pacific (Los Angeles)" },
  { value: "America/Anchorage", label: "Alaska (Anchorage)" },
  { value: "Pacific/Honolulu", label: "Hawaii (Honolulu)" },
] as const;

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "America/New_York";
  } catch {
    return "America/New_York";
  }
}

/** The US zones, plus the browser's and the current value when they are not among them. */
export function timeZoneOptions(current: string, browser: string = browserTimeZone()) {
  const options: Array<{ value: string; label: string }> = [...US_TIME_ZONES];
  for (const [zone, suffix] of [
    [browser, " (this browser)"],
    [current, ""],
  ] as const) {
    if (zone && !options.some((o) => o.value === zone))
      options.push({ value: zone, label: `${zone}${suffix}` });
  }
  return options;
}

export function timeZoneLabel(zone: string): string {
  return US_TIME_ZONES.find((z) => z.value === zone)?.label ?? zone;
}

/** "Mon–Fri", "Mon, Wed, Fri", "Every day". */
export function formatDays(days: ReadonlyArray<number>): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return "Every day";
  if (sorted.length === 0) return "No days";
  const name = (d: number) => WEEKDAYS.find((w) => w.day === d)?.short ?? String(d);
  const contiguous = sorted.every((d, i) => i === 0 || d === (sorted[i - 1] ?? 0) + 1);
  if (contiguous && sorted.length > 2)
    return `${name(sorted[0] ?? 1)}–${name(sorted[sorted.length - 1] ?? 7)}`;
  return sorted.map(name).join(", ");
}

export function formatBusinessHours(hours: TBusinessHours): string {
  return `${formatDays(hours.days)}, ${hours.start}–${hours.end} (${timeZoneLabel(hours.timeZone)})`;
}

/** [1, 3] → "1 day and 4 days after the first message". */
export function formatFollowUps(followUpDays: ReadonlyArray<number>): string {
  if (followUpDays.length === 0) return "No follow-ups";
  let total = 0;
  const days = followUpDays.map((d) => {
    total += d;
    return total;
  });
  const parts = days.map((d) => `day ${d}`);
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
  return `${followUpDays.length === 1 ? "1 follow-up" : `${followUpDays.length} follow-ups`}: ${list} after the first message, if no reply`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat().format(n);
}
