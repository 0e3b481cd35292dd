import { describe, expect, it } from "vitest";
import { formatDays, formatFollowUps, timeZoneOptions } from "./campaign-format";

describe("campaign formatting", () => {
  it("names weekday sets the short way", () => {
    expect(formatDays([1, 2, 3, 4, 5])).toBe("Mon–Fri");
    expect(formatDays([7, 1, 2, 3, 4, 5, 6])).toBe("Every day");
    expect(formatDays([1, 3, 5])).toBe("Mon, Wed, Fri");
    expect(formatDays([6, 7])).toBe("Sat, Sun");
  });

  it("turns day offsets into days after the first message", () => {
    expect(formatFollowUps([])).toBe("No follow-ups");
    expect(formatFollowUps([1, 3])).toBe(
      "2 follow-ups: day 1 and day 4 after the first message, if no reply",
    );
  });

  it("offers US zones plus the browser's and the saved one, each once", () => {
    const values = timeZoneOptions("Asia/Tokyo", "America/Chicago").map((o) => o.value);
    expect(values.filter((v) => v === "America/Chicago")).toHaveLength(1);
    expect(values.at(-1)).toBe("Asia/Tokyo");
  });
});
