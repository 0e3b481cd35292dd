import { FUNNEL_STAGES } from "@plaibook/shared";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FunnelChart } from "./funnel-chart";
import { funnelRows } from "./funnel-counters";

const funnel = {
  queued: 40,
  contacted: 120,
  replied: 30,
  engaged: 12,
  booked: 5,
  opted_out: 3,
  undeliverable: 2,
};

describe("FunnelChart", () => {
  it("lists every stage in funnel order with its count and share of leads", () => {
    render(<FunnelChart funnel={funnel} leadCount={200} width={480} />);
    const rows = Array.from(screen.getByLabelText("Leads per stage").querySelectorAll("[data-stage]")).map(
      (row) => {
        const [count, share] = Array.from(row.querySelectorAll("dd span")).map((s) => s.textContent);
        return [row.querySelector("dt")?.textContent, count, share];
      },
    );
    expect(rows).toEqual([
      ["Queued", "40", "20%"],
      ["Contacted", "120", "60%"],
      ["Replied", "30", "15%"],
      ["Engaged", "12", "6%"],
      ["Booked", "5", "3%"],
      ["Opted out", "3", "2%"],
      ["Undeliverable", "2", "1%"],
      ["Finished", "0", "0%"],
    ]);
  });

  it("draws one bar per stage and names the picture for screen readers", () => {
    const { container } = render(<FunnelChart funnel={funnel} leadCount={200} width={480} />);
    expect(screen.getByRole("img").getAttribute("aria-label")).toBe(
      "Funnel: Queued 40, Contacted 120, Replied 30, Engaged 12, Booked 5, Opted out 3, Undeliverable 2, Finished 0",
    );
    expect(container.querySelectorAll(".recharts-bar-rectangle")).toHaveLength(FUNNEL_STAGES.length);
  });

  it("treats a missing stage as zero and avoids dividing by no leads", () => {
    const rows = funnelRows({}, 0);
    expect(rows.map((r) => r.stage)).toEqual([...FUNNEL_STAGES]);
    expect(rows.every((r) => r.count === 0 && r.share === 0)).toBe(true);
  });
});
