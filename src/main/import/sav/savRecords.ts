/**
 * Parses the dictionary of an SPSS system file: everything from the file header up to the
 * dictionary termination record (999). It works in two passes because the text encoding is
 * declared near the end (record 7.20) yet applies to names and labels read earlier: first every
 * record is collected as raw bytes, then the SavDictionary and the case layout the data decoder
 * needs are built from them. Every count read from the file is checked against the bytes that
 * remain before anything is allocated or looped over, so a hostile file fails fast.
 */
import type { FileHandle } from 'node:fs/promises';
import {
  SavFormatError,
  type SavAlignment,
  type SavDictionary,
  type SavFormat,
  type SavMeasure,
  type SavMissing,
  type SavMultiResponseSet,
  type SavRole,
  type SavValueLabel,
  type SavVariable,
} from './savModel';
import {
  TextDecoderFor,
  encodingForCharacterCode,
  isValidUtf8,
  normalizeEncodingName,
  trimEndIndex,
  utf8CompleteEnd,
  type EncodingSource,
} from './savEncoding';

const DBL_MAX = Number.MAX_VALUE;
/** Older writers stored LOWEST as the second-largest negative double (0xffeffffffffffffe). */
const OLD_LOWEST = -1.7976931348623155e308;
const HEADER_SIZE = 176;
const READ_AHEAD = 256 * 1024;
/** No real dictionary record comes near this; a larger claim is treated as corruption. */
const MAX_RECORD_BYTES = 512 * 1024 * 1024;
const MAX_STRING_WIDTH = 32767;

/** Where one final variable's value lives inside the 8-byte elements of a decoded case. */
export type SavColumnLayout =
  | { kind: 'numeric'; offset: number }
  | {
      kind: 'string';
      width: number;
      /** Byte ranges within the case, concatenated then cut to `width` (very long strings). */
      segments: Array<{ offset: number; length: number }>;
    };

/** What the data decoder needs beyond the dictionary itself. */
export interface SavLayout {
  file: string;
  fileSize: number;
  littleEndian: boolean;
  compression: 'none' | 'bytecode' | 'zlib';
  bias: number;
  /** 8-byte elements per case, counting every variable record including continuations. */
  caseElements: number;
  dataOffset: number;
  declaredCases: number | null;
  encoding: string;
  columns: SavColumnLayout[];
}

export interface ParsedDictionary {
  dictionary: SavDictionary;
  layout: SavLayout;
}

/**
 * Sequential reader over the file with a read-ahead buffer. Each `need` both bounds-checks the
 * request against the file size and makes the bytes available for the synchronous getters.
 */
class FileCursor {
  pos = 0;
  littleEndian = true;
  private buf: Buffer = Buffer.alloc(0);
  private bufStart = 0;

  constructor(
    private readonly fh: FileHandle,
    readonly file: string,
    readonly size: number,
  ) {}

  fail(reason: string, offset: number = this.pos): never {
    throw new SavFormatError(this.file, offset, reason);
  }

  remaining(): number {
    return this.size - this.pos;
  }

  async need(n: number, what: string): Promise<void> {
    if (n > this.size - this.pos) {
      this.fail(`file ends in the middle of ${what} (${n} bytes needed, ${this.remaining()} left)`);
    }
    const inBuf = this.pos >= this.bufStart ? this.bufStart + this.buf.length - this.pos : 0;
    if (inBuf >= n) return;
    const want = Math.min(Math.max(n, READ_AHEAD), this.size - this.pos);
    const next = Buffer.allocUnsafe(want);
    let filled = 0;
    if (inBuf > 0) filled = this.buf.copy(next, 0, this.pos - this.bufStart);
    while (filled < want) {
      const { bytesRead } = await this.fh.read(next, filled, want - filled, this.pos + filled);
      if (bytesRead === 0) this.fail('file ended early (was it truncated while reading?)');
      filled += bytesRead;
    }
    this.buf = next;
    this.bufStart = this.pos;
  }

  private take(n: number): number {
    const at = this.pos - this.bufStart;
    this.pos += n;
    return at;
  }

  i32(): number {
    const at = this.take(4);
    return this.littleEndian ? this.buf.readInt32LE(at) : this.buf.readInt32BE(at);
  }

  f64(): number {
    const at = this.take(8);
    return this.littleEndian ? this.buf.readDoubleLE(at) : this.buf.readDoubleBE(at);
  }

  u8(): number {
    return this.buf[this.take(1)]!;
  }

  /** A copy, so later buffer refills cannot change it. */
  bytes(n: number): Buffer {
    const at = this.take(n);
    return Buffer.from(this.buf.subarray(at, at + n));
  }

  skip(n: number, what: string): void {
    if (n > this.size - this.pos) this.fail(`file ends in the middle of ${what}`);
    this.pos += n;
  }
}

interface RawVar {
  offset: number;
  width: number;
  /** Index of the first 8-byte element of this variable within a case. */
  element: number;
  name: Buffer;
  label: Buffer | null;
  nMissing: number;
  missing: Buffer;
  print: number;
  write: number;
}

interface RawValueLabels {
  offset: number;
  entries: Array<{ value: Buffer; label: Buffer }>;
  indexes: number[];
}

interface RawExtension {
  subtype: number;
  offset: number;
  size: number;
  count: number;
  data: Buffer;
}

interface RawDictionary {
  littleEndian: boolean;
  compression: 'none' | 'bytecode' | 'zlib';
  product: Buffer;
  weightIndex: number;
  ncases: number;
  bias: number;
  creationDate: Buffer;
  creationTime: Buffer;
  fileLabel: Buffer;
  vars: RawVar[];
  elementCount: number;
  valueLabels: RawValueLabels[];
  documents: Buffer[];
  extensions: RawExtension[];
  dataOffset: number;
  warnings: string[];
}

