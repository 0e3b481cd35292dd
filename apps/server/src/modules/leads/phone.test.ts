import { describe, expect, it } from "vitest";
import { normalisePhone, resolveTimeZone, timeZoneFromPhone } from "./phone.js";

describe("lead phones and time zones", () => {
  it("normalises US numbers as people write them to E.164", () => {
    for (const raw of ["(808) 555-0164", "808-555-0164", "+1 808 555 0164", "8085550164", "1.808.555.0164"]) {
      expect(normalisePhone(raw)).toEqual({ ok: true, e164: "+18085550164" });
    }
  });

  it("rejects what cannot receive a text, saying why", () => {
    expect(normalisePhone("")).toEqual({ ok: false, reason: "phone is empty" });
    expect(normalisePhone("12345")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("not a valid phone number"),
    });
    expect(normalisePhone("800-555-1212")).toMatchObject({
      ok: false,
      reason: expect.stringContaining("toll-free"),
    });
    expect(normalisePhone("call me")).toMatchObject({ ok: false });
  });

  it("takes the zone from the area code, including states split across zones", () => {
    expect(timeZoneFromPhone("+18085550164")).toBe("Pacific/Honolulu");
    expect(timeZoneFromPhone("+12125550142")).toBe("America/New_York");
    expect(timeZoneFromPhone("+13125550178")).toBe("America/Chicago");
    expect(timeZoneFromPhone("+19155550100")).toBe("America/Denver"); // El Paso, Texas
    expect(timeZoneFromPhone("+18505551234")).toBe("America/Chicago"); // Florida panhandle
    expect(timeZoneFromPhone("+16025550187")).toBe("America/Phoenix");
  });

  it("prefers a given zone, accepts common names, and refuses unknown ones", () => {
    expect(resolveTimeZone("Central", "+12125550142")).toEqual({
      ok: true,
      timeZone: "America/Chicago",
      source: "column",
    });
    expect(resolveTimeZone("pacific/honolulu", "+12125550142")).toMatchObject({
      timeZone: "Pacific/Honolulu",
    });
    expect(resolveTimeZone("", "+12125550142")).toEqual({
      ok: true,
      timeZone: "America/New_York",
      source: "area_code",
    });
    expect(resolveTimeZone("Mars/Olympus", "+12125550142")).toEqual({
      ok: false,
      reason: 'unknown time zone "Mars/Olympus"',
    });
  });
});
