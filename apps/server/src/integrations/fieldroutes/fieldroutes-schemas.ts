import { z } from "zod";

/**
 * Zod schemas for the FieldRoutes responses we read. The API sends numbers as strings ("1", "0.00"),
 * IDs as numbers or strings and ID lists as arrays or comma-separated strings, so every field parses
 * leniently; unknown fields pass through untouched.
 */

/** An ID as the vendor sends it ("10231" or 10231), as a non-empty string. */
export const ZFieldRoutesId = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .refine((value) => value !== "", "expected a non-empty ID");

/** An optional ID: null, "", "0" and 0 mean "none" (as in a spot's `currentAppointment`). */
export const ZOptionalId = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => {
    const text = value === null || value === undefined ? "" : String(value).trim();
    return text === "" || text === "0" ? null : text;
  });

/** A number that may arrive as a string; empty and missing become null. */
export const ZNumberish = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value, ctx) => {
    if (value === null || value === undefined) return null;
    if (typeof value === "number") return value;
    const text = value.trim();
    if (text === "") return null;
    const parsed = Number(text);
    if (Number.isNaN(parsed)) {
      ctx.addIssue({ code: "custom", message: `expected a number, got "${value}"` });
      return z.NEVER;
    }
    return parsed;
  });

/** A 0/1 flag that may arrive as "1", 1, true or null. */
export const ZFlag = z
  .union([z.string(), z.number(), z.boolean(), z.null()])
  .optional()
  .transform((value) => value === true || value === 1 || value === "1" || value === "true");

/** A list of IDs: `[1, "2"]`, `"5501,5530"`, `""` or null. */
export const ZIdList = z
  .union([z.array(z.union([z.string(), z.number()])), z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => {
    if (value === null || value === undefined) return [];
    const items = Array.isArray(value) ? value : String(value).split(",");
    return items.map((item) => String(item).trim()).filter((item) => item !== "");
  });

const ZText = z
  .union([z.string(), z.number(), z.null()])
  .optional()
  .transform((value) => {
    const text = value === null || value === undefined ? "" : String(value).trim();
    return text === "" ? null : text;
  });

/** `errorMessage` is usually a string, sometimes a list of strings. */
const ZErrorMessage = z
  .union([z.string(), z.array(z.unknown()), z.null()])
  .optional()
  .transform((value) => {
    if (value === null || value === undefined) return null;
    const text = Array.isArray(value) ? value.map(String).join("; ") : value;
    return text.trim() === "" ? null : text.trim();
  });

/** Every answer's envelope; `success:false` or a non-empty `errorMessage` is a failure even on HTTP 200. */
export const ZEnvelope = z.looseObject({
  success: z.union([z.boolean(), z.string(), z.number()]).optional(),
  errorMessage: ZErrorMessage,
});

export const ZCustomer = z.looseObject({
  customerID: ZFieldRoutesId,
  officeID: ZOptionalId,
  fname: ZText,
  lname: ZText,
  companyName: ZText,
  status: ZNumberish,
  email: ZText,
  phone1: ZText,
  phone2: ZText,
  address: ZText,
  city: ZText,
  state: ZText,
  zip: ZText,
  balance: ZNumberish,
  dateUpdated: ZText,
});
export type TFieldRoutesCustomer = z.infer<typeof ZCustomer>;

const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a YYYY-MM-DD date");
const ZTime = z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/, "expected an HH:MM:SS time");

export const ZAppointment = z.looseObject({
  appointmentID: ZFieldRoutesId,
  customerID: ZOptionalId,
  date: ZDate,
  start: ZTime.nullish(),
  type: ZOptionalId,
  status: ZNumberish,
  statusText: ZText,
  notes: ZText,
});
export type TFieldRoutesAppointment = z.infer<typeof ZAppointment>;

export const ZSpot = z.looseObject({
  spotID: ZFieldRoutesId,
  routeID: ZOptionalId,
  date: ZDate,
  start: ZTime,
  end: ZTime,
  currentAppointment: ZOptionalId,
  apiCanSchedule: ZFlag,
  reserved: ZFlag,
  reservationEnd: ZText,
});
export type TFieldRoutesSpot = z.infer<typeof ZSpot>;

export const ZServiceType = z.looseObject({
  typeID: ZFieldRoutesId,
  description: ZText,
});

/** `appointment/create` answers the new appointment's ID in `result`. */
export const ZCreateResult = z.looseObject({ result: ZFieldRoutesId });