/** Subtypes understood below, with the element size the spec gives them. */
const EXTENSION_SIZES: ReadonlyMap<number, number> = new Map([
  [3, 4],
  [4, 8],
  [7, 1],
  [10, 1],
  [11, 4],
  [13, 1],
  [14, 1],
  [16, 8],
  [17, 1],
  [18, 1],
  [19, 1],
  [20, 1],
  [21, 1],
  [22, 1],
]);
/** Known subtypes that carry nothing the model keeps: variable sets, date info, UUID, display XML. */
const SILENTLY_SKIPPED = new Set([5, 6, 12, 24]);

const roundUp = (n: number, to: number): number => Math.ceil(n / to) * to;

async function readHeader(cur: FileCursor): Promise<RawDictionary> {
  if (cur.size < 4) cur.fail('file is too short to be an SPSS system file', 0);
  await cur.need(Math.min(cur.size, HEADER_SIZE), 'the file header');
  const head = cur.bytes(Math.min(cur.size, 36));
  cur.pos = 0;
  if (head.length >= 20 && head.toString('latin1', 8, 20) === 'ENCRYPTEDSAV') {
    cur.fail('encrypted .sav files are not supported', 8);
  }
  const magic = head.toString('latin1', 0, 4);
  if (head[0] === 0x5b && head[1] === 0xc6 && head[2] === 0xd3 && head[3] === 0xf2) {
    cur.fail('EBCDIC system files are not supported', 0);
  }
  if (magic !== '$FL2' && magic !== '$FL3') {
    cur.fail(`not an SPSS system file (starts with ${head.subarray(0, 4).toString('hex')})`, 0);
  }
  await cur.need(HEADER_SIZE, 'the file header');
  cur.pos = 4;
  const product = cur.bytes(60);
  const layoutOffset = cur.pos;
  const layoutBytes = cur.bytes(4);
  const le = layoutBytes.readInt32LE(0);
  const be = layoutBytes.readInt32BE(0);
  if (le === 2 || le === 3) cur.littleEndian = true;
  else if (be === 2 || be === 3) cur.littleEndian = false;
  else cur.fail(`unrecognised layout code ${le} (expected 2 or 3)`, layoutOffset);
  cur.i32(); // nominal_case_size: unreliable by the spec's own account, so recomputed
  const compressionOffset = cur.pos;
  const compressionCode = cur.i32();
  let compression: RawDictionary['compression'];
  if (compressionCode === 0) compression = 'none';
  else if (compressionCode === 1) compression = 'bytecode';
  else if (compressionCode === 2) compression = 'zlib';
  else cur.fail(`unknown compression code ${compressionCode}`, compressionOffset);
  if ((magic === '$FL3') !== (compression === 'zlib')) {
    cur.fail(
      `compression code ${compressionCode} does not match magic ${magic}`,
      compressionOffset,
    );
  }
  const weightIndex = cur.i32();
  const ncases = cur.i32();
  const bias = cur.f64();
  const creationDate = cur.bytes(9);
  const creationTime = cur.bytes(8);
  const fileLabel = cur.bytes(64);
  cur.pos = HEADER_SIZE;
  return {
    littleEndian: cur.littleEndian,
    compression,
    product,
    weightIndex,
    ncases,
    bias,
    creationDate,
    creationTime,
    fileLabel,
    vars: [],
    elementCount: 0,
    valueLabels: [],
    documents: [],
    extensions: [],
    dataOffset: 0,
    warnings: [],
  };
}

async function readVariableRecord(
  cur: FileCursor,
  raw: RawDictionary,
  pendingContinuations: { owner: RawVar | null; left: number },
): Promise<void> {
  const offset = cur.pos - 4;
  await cur.need(28, 'a variable record');
  const type = cur.i32();
  const hasLabel = cur.i32();
  const nMissing = cur.i32();
  const print = cur.i32();
  const write = cur.i32();
  const name = cur.bytes(8);
  if (type < -1 || type > 255) cur.fail(`variable record has invalid type/width ${type}`, offset);
  if (hasLabel !== 0 && hasLabel !== 1) {
    cur.fail(`variable record has invalid label flag ${hasLabel}`, offset);
  }
  let label: Buffer | null = null;
  if (hasLabel === 1) {
    await cur.need(4, 'a variable label');
    const lenOffset = cur.pos;
    const len = cur.i32();
    if (len < 0 || len > cur.remaining()) {
      cur.fail(`variable label length ${len} is impossible`, lenOffset);
    }
    const padded = roundUp(len, 4);
    await cur.need(padded, 'a variable label');
    label = cur.bytes(len);
    cur.skip(padded - len, 'a variable label');
  }
  if (![0, 1, 2, 3, -2, -3].includes(nMissing)) {
    cur.fail(`variable record has invalid missing-value count ${nMissing}`, offset);
  }
  const missingBytes = 8 * Math.abs(nMissing);
  await cur.need(missingBytes, 'missing values');
  const missing = cur.bytes(missingBytes);

  if (type === -1) {
    // Dummy records may carry a label (seen in the wild); it was parsed above and is dropped.
    if (pendingContinuations.left <= 0) {
      cur.fail('string continuation record without a preceding long string variable', offset);
    }
    pendingContinuations.left--;
    raw.elementCount++;
    return;
  }
  if (pendingContinuations.left > 0) {
    cur.fail('long string variable is missing continuation records', offset);
  }
  const v: RawVar = {
    offset,
    width: type,
    element: raw.elementCount,
    name,
    label,
    nMissing,
    missing,
    print,
    write,
  };
  raw.vars.push(v);
  raw.elementCount++;
  pendingContinuations.owner = v;
  pendingContinuations.left = type > 8 ? Math.ceil(type / 8) - 1 : 0;
}

