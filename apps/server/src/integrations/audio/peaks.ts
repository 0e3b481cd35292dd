import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";

/** Where the samples of a 16-bit PCM WAV start and how many bytes they take (past any LIST chunks). */
async function findDataChunk(wavPath: string): Promise<{ offset: number; bytes: number }> {
  const file = await open(wavPath, "r");
  try {
    const header = Buffer.alloc(64 * 1024);
    const { bytesRead } = await file.read(header, 0, header.length, 0);
    if (header.toString("ascii", 0, 4) !== "RIFF" || header.toString("ascii", 8, 12) !== "WAVE")
      throw new Error("Not a WAV file");
    let at = 12;
    while (at + 8 <= bytesRead) {
      const id = header.toString("ascii", at, at + 4);
      const size = header.readUInt32LE(at + 4);
      if (id === "fmt " && header.readUInt16LE(at + 8 + 14) !== 16) throw new Error("Not 16-bit PCM");
      if (id === "data") {
        const { size: fileSize } = await file.stat();
        // ffmpeg writing to a pipe leaves the size unknown (0 or 0xFFFFFFFF): the rest of the file.
        const bytes = size === 0 || size === 0xffffffff ? fileSize - (at + 8) : size;
        return { offset: at + 8, bytes: Math.min(bytes, fileSize - (at + 8)) };
      }
      at += 8 + size + (size % 2);
    }
    throw new Error("No data chunk in the WAV file");
  } finally {
    await file.close();
  }
}

/**
 * The loudness envelope of a mono 16-bit WAV for a waveform: the peak |amplitude| (0–1) of each of
 * `buckets` equal slices, read as a stream (a long call is never held in memory).
 */
export async function computePeaks(wavPath: string, buckets = 800): Promise<number[]> {
  const { offset, bytes } = await findDataChunk(wavPath);
  const samples = Math.floor(bytes / 2);
  if (samples === 0) return [];
  const count = Math.min(buckets, samples);
  const peaks = new Array<number>(count).fill(0);
  // Sample index where each bucket ends, so the loop compares instead of dividing per sample.
  const bucketEnd = (bucket: number) => Math.ceil(((bucket + 1) * samples) / count);
  let bucket = 0;
  let nextBoundary = bucketEnd(0);
  let loudest = 0;
  let index = 0;
  let carry: Buffer | null = null;
  const stream = createReadStream(wavPath, { start: offset, end: offset + samples * 2 - 1 });
  for await (const raw of stream as AsyncIterable<Buffer>) {
    const chunk: Buffer = carry ? Buffer.concat([carry, raw]) : raw;
    const usable = chunk.length - (chunk.length % 2);
    // An aligned copy lets us read the samples as an Int16Array (WAV is little-endian, as are we).
    const values = new Int16Array(chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + usable));
    for (let i = 0; i < values.length; i++, index++) {
      if (index >= nextBoundary) {
        peaks[bucket] = loudest;
        loudest = 0;
        bucket = Math.min(count - 1, bucket + 1);
        nextBoundary = bucketEnd(bucket);
      }
      const value = values[i] as number;
      const amplitude = value < 0 ? -value : value;
      if (amplitude > loudest) loudest = amplitude;
    }
    carry = usable < chunk.length ? chunk.subarray(usable) : null;
  }
  peaks[bucket] = Math.max(peaks[bucket] ?? 0, loudest);
  // Two decimals is all a waveform can show; it keeps the stored JSON small.
  return peaks.map((p) => Math.round(Math.min(1, p / 32768) * 100) / 100);
}
