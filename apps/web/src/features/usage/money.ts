/** Money in micros: 1 $ = 1,000,000 micros, as the server stores every cost. */
export const MICROS_PER_DOLLAR = 1_000_000;

const cents = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const subCent = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumSignificantDigits: 2,
});

/**
 * "$12.34" from 12,340,000 micros. Amounts under a cent keep two significant digits ("$0.0042") so a
 * few model calls never read as "$0.00"; zero is "$0.00".
 */
export function formatMicros(micros: number): string {
  const dollars = micros / MICROS_PER_DOLLAR;
  if (micros !== 0 && Math.abs(micros) < 10_000) return subCent.format(dollars);
  return cents.format(dollars);
}

/** Axis ticks: short, whole or two-decimal dollars. */
export function formatAxisDollars(micros: number): string {
  const dollars = micros / MICROS_PER_DOLLAR;
  if (dollars === 0) return "$0";
  if (Math.abs(dollars) >= 1) return `$${Number.isInteger(dollars) ? dollars : dollars.toFixed(2)}`;
  return formatMicros(micros);
}

const count = new Intl.NumberFormat("en-US");
export function formatCount(n: number): string {
  return count.format(n);
}