async function readValueLabelRecords(cur: FileCursor, raw: RawDictionary): Promise<void> {
  const offset = cur.pos - 4;
  await cur.need(4, 'a value label record');
  const count = cur.i32();
  // Each label takes at least 16 bytes (8-byte value, length byte, padding to 8).
  if (count < 0 || count > cur.remaining() / 16) {
    cur.fail(`value label record claims ${count} labels`, offset);
  }
  const entries: RawValueLabels['entries'] = [];
  for (let i = 0; i < count; i++) {
    await cur.need(9, 'a value label');
    const value = cur.bytes(8);
    const len = cur.u8();
    const rest = roundUp(len + 1, 8) - 1;
    await cur.need(rest, 'a value label');
    const label = cur.bytes(len);
    cur.skip(rest - len, 'a value label');
    entries.push({ value, label });
  }
  await cur.need(8, 'a value label variables record');
  const typeOffset = cur.pos;
  const type = cur.i32();
  if (type !== 4) {
    cur.fail(`expected a value label variables record (type 4), found type ${type}`, typeOffset);
  }
  const n = cur.i32();
  if (n < 0 || n * 4 > cur.remaining()) {
    cur.fail(`value label variables record claims ${n} variables`, typeOffset);
  }
  await cur.need(n * 4, 'a value label variables record');
  const indexes: number[] = [];
  for (let i = 0; i < n; i++) indexes.push(cur.i32());
  raw.valueLabels.push({ offset, entries, indexes });
}

async function readRawDictionary(cur: FileCursor): Promise<RawDictionary> {
  const raw = await readHeader(cur);
  const continuations: { owner: RawVar | null; left: number } = { owner: null, left: 0 };
  for (;;) {
    await cur.need(4, 'the dictionary (no end-of-dictionary record)');
    const recOffset = cur.pos;
    const recType = cur.i32();
    if (recType !== 2 && continuations.left > 0) {
      cur.fail('long string variable is missing continuation records', recOffset);
    }
    switch (recType) {
      case 2:
        await readVariableRecord(cur, raw, continuations);
        break;
      case 3:
        await readValueLabelRecords(cur, raw);
        break;
      case 4:
        cur.fail('value label variables record (type 4) without a value label record', recOffset);
        break;
      case 6: {
        await cur.need(4, 'a document record');
        const n = cur.i32();
        if (n < 0 || n * 80 > cur.remaining()) {
          cur.fail(`document record claims ${n} lines`, recOffset);
        }
        await cur.need(n * 80, 'a document record');
        for (let i = 0; i < n; i++) raw.documents.push(cur.bytes(80));
        break;
      }
      case 7: {
        await cur.need(12, 'an extension record header');
        const subtype = cur.i32();
        const size = cur.i32();
        const count = cur.i32();
        const len = size * count;
        if (size < 0 || count < 0 || len > cur.remaining() || len > MAX_RECORD_BYTES) {
          cur.fail(
            `record 7.${subtype} claims ${size} x ${count} bytes but ${cur.remaining()} remain`,
            recOffset,
          );
        }
        const expected = EXTENSION_SIZES.get(subtype);
        if (expected === undefined) {
          if (!SILENTLY_SKIPPED.has(subtype)) {
            raw.warnings.push(`skipped unknown record 7.${subtype} at byte ${recOffset}`);
          }
          cur.skip(len, `record 7.${subtype}`);
        } else if (size !== expected) {
          raw.warnings.push(
            `skipped record 7.${subtype} at byte ${recOffset}: element size ${size}, expected ${expected}`,
          );
          cur.skip(len, `record 7.${subtype}`);
        } else {
          await cur.need(len, `record 7.${subtype}`);
          raw.extensions.push({ subtype, offset: recOffset, size, count, data: cur.bytes(len) });
        }
        break;
      }
      case 999:
        await cur.need(4, 'the end-of-dictionary record');
        cur.i32();
        raw.dataOffset = cur.pos;
        return raw;
      default:
        cur.fail(`unrecognised record type ${recType}`, recOffset);
    }
  }
}

