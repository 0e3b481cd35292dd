import type { TFunnelStage, TLead } from "@plaibook/shared";
import type { TBadgeTone } from "../../components/badge";

/** "+15550100001" → "+1 (555) 010-0001"; other numbers are shown as stored. */
export function formatPhone(phone: string): string {
  const us = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(phone);
  return us ? `+1 (${us[1]}) ${us[2]}-${us[3]}` : phone;
}

/** The lead's name, or its phone number when it has none. */
export function leadName(lead: Pick<TLead, "firstName" | "lastName" | "phone">): string {
  return `${lead.firstName} ${lead.lastName}`.trim() || formatPhone(lead.phone);
}

export const TIME_ZONE_SOURCE_LABELS: Record<TLead["timeZoneSource"], string> = {
  column: "from import",
  area_code: "from area code",
  default: "org default",
};

/** Zones offered in filters and forms (any IANA zone can still be typed). */
export const COMMON_TIME_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Phoenix",
  "America/Los_Angeles",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/Toronto",
  "America/Vancouver",
  "Europe/London",
  "UTC",
] as const;

/** "America/Los_Angeles" → "Los Angeles". */
export function shortZone(zone: string): string {
  const city = zone.split("/").pop() ?? zone;
  return city.replace(/_/g, " ");
}

export const STAGE_LABELS: Record<TFunnelStage, string> = {
  queued: "Queued",
  contacted: "Contacted",
  replied: "Replied",
  engaged: "Engaged",
  booked: "Booked",
  opted_out: "Opted out",
  undeliverable: "Undeliverable",
  finished: "Finished",
};

export const STAGE_TONES: Record<TFunnelStage, TBadgeTone> = {
  queued: "neutral",
  contacted: "accent",
  replied: "accent",
  engaged: "accent",
  booked: "success",
  opted_out: "danger",
  undeliverable: "warning",
  finished: "neutral",
};
