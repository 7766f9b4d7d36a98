/**
 * Case data for the .sav writer: turns the model's columns into 8-byte elements case by case
 * and emits them either raw (compression 0) or with SPSS's bytecode compression (compression 1,
 * which .zsav files also use inside their zlib blocks). Output is produced in bounded buffers
 * handed to a sink, so a file of any size is written without holding its data twice in memory.
 */
import type { Layout } from './savLayout';
import { COMPRESSION_BIAS } from './savDictionary';
import { CODES_MISSING } from '../../import/importedDataset';

/** Where produced bytes go; it must be done with `chunk` when the promise settles. */
export interface ByteSink {
  write(chunk: Buffer): Promise<void>;
}

const SYSMIS = -Number.MAX_VALUE;
const SPACE = 0x20;
const CHUNK_BYTES = 4 * 1024 * 1024;

const CODE_UNCOMPRESSED = 253;
const CODE_SPACES = 254;
const CODE_SYSMIS = 255;

interface StringPlan {
  values: string[];
  width: number;
  scratch: Buffer;
  /** Per segment: first element index, elements, value offset, bytes used. */
  segments: Array<{ element: number; elements: number; offset: number; used: number }>;
  truncated: number;
  name: string;
}

interface NumericPlan {
  values: Float64Array;
  element: number;
}

/** A coded column: one byte per case, CODES_MISSING for system-missing. */
interface CodesPlan {
  values: Uint8Array;
  element: number;
}

/** Fills the elements of one case from the columns. */
export class CaseEncoder {
  readonly elementsPerCase: number;
  readonly caseBytes: number;
  /** 1 where the element holds string bytes, 0 where it holds a number. */
  readonly stringElement: Uint8Array;
  private readonly numerics: NumericPlan[] = [];
  private readonly codes: CodesPlan[] = [];
  private readonly strings: StringPlan[] = [];

  constructor(layout: Layout) {
    this.elementsPerCase = layout.elementsPerCase;
    this.caseBytes = layout.elementsPerCase * 8;
    this.stringElement = new Uint8Array(layout.elementsPerCase);
    for (const variable of layout.variables) {
      const { column } = variable;
      if (column.kind === 'numeric') {
        this.numerics.push({ values: column.values, element: variable.elementOffset });
        continue;
      }
      if (column.kind === 'codes') {
        this.codes.push({ values: column.values, element: variable.elementOffset });
        continue;
      }
      let element = variable.elementOffset;
      const segments = variable.segments.map((segment) => {
        const plan = {
          element,
          elements: segment.elements,
          offset: segment.valueOffset,
          used: segment.usedBytes,
        };
        this.stringElement.fill(1, element, element + segment.elements);
        element += segment.elements;
        return plan;
      });
      this.strings.push({
        values: column.values,
        width: variable.width,
        scratch: Buffer.alloc(variable.width),
        segments,
        truncated: 0,
        name: variable.name,
      });
    }
  }

  /** Writes case `index` as `caseBytes` bytes into `target` at `at`. */
  encode(index: number, target: Buffer, at: number): void {
    for (const { values, element } of this.numerics) {
      const value = values[index] ?? Number.NaN;
      target.writeDoubleLE(Number.isNaN(value) ? SYSMIS : value, at + element * 8);
    }
    for (const { values, element } of this.codes) {
      const code = values[index] ?? CODES_MISSING;
      target.writeDoubleLE(code === CODES_MISSING ? SYSMIS : code, at + element * 8);
    }
    for (const plan of this.strings) {
      const value = plan.values[index] ?? '';
      // Node's UTF-8 encoder (the same one iconv-lite's UTF-8 codec uses) writing into a
      // fixed buffer never writes a partial character, so cutting at the width is safe.
      const written = value === '' ? 0 : plan.scratch.write(value, 0, plan.width, 'utf8');
      if (
        written < value.length ||
        (written > plan.width - 4 && Buffer.byteLength(value, 'utf8') > written)
      ) {
        plan.truncated++;
      }
      for (const segment of plan.segments) {
        const start = at + segment.element * 8;
        target.fill(SPACE, start, start + segment.elements * 8);
        const end = Math.min(segment.offset + segment.used, written);
        if (end > segment.offset) plan.scratch.copy(target, start, segment.offset, end);
      }
    }
  }