/** Byte-level reader for the payload of one extension record; throws on overrun. */
class PayloadReader {
  pos = 0;
  constructor(
    readonly data: Buffer,
    private readonly le: boolean,
  ) {}
  left(): number {
    return this.data.length - this.pos;
  }
  i32(): number {
    if (this.left() < 4) throw new RangeError('record ends unexpectedly');
    const v = this.le ? this.data.readInt32LE(this.pos) : this.data.readInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  u8(): number {
    if (this.left() < 1) throw new RangeError('record ends unexpectedly');
    return this.data[this.pos++]!;
  }
  bytes(n: number): Buffer {
    if (n < 0 || n > this.left()) throw new RangeError('record ends unexpectedly');
    const b = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

function int64At(data: Buffer, at: number, le: boolean): number {
  const v = le ? data.readBigInt64LE(at) : data.readBigInt64BE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) || v < -1n ? -1 : Number(v);
}

function decodeFormat(code: number): SavFormat {
  return { type: (code >>> 16) & 0xff, width: (code >>> 8) & 0xff, decimals: code & 0xff };
}

/** Short names are compared as raw bytes (latin1 strings) so encoding cannot break the match. */
function nameKey(bytes: Buffer): string {
  return bytes.toString('latin1', 0, trimEndIndex(bytes, 0, bytes.length, true));
}

const MEASURES: readonly SavMeasure[] = ['unknown', 'nominal', 'ordinal', 'scale'];
const ALIGNMENTS: readonly SavAlignment[] = ['left', 'right', 'center'];
const ROLES: readonly SavRole[] = ['input', 'target', 'both', 'none', 'partition', 'split'];

interface Resolved {
  encoding: string;
  source: EncodingSource;
}

/**
 * Chooses the text encoding. A caller override wins, then record 7.20, then a meaningful
 * character code from record 7.3. With neither, the file is from an old writer: if its text is
 * valid UTF-8 containing non-ASCII bytes it is taken as UTF-8 (Unix-era and ReadStat files),
 * otherwise windows-1252, the code page of almost all old SPSS for Windows files; both decode
 * ASCII identically, so pure-ASCII files are unaffected.
 */
function resolveEncoding(
  raw: RawDictionary,
  override: string | undefined,
  characterCode: number | null,
): Resolved {
  if (override !== undefined) {
    const name = normalizeEncodingName(override);
    if (name === null) throw new RangeError(`unknown encoding "${override}"`);
    return { encoding: name, source: 'override' };
  }
  for (const ext of raw.extensions) {
    if (ext.subtype !== 20) continue;
    const declared = ext.data.toString('latin1');
    const name = normalizeEncodingName(declared);
    if (name !== null) return { encoding: name, source: 'record' };
    raw.warnings.push(`unsupported encoding "${declared}" in record 7.20; guessing instead`);
  }
  if (characterCode !== null) {
    const name = encodingForCharacterCode(characterCode);
    if (name !== null) return { encoding: name, source: 'character-code' };
  }
  const samples: Buffer[] = [raw.fileLabel];
  for (const v of raw.vars) {
    samples.push(v.name);
    if (v.label) samples.push(v.label);
  }
  for (const vl of raw.valueLabels) for (const e of vl.entries) samples.push(e.label);
  for (const d of raw.documents) samples.push(d);
  for (const ext of raw.extensions) if (ext.subtype === 13) samples.push(ext.data);
  const joined = Buffer.concat(samples.map((s) => Buffer.concat([s, Buffer.from([0x20])])));
  const nonAscii = joined.some((b) => b >= 0x80);
  if (nonAscii && isValidUtf8(joined)) return { encoding: 'utf-8', source: 'default' };
  return { encoding: 'windows-1252', source: 'default' };
}

/** Parses the attribute-set syntax of records 7.17/7.18: name('v'\n'v'\n)name('v'\n)… */
function parseAttributeSet(
  text: string,
  start: number,
  perVariable: boolean,
): { attrs: Record<string, string[]>; pos: number } {
  const attrs: Record<string, string[]> = {};
  let pos = start;
  while (pos < text.length) {
    if (perVariable && text[pos] === '/') break;
    if (text[pos] === '\n' || text[pos] === '\0') {
      pos++;
      continue;
    }
    const open = text.indexOf('(', pos);
    if (open < 0) throw new RangeError(`attribute without values at character ${pos}`);
    const name = text.slice(pos, open);
    pos = open + 1;
    const values: string[] = [];
    for (;;) {
      if (text[pos] === ')') {
        pos++;
        break;
      }
      if (text[pos] !== "'") throw new RangeError(`malformed attribute value at character ${pos}`);
      const end = text.indexOf("'\n", pos + 1);
      if (end < 0) throw new RangeError(`unterminated attribute value at character ${pos}`);
      values.push(text.slice(pos + 1, end));
      pos = end + 2;
    }
    attrs[name] = values;
  }
  return { attrs, pos };
}

/** Indexes of `items` by a key, in order, for matching names without quadratic scans. */
function indexBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number[]> {
  const map = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  });
  return map;
}

/**
 * Turns the raw records into the public dictionary and the case layout. One method per record
 * kind, applied in dependency order: very long strings decide which records are variables, long
 * names decide what they are called, and everything keyed by name comes after that.
 */
class DictionaryBuilder {
  private readonly warnings: string[];
  private readonly le: boolean;
  private readonly vars: RawVar[];
  private readonly encoding: string;
  private readonly encodingSource: EncodingSource;
  private readonly dec: TextDecoderFor;
  private readonly lowMarks = new Set([-DBL_MAX, OLD_LOWEST]);
  private readonly highMarks = new Set([DBL_MAX]);
  /** Width of the very long string that starts at a raw variable index. */
  private readonly vlsWidth = new Map<number, number>();
  /** Raw variable index → final variable index, or -1 for a very long string's later segment. */
  private finalOf: number[] = [];
  /** Final variable index → raw index of its (first) record. */
  private rawOf: number[] = [];
  private readonly variables: SavVariable[] = [];
  private readonly columns: SavColumnLayout[] = [];
  private byName = new Map<string, SavVariable>();

  constructor(
    private readonly raw: RawDictionary,
    override: string | undefined,
  ) {
    this.warnings = raw.warnings;
    this.le = raw.littleEndian;
    this.vars = raw.vars;
    const characterCode = this.readMachineInfo();
    const { encoding, source } = resolveEncoding(raw, override, characterCode);
    this.encoding = encoding;
    this.encodingSource = source;
    this.dec = new TextDecoderFor(encoding);
  }

  private exts(subtype: number): RawExtension[] {
    return this.raw.extensions.filter((e) => e.subtype === subtype);
  }

  private warn(ext: RawExtension, what: string): void {
    this.warnings.push(`record 7.${ext.subtype} at byte ${ext.offset}: ${what}`);
  }

  /** Labels keep their bytes as written (trailing blanks too, as PSPP shows them). */
  private text(b: Buffer): string {
    let end = b.length;
    while (end > 0 && b[end - 1] === 0) end--;
    return this.dec.decode(b, 0, end);
  }

  /** Fixed-width fields the format pads with blanks: header texts, documents, names. */
  private padded(b: Buffer): string {
    return this.dec.decode(b, 0, trimEndIndex(b, 0, b.length, true));
  }

  /**
   * A value cut to `width` bytes and trimmed of blanks like data values (names also of NULs); a
   * UTF-8 character split by the cut is dropped.
   */
  private stringValue(b: Buffer, width: number, nulToo = false): string {
    let end = trimEndIndex(b, 0, Math.min(width, b.length), nulToo);
    if (this.encoding === 'utf-8') end = utf8CompleteEnd(b, 0, end);
    return this.dec.decode(b, 0, end);
  }

