import { createRequire } from "node:module";
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** US/Canada area code → state and location (the `areacodes` package's data). */
const AREA_CODES = createRequire(import.meta.url)("areacodes/lib/data.json") as Record<
  string,
  { stateCode?: string; location?: { latitude: number; longitude: number } }
>;

export type TPhoneResult = { ok: true; e164: string } | { ok: false; reason: string };

/** Parses a phone as written by people (US default), returning E.164 or why it is not a mobile-able number. */
export function normalisePhone(raw: string, defaultCountry: "US" = "US"): TPhoneResult {
  const value = raw.trim();
  if (!value) return { ok: false, reason: "phone is empty" };
  const parsed = parsePhoneNumberFromString(value, defaultCountry);
  if (!parsed) return { ok: false, reason: `"${value}" is not a phone number` };
  if (!parsed.isValid()) return { ok: false, reason: `"${value}" is not a valid phone number` };
  const type = parsed.getType();
  if (type === "FIXED_LINE" || type === "TOLL_FREE" || type === "PREMIUM_RATE" || type === "SHARED_COST") {
    return {
      ok: false,
      reason: `"${value}" is a ${type.toLowerCase().replace(/_/g, "-")} number and cannot receive texts`,
    };
  }
  return { ok: true, e164: parsed.number };
}

const STATE_ZONES: Record<string, string> = {
  AL: "America/Chicago",
  AK: "America/Anchorage",
  AZ: "America/Phoenix",
  AR: "America/Chicago",
  CA: "America/Los_Angeles",
  CO: "America/Denver",
  CT: "America/New_York",
  DE: "America/New_York",
  DC: "America/New_York",
  FL: "America/New_York",
  GA: "America/New_York",
  HI: "Pacific/Honolulu",
  ID: "America/Boise",
  IL: "America/Chicago",
  IN: "America/Indiana/Indianapolis",
  IA: "America/Chicago",
  KS: "America/Chicago",
  KY: "America/New_York",
  LA: "America/Chicago",
  ME: "America/New_York",
  MD: "America/New_York",
  MA: "America/New_York",
  MI: "America/Detroit",
  MN: "America/Chicago",
  MS: "America/Chicago",
  MO: "America/Chicago",
  MT: "America/Denver",
  NE: "America/Chicago",
  NV: "America/Los_Angeles",
  NH: "America/New_York",
  NJ: "America/New_York",
  NM: "America/Denver",
  NY: "America/New_York",
  NC: "America/New_York",
  ND: "America/Chicago",
  OH: "America/New_York",
  OK: "America/Chicago",
  OR: "America/Los_Angeles",
  PA: "America/New_York",
  RI: "America/New_York",
  SC: "America/New_York",
  SD: "America/Chicago",
  TN: "America/Chicago",
  TX: "America/Chicago",
  UT: "America/Denver",
  VT: "America/New_York",
  VA: "America/New_York",
  WA: "America/Los_Angeles",
  WV: "America/New_York",
  WI: "America/Chicago",
  WY: "America/Denver",
  PR: "America/Puerto_Rico",
  VI: "America/St_Thomas",
  GU: "Pacific/Guam",
  AS: "Pacific/Pago_Pago",
  MP: "Pacific/Saipan",
  // Canada
  AB: "America/Edmonton",
  BC: "America/Vancouver",
  MB: "America/Winnipeg",
  NB: "America/Moncton",
  NL: "America/St_Johns",
  NS: "America/Halifax",
  ON: "America/Toronto",
  QC: "America/Toronto",
  SK: "America/Regina",
  PE: "America/Halifax",
  YT: "America/Whitehorse",
  NT: "America/Yellowknife",
  NU: "America/Iqaluit",
};

/** States split across zones: the area code's location decides (longitude west of the line → the second zone). */
const SPLIT_STATES: Record<string, { westOf: number; zone: string }> = {
  FL: { westOf: -85.0, zone: "America/Chicago" },
  TN: { westOf: -85.6, zone: "America/Chicago" },
  KY: { westOf: -86.0, zone: "America/Chicago" },
  IN: { westOf: -86.9, zone: "America/Chicago" },
  TX: { westOf: -104.5, zone: "America/Denver" },
  KS: { westOf: -101.0, zone: "America/Denver" },
  NE: { westOf: -101.0, zone: "America/Denver" },
  SD: { westOf: -100.5, zone: "America/Denver" },
  ND: { westOf: -101.5, zone: "America/Denver" },
  ID: { westOf: -116.0, zone: "America/Los_Angeles" },
  OR: { westOf: -117.5, zone: "America/Los_Angeles" },
};

export const DEFAULT_TIME_ZONE = "America/New_York";

/** The lead's likely time zone from the phone's area code (US and Canada); null when unknown. */
export function timeZoneFromPhone(e164: string): string | null {
  if (!e164.startsWith("+1") || e164.length !== 12) return null;
  const entry = AREA_CODES[e164.slice(2, 5)];
  const state = entry?.stateCode;
  if (!state) return null;
  const split = SPLIT_STATES[state];
  // Split states fall back to their main zone; only an area code centred past the line moves.
  if (split && entry.location && entry.location.longitude < split.westOf) {
    // Idaho's north and Oregon's east are the exceptions in the other direction.
    return state === "OR" ? "America/Boise" : split.zone;
  }
  return STATE_ZONES[state] ?? null;
}

const KNOWN_ZONES = new Set(Intl.supportedValuesOf("timeZone"));
const ZONE_ALIASES: Record<string, string> = {
  EASTERN: "America/New_York",
  EST: "America/New_York",
  EDT: "America/New_York",
  ET: "America/New_York",
  CENTRAL: "America/Chicago",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  CT: "America/Chicago",
  MOUNTAIN: "America/Denver",
  MST: "America/Denver",
  MDT: "America/Denver",
  MT: "America/Denver",
  PACIFIC: "America/Los_Angeles",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  PT: "America/Los_Angeles",
  ALASKA: "America/Anchorage",
  AKST: "America/Anchorage",
  HAWAII: "Pacific/Honolulu",
  HST: "Pacific/Honolulu",
  ARIZONA: "America/Phoenix",
};

/** An IANA zone from what a spreadsheet may hold ("America/Chicago", "Central", "CST"); null if unrecognised. */
export function parseTimeZone(raw: string): string | null {
  const value = raw.trim();
  if (!value) return null;
  if (KNOWN_ZONES.has(value)) return value;
  const alias = ZONE_ALIASES[value.toUpperCase().replace(/[^A-Z]/g, "")];
  if (alias) return alias;
  const caseFixed = [...KNOWN_ZONES].find((z) => z.toLowerCase() === value.toLowerCase());
  return caseFixed ?? null;
}

/** The zone from the given value, else the phone's area code, else the default — and which one it was. */
export function resolveTimeZone(
  given: string | null | undefined,
  e164: string,
):
  | { ok: true; timeZone: string; source: "column" | "area_code" | "default" }
  | { ok: false; reason: string } {
  if (given?.trim()) {
    const zone = parseTimeZone(given);
    return zone
      ? { ok: true, timeZone: zone, source: "column" }
      : { ok: false, reason: `unknown time zone "${given.trim()}"` };
  }
  const fromPhone = timeZoneFromPhone(e164);
  return fromPhone
    ? { ok: true, timeZone: fromPhone, source: "area_code" }
    : { ok: true, timeZone: DEFAULT_TIME_ZONE, source: "default" };
}
