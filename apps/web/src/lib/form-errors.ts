type TIssue = { path: ReadonlyArray<PropertyKey>; message: string };

/** First validation message per top-level field, from a Zod `safeParse` failure. */
export function issuesToFieldErrors(issues: ReadonlyArray<TIssue>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const key = issue.path[0];
    if (typeof key === "string" && !(key in out)) out[key] = issue.message;
  }
  return out;
}