  private num(b: Buffer): number {
    return this.le ? b.readDoubleLE(0) : b.readDoubleBE(0);
  }

  private findVar(name: string): SavVariable | undefined {
    return this.byName.get(name.toUpperCase());
  }

  /** Records 7.3 and 7.4; returns the character code, the encoding of last resort. */
  private readMachineInfo(): number | null {
    let characterCode: number | null = null;
    for (const ext of this.exts(3)) {
      if (ext.count !== 8) this.warn(ext, `expected 8 fields, found ${ext.count}; ignored`);
      else characterCode = this.le ? ext.data.readInt32LE(28) : ext.data.readInt32BE(28);
    }
    for (const ext of this.exts(4)) {
      if (ext.count !== 3) {
        this.warn(ext, `expected 3 fields, found ${ext.count}; ignored`);
        continue;
      }
      const [sysmis, highest, lowest] = [0, 8, 16].map((at) =>
        this.le ? ext.data.readDoubleLE(at) : ext.data.readDoubleBE(at),
      ) as [number, number, number];
      // Like PSPP, the spec's -DBL_MAX stays the system-missing value whatever a writer claims.
      if (sysmis !== -DBL_MAX) {
        this.warn(ext, `declares ${sysmis} as system-missing; using -DBL_MAX as the spec says`);
      }
      if (Number.isFinite(highest) && highest > 1e300) this.highMarks.add(highest);
      if (Number.isFinite(lowest) && lowest < -1e300) this.lowMarks.add(lowest);
    }
    return characterCode;
  }

  /** Record 7.14: marks which 255-byte variables start a very long string and which follow it. */
  private joinVeryLongStrings(): boolean[] {
    const vars = this.vars;
    const isLaterSegment = new Array<boolean>(vars.length).fill(false);
    const candidates = indexBy(vars, (v) => nameKey(v.name));
    for (const ext of this.exts(14)) {
      for (const part of splitBytes(ext.data, 0x09)) {
        const tuple = stripNuls(part);
        if (tuple.length === 0) continue;
        const eq = tuple.indexOf(0x3d);
        const width = eq < 0 ? NaN : Number(tuple.toString('latin1', eq + 1).trim());
        if (eq <= 0 || !Number.isInteger(width)) {
          this.warn(ext, `malformed entry "${tuple.toString('latin1')}" ignored`);
          continue;
        }
        const key = nameKey(tuple.subarray(0, eq));
        if (width <= 255 || width > MAX_STRING_WIDTH) {
          this.warn(ext, `width ${width} for ${key} is out of range; ignored`);
          continue;
        }
        // SPSS derives segment names from the first letters of the name, so they can collide
        // with other variables; the first free 255-byte variable of that name is the start.
        const first = (candidates.get(key) ?? []).find(
          (i) => !isLaterSegment[i] && !this.vlsWidth.has(i) && vars[i]!.width === 255,
        );
        if (first === undefined) {
          this.warn(ext, `no 255-byte string variable ${key} to start a very long string`);
          continue;
        }
        const n = Math.ceil(width / 252);
        const lastWidth = width - (n - 1) * 252;
        let ok = first + n <= vars.length;
        for (let j = 1; ok && j < n; j++) {
          const seg = vars[first + j]!;
          const fits =
            j < n - 1
              ? seg.width === 255
              : seg.width > 0 && roundUp(seg.width, 8) === roundUp(lastWidth, 8);
          if (!fits || isLaterSegment[first + j] || this.vlsWidth.has(first + j)) ok = false;
        }
        if (!ok) {
          this.warn(ext, `segments of very long string ${key} (width ${width}) do not match`);
          continue;
        }
        this.vlsWidth.set(first, width);
        for (let j = 1; j < n; j++) isLaterSegment[first + j] = true;
      }
    }
    return isLaterSegment;
  }

  /** One SavVariable (and column layout) per variable record that is not a later segment. */
  private createVariables(isLaterSegment: boolean[]): void {
    const vars = this.vars;
    this.finalOf = vars.map(() => -1);
    for (let i = 0; i < vars.length; i++) {
      if (isLaterSegment[i]) continue;
      const v = vars[i]!;
      this.finalOf[i] = this.variables.length;
      this.rawOf.push(i);
      const vls = this.vlsWidth.get(i);
      const width = vls ?? v.width;
      const printFormat = decodeFormat(v.print);
      const writeFormat = decodeFormat(v.write);
      if (vls !== undefined) {
        printFormat.width = vls;
        writeFormat.width = vls;
      }
      if (v.width === 0) {
        this.columns.push({ kind: 'numeric', offset: v.element * 8 });
      } else {
        const n = vls === undefined ? 1 : Math.ceil(vls / 252);
        const segments = vars
          .slice(i, i + n)
          .map((seg) => ({ offset: seg.element * 8, length: seg.width }));
        this.columns.push({ kind: 'string', width, segments });
      }
      const shortName = this.stringValue(v.name, 8, true);
      this.variables.push({
        name: shortName,
        shortName,
        width,
        label: v.label === null ? null : this.text(v.label),
        printFormat,
        writeFormat,
        measure: 'unknown',
        alignment: v.width === 0 ? 'right' : 'left',
        // Without record 7.11, the display width PSPP and SPSS assume: 8 for numbers, and the
        // string width up to 32 characters.
        displayWidth: width === 0 ? 8 : Math.min(width, 32),
        role: 'input',
        missing: this.recordMissing(v),
        valueLabels: [],
        attributes: {},
      });
    }
  }

