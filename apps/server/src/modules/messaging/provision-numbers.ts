import { randomInt } from "node:crypto";
import type { TTx } from "../../platform/db/with-org.js";

/**
 * Gives an organisation Sandbox sending numbers (+1 555 area, which no real phone uses). Retries on
 * the rare collision with another organisation's number.
 */
export async function provisionSandboxNumbers(tx: TTx, orgId: string, count = 2): Promise<string[]> {
  const { rows: existing } = await tx.client.query<{ e164: string }>(
    "select e164 from phone_numbers where provider = 'sandbox'",
  );
  const numbers = existing.map((r) => r.e164);
  while (numbers.length < count) {
    const e164 = `+1555${String(randomInt(0, 10_000_000)).padStart(7, "0")}`;
    const { rowCount } = await tx.client.query(
      `insert into phone_numbers (org_id, e164, provider, label) values ($1, $2, 'sandbox', $3) on conflict (e164) do nothing`,
      [orgId, e164, `Sandbox ${numbers.length + 1}`],
    );
    if (rowCount) numbers.push(e164);
  }
  return numbers;
}
