/**
 * Seeded generators of CSV files for the reader's tests, load tests and speed measurement, so
 * every run reads the same bytes: the benchmark survey of ../shared/PERFORMANCE.md (N × 200
 * codes with 2–12 categories, skewed to the low codes, every fifth variable with about 3% missing,
 * plus a float weight), a very wide file, and a file with one huge text field. Big files go to
 * os.tmpdir(), never into the repository.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** mulberry32: small, fast, and the same sequence everywhere for the same seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes rows through one reusable buffer, flushed when full. */
class ByteWriter {
  private readonly buffer = Buffer.allocUnsafe(8 * 1024 * 1024);
  private used = 0;
  bytesWritten = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    if (this.used + text.length * 3 > this.buffer.length) this.flush();
    if (text.length * 3 > this.buffer.length) {
      writeSync(this.fd, text);
      this.bytesWritten += Buffer.byteLength(text);
      return;
    }
    this.used += this.buffer.write(text, this.used);
  }

  byte(value: number): void {
    if (this.used === this.buffer.length) this.flush();
    this.buffer[this.used++] = value;
  }

  flush(): void {
    writeSync(this.fd, this.buffer, 0, this.used);
    this.bytesWritten += this.used;
    this.used = 0;
  }
}

function withWriter(file: string, body: (writer: ByteWriter) => void): number {
  const fd = openSync(file, 'w');
  try {
    const writer = new ByteWriter(fd);
    body(writer);
    writer.flush();
    return writer.bytesWritten;
  } finally {
    closeSync(fd);
  }
}

export interface SurveyCsvSummary {
  bytes: number;
  /** Sum of every non-missing code per variable, and of the weights: what a reader must find. */
  sums: Float64Array;
  missing: Uint32Array;
}

/** The benchmark survey as CSV: q001..q200 then weight; missing codes are empty fields. */
export function writeSurveyCsv(
  file: string,
  rows: number,
  variables = 200,
  seed = 20261127,
): SurveyCsvSummary {
  const random = seededRandom(seed);
  const categories = Array.from({ length: variables }, () => 2 + Math.floor(random() * 11));
  const sums = new Float64Array(variables + 1);
  const missing = new Uint32Array(variables + 1);
  const bytes = withWriter(file, (writer) => {
    const names = categories.map((_, v) => `q${String(v + 1).padStart(3, '0')}`);
    writer.write(`${names.join(',')},weight\n`);
    for (let r = 0; r < rows; r++) {
      for (let v = 0; v < variables; v++) {
        if (v % 5 === 4 && random() < 0.03) missing[v]!++;
        else {
          const u = random();
          const code = 1 + Math.floor(u * u * categories[v]!);
          sums[v]! += code;
          if (code >= 10) writer.byte(0x30 + Math.floor(code / 10));
          writer.byte(0x30 + (code % 10));
        }
        writer.byte(0x2c);
      }
      const weight = Math.round((0.3 + random() * 2.4) * 1e6) / 1e6;
      sums[variables]! += weight;
      writer.write(String(weight));
      writer.byte(0x0a);
    }
  });
  return { bytes, sums, missing };
}

/** A file of `columns` integer columns c1..cN and `rows` rows; cell (r, c) holds r + c. */
export function writeWideCsv(file: string, rows: number, columns: number): number {
  return withWriter(file, (writer) => {
    writer.write(Array.from({ length: columns }, (_, c) => `c${c + 1}`).join(','));
    writer.byte(0x0a);
    for (let r = 0; r < rows; r++) {
      writer.write(Array.from({ length: columns }, (_, c) => String(r + c)).join(','));
      writer.byte(0x0a);
    }
  });
}

/**
 * id,note,score with three rows; the second row's note is a quoted field of `size` bytes of
 * seeded text holding commas, doubled quotes and newlines. Returns the note as a reader must see it.
 */
export function writeBigFieldCsv(file: string, size: number, seed = 7): string {
  const random = seededRandom(seed);
  const alphabet = Buffer.from('abcdefghij klmnopqrstuvwxyz,"\n', 'latin1');
  const note = Buffer.allocUnsafe(size);
  for (let i = 0; i < size; i++) note[i] = alphabet[Math.floor(random() * alphabet.length)]!;
  withWriter(file, (writer) => {
    writer.write('id,note,score\n1,short,5\n2,"');
    for (let i = 0; i < size; i++) {
      if (note[i] === 0x22) writer.byte(0x22);
      writer.byte(note[i]!);
    }
    writer.write('",7\n3,"x",9\n');
  });
  return note.toString('latin1');
}