  /** Missing values stored in the variable record itself. */
  private recordMissing(rv: RawVar): SavMissing {
    if (rv.nMissing === 0) return { kind: 'none' };
    const elems: Buffer[] = [];
    for (let k = 0; k < Math.abs(rv.nMissing); k++) {
      elems.push(rv.missing.subarray(k * 8, k * 8 + 8));
    }
    if (rv.width > 0) {
      if (rv.nMissing > 0) {
        return { kind: 'discrete', values: elems.map((e) => this.stringValue(e, rv.width)) };
      }
      this.warnings.push(`string variable at byte ${rv.offset} has a missing-value range; ignored`);
      return { kind: 'none' };
    }
    const values = elems.map((e) => this.num(e));
    if (rv.nMissing > 0) return { kind: 'discrete', values };
    const low = this.lowMarks.has(values[0]!) ? -Infinity : values[0]!;
    const high = this.highMarks.has(values[1]!) ? Infinity : values[1]!;
    const range: SavMissing = { kind: 'range', low, high };
    if (rv.nMissing === -3) range.discrete = values[2]!;
    return range;
  }

  /** Record 7.13. Keys are short names, matched as bytes against the variable records. */
  private applyLongNames(): void {
    const byKey = indexBy(this.rawOf, (r) => nameKey(this.vars[r]!.name));
    const byUpperKey = indexBy(this.rawOf, (r) => nameKey(this.vars[r]!.name).toUpperCase());
    const named = new Array<boolean>(this.variables.length).fill(false);
    for (const ext of this.exts(13)) {
      for (const part of splitBytes(ext.data, 0x09)) {
        const eq = part.indexOf(0x3d);
        if (eq <= 0) {
          if (stripNuls(part).length > 0) {
            this.warn(ext, `malformed entry "${part.toString('latin1')}"`);
          }
          continue;
        }
        const key = nameKey(part.subarray(0, eq));
        const long = this.padded(stripNuls(part.subarray(eq + 1)));
        const free = (list: number[] | undefined): number | undefined =>
          list?.find((f) => !named[f]);
        const f = free(byKey.get(key)) ?? free(byUpperKey.get(key.toUpperCase()));
        if (f === undefined || long === '') {
          this.warn(ext, `long name "${long}" for unknown variable ${key} ignored`);
          continue;
        }
        named[f] = true;
        this.variables[f]!.name = long;
      }
    }
    makeNamesUnique(this.variables, this.warnings);
    this.byName = new Map(this.variables.map((v) => [v.name.toUpperCase(), v]));
  }

  /** The final variable at a 1-based dictionary index (records 3/4 and the weight index). */
  private variableAtIndex(index: number, elementToRaw: Map<number, number>): SavVariable | null {
    const r = elementToRaw.get(index - 1);
    const f = r === undefined ? -1 : this.finalOf[r]!;
    return f < 0 ? null : this.variables[f]!;
  }

  /** Records 3 + 4: labels for numeric and short string variables. */
  private applyValueLabels(elementToRaw: Map<number, number>): void {
    for (const vl of this.raw.valueLabels) {
      for (const index of vl.indexes) {
        const sv = this.variableAtIndex(index, elementToRaw);
        if (sv === null) {
          this.warnings.push(
            `value labels at byte ${vl.offset} name dictionary index ${index}, not a variable`,
          );
        } else if (sv.width > 8) {
          this.warnings.push(
            `value labels at byte ${vl.offset} for long string ${sv.name} ignored`,
          );
        } else {
          const labels = vl.entries.map((e): SavValueLabel => ({
            value: sv.width === 0 ? this.num(e.value) : this.stringValue(e.value, sv.width),
            label: this.text(e.label),
          }));
          addValueLabels(sv, labels, this.warnings);
        }
      }
    }
  }

  /** Record 7.11: one entry per variable record that is not a string continuation. */
  private applyDisplayParameters(): void {
    const nRecords = this.vars.length;
    const nVariables = this.variables.length;
    for (const ext of this.exts(11)) {
      // Per the spec the entries follow the variable records (segments included); tolerate
      // writers that count joined variables instead.
      const targets =
        ext.count === 3 * nRecords || ext.count === 2 * nRecords
          ? this.finalOf
          : ext.count === 3 * nVariables || ext.count === 2 * nVariables
            ? this.variables.map((_, i) => i)
            : [];
      if (targets.length === 0) {
        this.warn(ext, `${ext.count} fields do not fit ${nRecords} variables; ignored`);
        continue;
      }
      const withWidth = ext.count === 3 * targets.length;
      const r = new PayloadReader(ext.data, this.le);
      for (const f of targets) {
        const measure = r.i32();
        const width = withWidth ? r.i32() : -1;
        const align = r.i32();
        const sv = this.variables[f];
        if (sv === undefined) continue;
        sv.measure = MEASURES[measure] ?? 'unknown';
        if (width >= 0) sv.displayWidth = width;
        sv.alignment = ALIGNMENTS[align] ?? sv.alignment;
      }
    }
  }

  /** Record 7.21: value labels for strings wider than 8 bytes, keyed by long name. */
  private applyLongStringValueLabels(): void {
    for (const ext of this.exts(21)) {
      const r = new PayloadReader(ext.data, this.le);
      try {
        while (r.left() > 0) {
          const name = this.padded(r.bytes(r.i32()));
          r.i32(); // var_width, redundant with the dictionary
          const n = r.i32();
          if (n < 0 || n * 8 > r.left()) throw new RangeError('record ends unexpectedly');
          const labels: SavValueLabel[] = [];
          for (let i = 0; i < n; i++) {
            const value = r.bytes(r.i32());
            const label = r.bytes(r.i32());
            labels.push({ value: this.stringValue(value, value.length), label: this.text(label) });
          }
          const sv = this.findVar(name);
          if (sv === undefined || sv.width === 0) {
            this.warn(ext, `labels for unknown string variable ${name} ignored`);
          } else {
            addValueLabels(sv, labels, this.warnings);
          }
        }
      } catch (e) {
        // Like PSPP, a record whose contents overrun is skipped, not fatal (CVE-2017-10791).
        this.warn(ext, `${(e as Error).message}; rest of the record ignored`);
      }
    }
  }

