/** Placeholder: built in issue 5's web work. */
export function UsagePage() {
  return null;
}
