import { readFile } from "node:fs/promises";
import type { z } from "zod";

export class InputLineError extends Error {
  constructor(file: string, line: number, problem: string) {
    super(`${file}, line ${line}: ${problem}`);
    this.name = "InputLineError";
  }
}

/**
 * Reads a JSONL input file line by line against `schema`; blank lines are skipped. A bad line throws
 * naming its number and every problem Zod found; `check` adds a rule Zod cannot say (its message, or
 * null when the line is fine). Each row keeps the raw JSON beside the parsed line.
 */
export async function readJsonLines<T>(
  file: string,
  schema: z.ZodType<T>,
  check: (line: T) => string | null = () => null,
): Promise<{ line: T; raw: unknown }[]> {
  const content = await readFile(file, "utf8");
  const rows: { line: T; raw: unknown }[] = [];
  for (const [index, text] of content.split("\n").entries()) {
    if (!text.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new InputLineError(file, index + 1, "not valid JSON");
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map(
        (issue) => `${issue.path.join(".") || "line"}: ${issue.message}`,
      );
      throw new InputLineError(file, index + 1, problems.join("; "));
    }
    const problem = check(parsed.data);
    if (problem) throw new InputLineError(file, index + 1, problem);
    rows.push({ line: parsed.data, raw });
  }
  return rows;
}