  /**
   * Record 7.22. SPSS writes one value length shared by the values; old PSPP wrote one per value,
   * which the spec says readers may tolerate, so that layout is the fallback.
   */
  private applyLongStringMissing(): void {
    for (const ext of this.exts(22)) {
      const parsed =
        parseLongStringMissing(ext.data, this.le, true) ??
        parseLongStringMissing(ext.data, this.le, false);
      if (parsed === null) {
        this.warn(ext, 'record ends unexpectedly; ignored');
        continue;
      }
      for (const entry of parsed) {
        const name = this.padded(entry.name);
        const sv = this.findVar(name);
        if (sv === undefined || sv.width === 0) {
          this.warn(ext, `missing values for unknown string variable ${name} ignored`);
        } else {
          const values = entry.values.map((b) => this.stringValue(b, b.length));
          sv.missing = { kind: 'discrete', values };
        }
      }
    }
  }

  /** Records 7.17 (file) and 7.18 (variables); the $@Role attribute becomes `role`. */
  private applyAttributes(): Record<string, string[]> {
    const fileAttributes: Record<string, string[]> = {};
    for (const ext of this.exts(17)) {
      try {
        Object.assign(fileAttributes, parseAttributeSet(this.text(ext.data), 0, false).attrs);
      } catch (e) {
        this.warn(ext, `${(e as Error).message}; rest of the record ignored`);
      }
    }
    for (const ext of this.exts(18)) {
      const t = this.text(ext.data);
      let pos = 0;
      try {
        while (pos < t.length) {
          if (t[pos] === '/' || t[pos] === '\n' || t[pos] === '\0') {
            pos++;
            continue;
          }
          const colon = t.indexOf(':', pos);
          if (colon < 0) throw new RangeError(`variable name without ":" at character ${pos}`);
          const name = t.slice(pos, colon);
          const set = parseAttributeSet(t, colon + 1, true);
          pos = set.pos;
          const sv = this.findVar(name);
          if (sv === undefined) {
            this.warn(ext, `attributes for unknown variable ${name} ignored`);
            continue;
          }
          const role = set.attrs['$@Role'];
          if (role !== undefined) {
            delete set.attrs['$@Role'];
            const r = ROLES[Number(role[0])];
            if (r !== undefined) sv.role = r;
            else this.warn(ext, `unknown role ${role[0] ?? ''} for ${name}`);
          }
          Object.assign(sv.attributes, set.attrs);
        }
      } catch (e) {
        this.warn(ext, `${(e as Error).message}; rest of the record ignored`);
      }
    }
    return fileAttributes;
  }

  /** Records 7.7 and 7.19. Members are lower-cased short names. */
  private multiResponseSets(): SavMultiResponseSet[] {
    const sets: SavMultiResponseSet[] = [];
    const byShortName = new Map<string, SavVariable>();
    for (const v of [...this.variables].reverse()) byShortName.set(v.shortName.toUpperCase(), v);
    for (const ext of [...this.exts(7), ...this.exts(19)]) {
      try {
        parseMultiResponse(
          ext.data,
          (b) => this.text(b),
          (set, members) => {
            for (const member of members) {
              const m = this.stringValue(member, member.length, true);
              const sv = byShortName.get(m.toUpperCase()) ?? this.findVar(m);
              if (sv === undefined) this.warn(ext, `set ${set.name} names unknown variable ${m}`);
              else set.variables.push(sv.name);
            }
            if (set.countedValue !== undefined) {
              const first = this.findVar(set.variables[0] ?? '');
              const counted = String(set.countedValue).trim();
              set.countedValue =
                first !== undefined && first.width === 0 ? Number(counted) : counted;
            }
            sets.push(set);
          },
        );
      } catch (e) {
        this.warn(ext, `${(e as Error).message}; rest of the record ignored`);
      }
    }
    return sets;
  }

  /** Header count, or record 7.16's 64-bit count when the header says -1 (unknown). */
  private declaredCases(): number | null {
    let ncases64: number | null = null;
    for (const ext of this.exts(16)) {
      if (ext.count !== 2) this.warn(ext, `expected 2 fields, found ${ext.count}; ignored`);
      else ncases64 = int64At(ext.data, 8, this.le);
    }
    if (this.raw.ncases >= 0) return this.raw.ncases;
    return ncases64 !== null && ncases64 >= 0 ? ncases64 : null;
  }

  build(file: string, fileSize: number): ParsedDictionary {
    const raw = this.raw;
    this.createVariables(this.joinVeryLongStrings());
    this.applyLongNames();
    const elementToRaw = new Map(this.vars.map((v, i) => [v.element, i]));
    this.applyValueLabels(elementToRaw);
    this.applyDisplayParameters();
    this.applyLongStringValueLabels();
    this.applyLongStringMissing();
    const fileAttributes = this.applyAttributes();
    const multiResponseSets = this.multiResponseSets();
    const declaredCases = this.declaredCases();

    let weightVariable: string | null = null;
    if (raw.weightIndex !== 0) {
      const sv = this.variableAtIndex(raw.weightIndex, elementToRaw);
      if (sv === null || sv.width !== 0) {
        this.warnings.push(`weight index ${raw.weightIndex} is not a numeric variable; ignored`);
      } else {
        weightVariable = sv.name;
      }
    }

    const dictionary: SavDictionary = {
      encoding: this.encoding,
      encodingSource: this.encodingSource,
      byteOrder: this.le ? 'little' : 'big',
      compression: raw.compression,
      declaredCases,
      product: this.padded(raw.product),
      creationDate: this.padded(raw.creationDate),
      creationTime: this.padded(raw.creationTime),
      fileLabel: this.padded(raw.fileLabel),
      weightVariable,
      variables: this.variables,
      multiResponseSets,
      documents: raw.documents.map((d) => this.padded(d)),
      fileAttributes,
      warnings: this.warnings,
    };
    for (const ext of this.exts(10)) dictionary.extraProductInfo = this.padded(ext.data);
    return {
      dictionary,
      layout: {
        file,
        fileSize,
        littleEndian: this.le,
        compression: raw.compression,
        bias: raw.bias,
        caseElements: raw.elementCount,
        dataOffset: raw.dataOffset,
        declaredCases,
        encoding: this.encoding,
        columns: this.columns,
      },
    };
  }
}

