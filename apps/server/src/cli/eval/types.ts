/** One line of the eval table. */
export type TEvalRow = { metric: string; value: string; target: string };

export type TEvalResult = { table: TEvalRow[]; details: string[] };

/**
 * A part of `plaibook eval` (sms, calls, …). `run` returns its figures, or a line saying why there
 * are none yet; new parts are added to the list in `index.ts`.
 */
export type TEvalSection = {
  name: string;
  run(options: { dir: string; engine: "offline" | "llm" }): Promise<TEvalResult | string>;
};
