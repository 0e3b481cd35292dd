import { LEAD_CSV_COLUMNS } from "@plaibook/shared";
import { normalisePhone, resolveTimeZone } from "./phone.js";
import type { TLeadValues } from "./queries.js";

type TField = keyof typeof LEAD_CSV_COLUMNS;

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Maps a CSV header row to our fields; unknown columns are ignored. Throws when there is no phone column. */
export function mapHeader(header: string[]): (TField | null)[] {
  const mapped = header.map((h) => {
    const key = normaliseHeader(h);
    const field = (Object.keys(LEAD_CSV_COLUMNS) as TField[]).find((f) =>
      (LEAD_CSV_COLUMNS[f] as readonly string[]).includes(key),
    );
    return field ?? null;
  });
  if (!mapped.includes("phone")) {
    throw new Error(
      `The file has no phone column. Name one of the columns ${LEAD_CSV_COLUMNS.phone.map((c) => `"${c}"`).join(", ")} (headers found: ${header.join(", ") || "none"}).`,
    );
  }
  return mapped;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** One CSV record to lead values, or the reason it cannot be imported. */
export function parseLeadRow(
  fields: (TField | null)[],
  record: string[],
): { ok: true; lead: TLeadValues } | { ok: false; reason: string } {
  if (record.length !== fields.length) {
    return { ok: false, reason: `row has ${record.length} columns, the header has ${fields.length}` };
  }
  const get = (field: TField) => {
    const index = fields.indexOf(field);
    return index === -1 ? "" : (record[index] ?? "").trim();
  };
  const phone = normalisePhone(get("phone"));
  if (!phone.ok) return { ok: false, reason: phone.reason };
  let firstName = get("firstName");
  let lastName = get("lastName");
  const fullName = get("name");
  if (!firstName && !lastName && fullName) {
    const [first, ...rest] = fullName.split(/\s+/);
    firstName = first ?? "";
    lastName = rest.join(" ");
  }
  const email = get("email");
  if (email && !EMAIL.test(email)) return { ok: false, reason: `"${email}" is not a valid email address` };
  const zone = resolveTimeZone(get("timeZone"), phone.e164);
  if (!zone.ok) return { ok: false, reason: zone.reason };
  if (firstName.length > 80 || lastName.length > 80)
    return { ok: false, reason: "name is longer than 80 characters" };
  return {
    ok: true,
    lead: {
      phone: phone.e164,
      firstName,
      lastName,
      email: email || null,
      company: get("company") || null,
      city: get("city") || null,
      timeZone: zone.timeZone,
      timeZoneSource: zone.source,
    },
  };
}
