import { createReadStream, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ZSuppliedTranscript } from "@plaibook/shared";
import { z } from "zod";
import type { TAppContext } from "../../app-context.js";
import type { TActor } from "../../platform/auth/actor.js";
import { withOrg } from "../../platform/db/with-org.js";
import { uploadCall } from "../calls/upload-call.js";
import { DEMO_ORG_ID } from "./seed-demo.js";

/** Recorded demo calls (made by scripts/make-demo-calls.sh) and what to file them under. */
export const DEMO_CALLS_DIR = fileURLToPath(new URL("../../../assets/demo-calls/", import.meta.url));

const ZDemoCall = z.object({
  file: z.string().regex(/^[\w.-]+\.(mp3|wav|ogg|flac|m4a)$/),
  transcript: z.string().regex(/^[\w.-]+\.json$/),
  rep: z.string().min(1),
  direction: z.enum(["inbound", "outbound"]),
  daysAgo: z.number().int().min(0).max(60),
  hour: z.number().int().min(0).max(23),
  leadPhone: z.string().regex(/^\+[1-9]\d{6,14}$/),
});

function demoCallList(dir: string) {
  const index = join(dir, "calls.json");
  if (!existsSync(index)) return [];
  return z.array(ZDemoCall).parse(JSON.parse(readFileSync(index, "utf8")));
}

/**
 * Puts the demo recordings through the real pipeline (upload → convert → analyse), each once: the
 * external id is the file's name, so a restart finds them there. Dates are relative to now, so the
 * demo always has recent calls.
 */
export async function seedDemoCalls(
  app: Pick<TAppContext, "db" | "blobs" | "boss" | "publish">,
  options: { dir?: string; now?: Date } = {},
): Promise<number> {
  const dir = options.dir ?? DEMO_CALLS_DIR;
  const calls = demoCallList(dir);
  if (calls.length === 0) return 0;
  const users = await withOrg(app.db.appPool, DEMO_ORG_ID, async (tx) => {
    const { rows } = await tx.client.query<TActor>(
      'select id as "userId", org_id as "orgId", role, email, name from users where status = \'active\'',
    );
    return rows;
  });
  const uploader = users.find((u) => u.role === "manager") ?? users[0];
  if (!uploader) return 0;
  const now = options.now ?? new Date();
  let created = 0;
  for (const call of calls) {
    const rep = users.find((u) => u.name === call.rep);
    const startedAt = new Date(now);
    startedAt.setUTCDate(startedAt.getUTCDate() - call.daysAgo);
    startedAt.setUTCHours(call.hour, 0, 0, 0);
    const transcript = ZSuppliedTranscript.parse(
      JSON.parse(readFileSync(join(dir, call.transcript), "utf8")),
    );
    const { duplicate } = await uploadCall(app, uploader, {
      meta: {
        externalId: `demo-${call.file}`,
        direction: call.direction,
        startedAt: startedAt.toISOString(),
        repUserId: rep?.userId,
        repName: rep ? undefined : call.rep,
        leadPhone: call.leadPhone,
      },
      transcript,
      fileName: call.file,
      contentType: null,
      file: createReadStream(join(dir, call.file)),
    });
    if (!duplicate) created += 1;
  }
  return created;
}
