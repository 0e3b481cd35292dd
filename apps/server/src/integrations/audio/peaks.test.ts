import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { computePeaks } from "./peaks.js";

const dir = mkdtempSync(join(tmpdir(), "peaks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A 16 kHz mono 16-bit WAV, with a LIST chunk before the data as ffmpeg writes one. */
function wav(samples: number[]): string {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) => {
    data.writeInt16LE(s, i * 2);
  });
  const fmt = Buffer.alloc(24);
  fmt.write("fmt ", 0, "ascii");
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(1, 10);
  fmt.writeUInt32LE(16000, 12);
  fmt.writeUInt32LE(32000, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const list = Buffer.concat([
    Buffer.from("LIST"),
    Buffer.from([5, 0, 0, 0]),
    Buffer.from("INFOx"),
    Buffer.from([0]),
  ]);
  const dataHeader = Buffer.concat([Buffer.from("data"), Buffer.alloc(4)]);
  dataHeader.writeUInt32LE(data.length, 4);
  const body = Buffer.concat([Buffer.from("WAVE"), fmt, list, dataHeader, data]);
  const riff = Buffer.concat([Buffer.from("RIFF"), Buffer.alloc(4), body]);
  riff.writeUInt32LE(body.length, 4);
  const path = join(dir, `${samples.length}-${Math.random()}.wav`);
  writeFileSync(path, riff);
  return path;
}

describe("computePeaks", () => {
  it("gives the loudest sample of each slice, scaled 0–1", async () => {
    const samples = [
      ...Array(100).fill(0),
      ...Array(100).fill(16384),
      ...Array(100).fill(-32768),
      ...Array(100).fill(3277),
    ];
    expect(await computePeaks(wav(samples), 4)).toEqual([0, 0.5, 1, 0.1]);
  });

  it("reads a long file in chunks without losing samples at the seams", async () => {
    const samples = Array.from({ length: 200_001 }, (_, i) => (i === 150_000 ? 32767 : 100));
    const peaks = await computePeaks(wav(samples), 8);
    expect(peaks).toHaveLength(8);
    expect(peaks.indexOf(1)).toBe(5);
    expect(peaks.filter((p) => p === 1)).toHaveLength(1);
  });

  it("refuses a file that is not a WAV", async () => {
    const path = join(dir, "text.wav");
    writeFileSync(path, "hello, this is not audio");
    await expect(computePeaks(path)).rejects.toThrow("Not a WAV file");
  });
});
