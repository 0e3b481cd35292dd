import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFfmpeg } from "../src/integrations/audio/ffmpeg.js";
import { DEMO_CALLS_DIR, DEMO_ORG_ID, seedDemo, seedDemoCalls } from "../src/modules/demo/index.js";
import { waitUntil } from "./campaign-helpers.js";
import { ownerQuery, startTestApp, type TTestApp } from "./harness.js";

const ffmpeg = findFfmpeg(undefined);
if (!ffmpeg && process.env.CI === "true")
  throw new Error("ffmpeg is missing: CI requires it for the call tests");

describe.skipIf(!ffmpeg)("the demo organisation's calls", () => {
  const dir = mkdtempSync(join(tmpdir(), "plaibook-demo-calls-"));
  let app: TTestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { PLAIBOOK_DATA_DIR: join(dir, "data") } });
    await seedDemo(app.services.db.appPool);
  });
  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("go through the real pipeline once each and end analysed, with every outcome represented", async () => {
    const listed = JSON.parse(readFileSync(join(DEMO_CALLS_DIR, "calls.json"), "utf8")) as unknown[];
    expect(listed.length).toBeGreaterThanOrEqual(5);
    expect(await seedDemoCalls(app.services.app)).toBe(listed.length);
    expect(await seedDemoCalls(app.services.app)).toBe(0);
    const calls = () =>
      ownerQuery<{ status: string; outcome: string | null; rep_user_id: string | null; objections: number }>(
        app,
        "select status, outcome, rep_user_id, cardinality(objection_labels) as objections from calls where org_id = $1",
        [DEMO_ORG_ID],
      );
    await waitUntil(
      async () => (await calls()).every((c) => c.status === "analyzed"),
      120_000,
      "the demo calls to be analysed",
    );
    const done = await calls();
    expect(done).toHaveLength(listed.length);
    expect(new Set(done.map((c) => c.outcome))).toEqual(
      new Set(["booked", "sold", "follow_up", "lost", "no_decision"]),
    );
    expect(done.every((c) => c.rep_user_id !== null)).toBe(true);
    expect(done.filter((c) => c.objections > 0).length).toBeGreaterThanOrEqual(listed.length / 2);
  }, 150_000);
});