  /** One warning per string variable whose values did not fit its width. */
  truncationWarnings(): string[] {
    return this.strings
      .filter((plan) => plan.truncated > 0)
      .map(
        (plan) =>
          `variable ${plan.name}: ${plan.truncated} value(s) longer than ${plan.width} bytes ` +
          'were cut at a character boundary',
      );
  }
}

/** Produces the data record from cases; `flushIfFull` is the only point where it waits. */
export interface CaseWriter {
  addCase(index: number): void;
  /** True when the buffer may not hold another case. */
  readonly full: boolean;
  flush(): Promise<void>;
  finish(): Promise<void>;
}

export class UncompressedCaseWriter implements CaseWriter {
  private readonly buffer: Buffer;
  private used = 0;

  constructor(
    private readonly encoder: CaseEncoder,
    private readonly sink: ByteSink,
  ) {
    this.buffer = Buffer.alloc(Math.max(CHUNK_BYTES, encoder.caseBytes));
  }

  get full(): boolean {
    return this.buffer.length - this.used < this.encoder.caseBytes;
  }

  addCase(index: number): void {
    this.encoder.encode(index, this.buffer, this.used);
    this.used += this.encoder.caseBytes;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.sink.write(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  finish(): Promise<void> {
    return this.flush();
  }
}

/**
 * Bytecode compression: groups of 8 one-byte codes, each group followed by the 8-byte
 * elements its code-253 entries refer to. Small integers, system-missing and all-blank string
 * elements take a code only.
 */
export class BytecodeCaseWriter implements CaseWriter {
  private readonly buffer: Buffer;
  private readonly scratch: Buffer;
  private readonly worstCase: number;
  private used = 0;
  /** Start of the open command group, and how many of its 8 codes are taken. */
  private group = 0;
  private codes = 8;

  constructor(
    private readonly encoder: CaseEncoder,
    private readonly sink: ByteSink,
  ) {
    const elements = encoder.elementsPerCase;
    this.worstCase = elements * 8 + (Math.ceil(elements / 8) + 1) * 8;
    this.buffer = Buffer.alloc(Math.max(CHUNK_BYTES, this.worstCase * 2));
    this.scratch = Buffer.alloc(encoder.caseBytes);
  }

  get full(): boolean {
    return this.buffer.length - this.used < this.worstCase;
  }

  private code(code: number): void {
    if (this.codes === 8) {
      this.group = this.used;
      this.buffer.fill(0, this.used, this.used + 8);
      this.used += 8;
      this.codes = 0;
    }
    this.buffer[this.group + this.codes++] = code;
  }

  private raw(element: number): void {
    this.code(CODE_UNCOMPRESSED);
    this.scratch.copy(this.buffer, this.used, element * 8, element * 8 + 8);
    this.used += 8;
  }

  addCase(index: number): void {
    const { scratch, encoder } = this;
    const isString = encoder.stringElement;
    encoder.encode(index, scratch, 0);
    for (let element = 0; element < encoder.elementsPerCase; element++) {
      const at = element * 8;
      if (isString[element] === 1) {
        let blank = true;
        for (let i = at; i < at + 8; i++) {
          if (scratch[i] !== SPACE) {
            blank = false;
            break;
          }
        }
        if (blank) this.code(CODE_SPACES);
        else this.raw(element);
        continue;
      }
      const value = scratch.readDoubleLE(at);
      if (value === SYSMIS) this.code(CODE_SYSMIS);
      else if (
        Number.isInteger(value) &&
        value >= 1 - COMPRESSION_BIAS &&
        value <= 251 - COMPRESSION_BIAS
      ) {
        this.code(value + COMPRESSION_BIAS);
      } else this.raw(element);
    }
  }

  /** Hands over every complete group; the open group moves to the buffer's start. */
  async flush(): Promise<void> {
    const complete = this.codes === 8 ? this.used : this.group;
    if (complete > 0) await this.sink.write(this.buffer.subarray(0, complete));
    this.buffer.copyWithin(0, complete, this.used);
    this.used -= complete;
    this.group -= complete;
  }

  async finish(): Promise<void> {
    // Unused codes of the last group stay 0, which readers skip as padding.
    if (this.used > 0) await this.sink.write(this.buffer.subarray(0, this.used));
    this.used = 0;
    this.group = 0;
    this.codes = 8;
  }
}
