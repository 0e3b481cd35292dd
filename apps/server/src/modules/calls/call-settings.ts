import { DEFAULT_CALL_SETTINGS, type TCallSettings, ZCallSettings } from "@plaibook/shared";
import type { TTx } from "../../platform/db/with-org.js";

/** The org's call settings; an org that never saved any gets the defaults (a bad stored value too). */
export async function readCallSettings(tx: Pick<TTx, "client">): Promise<TCallSettings> {
  const { rows } = await tx.client.query<{ call_settings: unknown }>(
    "select call_settings from organizations limit 1",
  );
  const stored = rows[0]?.call_settings as Partial<TCallSettings> | undefined;
  const parsed = ZCallSettings.safeParse({ ...DEFAULT_CALL_SETTINGS, ...stored });
  return parsed.success ? parsed.data : DEFAULT_CALL_SETTINGS;
}

export async function saveCallSettings(tx: TTx, settings: TCallSettings): Promise<void> {
  await tx.client.query("update organizations set call_settings = $1, updated_at = now()", [settings]);
}
