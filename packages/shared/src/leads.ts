import { z } from "zod";

export const ZLead = z.object({
  id: z.uuid(),
  phone: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  city: z.string().nullable(),
  timeZone: z.string(),
  timeZoneSource: z.enum(["column", "area_code", "default"]),
  optedOut: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TLead = z.infer<typeof ZLead>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .optional();

export const ZLeadInput = z.object({
  phone: z.string().trim().min(3, { error: "Phone is required" }).max(40),
  firstName: z.string().trim().max(80).default(""),
  lastName: z.string().trim().max(80).default(""),
  email: optionalText(200),
  company: optionalText(200),
  city: optionalText(120),
  /** IANA zone (America/Chicago); when absent it comes from the phone's area code. */
  timeZone: optionalText(60),
});
export type TLeadInput = z.input<typeof ZLeadInput>;

export const LEAD_SORTS = ["name", "phone", "company", "createdAt", "updatedAt"] as const;
export const ZListLeadsInput = z.object({
  search: z.string().trim().max(200).default(""),
  campaignId: z.uuid().optional(),
  optedOut: z.boolean().optional(),
  timeZone: z.string().max(60).optional(),
  sort: z.enum(LEAD_SORTS).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(10).max(200).default(50),
});
export type TListLeadsInput = z.input<typeof ZListLeadsInput>;

export const ZLeadPage = z.object({
  rows: z.array(ZLead),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TLeadPage = z.infer<typeof ZLeadPage>;

export const ZLeadImport = z.object({
  id: z.uuid(),
  campaignId: z.uuid().nullable(),
  fileName: z.string(),
  status: z.enum(["running", "completed", "failed"]),
  rowsRead: z.number().int(),
  imported: z.number().int(),
  merged: z.number().int(),
  rejected: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type TLeadImport = z.infer<typeof ZLeadImport>;

/** Payload of the `import.progress` Socket.IO event. */
export type TImportProgress = TLeadImport;

/** Columns the CSV importer understands (header names are matched case- and punctuation-insensitively). */
export const LEAD_CSV_COLUMNS = {
  phone: ["phone", "phonenumber", "mobile", "cell", "number", "tel"],
  firstName: ["firstname", "first", "givenname"],
  lastName: ["lastname", "last", "surname", "familyname"],
  name: ["name", "fullname"],
  email: ["email", "emailaddress"],
  company: ["company", "business", "organization", "organisation"],
  city: ["city", "town"],
  timeZone: ["timezone", "tz", "zone"],
} as const;
