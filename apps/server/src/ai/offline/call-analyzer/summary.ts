import type { TCallAnalysis } from "@plaibook/shared";
import type { TFoundObjection } from "./objections.js";

/** A few plain sentences: what kind of call, what the customer pushed back on, how it ended. */

const OUTCOME_TEXT: Record<TCallAnalysis["outcome"]["label"], string> = {
  sold: "The customer bought on the call",
  booked: "An appointment was booked",
  follow_up: "A follow-up was agreed",
  lost: "The customer said no",
  no_decision: "Nothing was decided",
};

function labelText(label: string): string {
  const [category, sub] = label.split("/");
  return sub ? `${category} (${sub.replace(/_/g, " ")})` : (category ?? label);
}

export function summarizeCall(input: {
  industry: string | null | undefined;
  seconds: number;
  objections: TFoundObjection[];
  outcome: TCallAnalysis["outcome"];
  repTalkRatio: number;
  repQuestions: number;
}): string {
  const minutes = input.seconds / 60;
  const length = minutes < 1 ? `${Math.round(input.seconds)}-second` : `${Math.round(minutes)}-minute`;
  const industry = input.industry ? `${input.industry.replace(/_/g, " ")} ` : "";
  const parts = [`A ${length} ${industry}call.`];
  if (input.objections.length === 0) parts.push("The customer raised no objections.");
  else {
    const handled = input.objections.filter((o) => o.handled).length;
    parts.push(
      `The customer raised ${input.objections.map((o) => labelText(o.label)).join(", ")}; the rep answered ${handled} of ${input.objections.length}.`,
    );
  }
  const evidence = input.outcome.evidence ? `: "${input.outcome.evidence.slice(0, 140)}"` : ".";
  parts.push(`${OUTCOME_TEXT[input.outcome.label]}${evidence}`);
  parts.push(
    `The rep talked ${Math.round(input.repTalkRatio * 100)}% of the time and asked ${input.repQuestions} question${input.repQuestions === 1 ? "" : "s"}.`,
  );
  return parts.join(" ").slice(0, 2000);
}