function splitBytes(data: Buffer, sep: number): Buffer[] {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i <= data.length; i++) {
    if (i === data.length || data[i] === sep) {
      parts.push(data.subarray(start, i));
      start = i + 1;
    }
  }
  return parts;
}

function stripNuls(b: Buffer): Buffer {
  let s = 0;
  let e = b.length;
  while (s < e && b[s] === 0) s++;
  while (e > s && b[e - 1] === 0) e--;
  return b.subarray(s, e);
}

function addValueLabels(sv: SavVariable, labels: SavValueLabel[], warnings: string[]): void {
  let duplicates = 0;
  for (const l of labels) {
    if (sv.valueLabels.some((x) => Object.is(x.value, l.value))) duplicates++;
    else sv.valueLabels.push(l);
  }
  if (duplicates > 0) {
    warnings.push(`${sv.name}: ${duplicates} duplicate value label(s) ignored (first one kept)`);
  }
}

function makeNamesUnique(variables: SavVariable[], warnings: string[]): void {
  const seen = new Set<string>();
  for (const [i, v] of variables.entries()) {
    if (v.name === '') v.name = `V${i + 1}`;
    let name = v.name;
    for (let k = 2; seen.has(name.toUpperCase()); k++) name = `${v.name}_${k}`;
    if (name !== v.name) {
      warnings.push(`duplicate variable name ${v.name} renamed to ${name}`);
      v.name = name;
    }
    seen.add(name.toUpperCase());
  }
}

function parseLongStringMissing(
  data: Buffer,
  le: boolean,
  sharedLength: boolean,
): Array<{ name: Buffer; values: Buffer[] }> | null {
  const r = new PayloadReader(data, le);
  const out: Array<{ name: Buffer; values: Buffer[] }> = [];
  try {
    while (r.left() > 0) {
      const name = r.bytes(r.i32());
      const n = r.u8();
      if (n < 1 || n > 3) return null;
      const values: Buffer[] = [];
      if (sharedLength) {
        const len = r.i32();
        for (let i = 0; i < n; i++) values.push(r.bytes(len));
      } else {
        for (let i = 0; i < n; i++) values.push(r.bytes(r.i32()));
      }
      out.push({ name, values });
    }
  } catch {
    return null;
  }
  return out;
}

/**
 * Parses the text of records 7.7/7.19: "$name=C 10 my mcgroup a b c\n", "$b=D2 55 0  g e f d\n",
 * "$d=E 1 2 34 13 third mdgroup k l m\n". Counts are byte counts, so this works on bytes.
 */
function parseMultiResponse(
  data: Buffer,
  text: (b: Buffer) => string,
  emit: (set: SavMultiResponseSet, members: Buffer[]) => void,
): void {
  let p = 0;
  const fail = (what: string): never => {
    throw new RangeError(`malformed multiple response set at byte ${p}: ${what}`);
  };
  const skipSpace = (): void => {
    if (data[p] === 0x20) p++;
  };
  const digits = (): number => {
    const s = p;
    while (p < data.length && data[p]! >= 0x30 && data[p]! <= 0x39) p++;
    if (p === s) fail('expected a number');
    return Number(data.toString('latin1', s, p));
  };
  const counted = (): Buffer => {
    const n = digits();
    if (data[p] !== 0x20) fail('expected a space after a count');
    p++;
    if (n > data.length - p) fail('count runs past the end of the record');
    const b = data.subarray(p, p + n);
    p += n;
    return b;
  };
  while (p < data.length) {
    if (data[p] === 0x0a || data[p] === 0x00) {
      p++;
      continue;
    }
    const eq = data.indexOf(0x3d, p);
    if (eq < 0) fail('no "=" after the set name');
    const name = text(data.subarray(p, eq));
    p = eq + 1;
    const kind = String.fromCharCode(data[p++] ?? 0);
    const set: SavMultiResponseSet = { name, label: '', type: 'categories', variables: [] };
    if (kind === 'C') {
      skipSpace();
    } else if (kind === 'D' || kind === 'E') {
      set.type = 'dichotomies';
      set.labelSource = kind === 'D' ? 'varlabels' : 'countedvalues';
      if (kind === 'E') {
        skipSpace();
        digits();
        skipSpace();
      }
      set.countedValue = text(counted());
      skipSpace();
    } else {
      fail(`unknown set type "${kind}"`);
    }
    set.label = text(counted());
    let end = data.indexOf(0x0a, p);
    if (end < 0) end = data.length;
    const members = splitBytes(data.subarray(p, end), 0x20).filter((m) => m.length > 0);
    p = end;
    emit(set, members);
  }
}

/** Reads and interprets the dictionary; `cur` is left at the first byte of the data. */
export async function parseDictionary(
  fh: FileHandle,
  file: string,
  options: { encoding?: string } = {},
): Promise<ParsedDictionary> {
  const { size } = await fh.stat();
  const cur = new FileCursor(fh, file, size);
  const raw = await readRawDictionary(cur);
  return new DictionaryBuilder(raw, options.encoding).build(file, size);
}
