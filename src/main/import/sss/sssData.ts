/**
 * The Triple-S data file: finding it, splitting it into records (fixed columns or CSV fields) and
 * turning each field into a column value by its variable's type. A data file that disagrees with
 * its metadata is refused with the line and column of the first disagreement, because importing
 * half-understood survey data would put wrong numbers in front of a client.
 *
 * Values per type: single → its code (NaN when blank, or 0 when 0 is not a declared code, which
 * Triple-S uses for "no answer"); literal single → the code text; quantity → the number; logical →
 * 0/1; character → the text without the padding; date → 'YYYY-MM-DD'; time → 'HH:MM:SS';
 * multiple → the selected codes joined by ';' ('' when none is selected, null when the field is
 * blank). Missing is NaN for numbers and null for text, as everywhere in ImportedColumn.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApiError } from '../../../shared/api/apiTypes';
import type { ImportedColumn } from '../importedDataset';
import type { SssRecord, SssVariable } from './sssMetadata';

/** A field that does not fit its variable; `offset` points into the field when it can. */
class FieldProblem {
  constructor(
    readonly message: string,
    readonly offset = 0,
  ) {}
}

interface FieldDecoder {
  kind: 'numeric' | 'text';
  decode(raw: string): number | string | null;
}

const WHOLE_NUMBER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Declared numeric codes: the listed values plus every whole number inside a <range>. */
function numericCodeTest(variable: SssVariable): (code: number) => boolean {
  const listed = new Set(variable.values.map((value) => Number(value.code)));
  const ranges = variable.ranges.map((range) => [Number(range.from), Number(range.to)] as const);
  return (code) => listed.has(code) || ranges.some(([from, to]) => code >= from && code <= to);
}

function declaredList(variable: SssVariable): string {
  const parts = [
    ...variable.values.map((value) => value.code),
    ...variable.ranges.map((range) => `${range.from}-${range.to}`),
  ];
  const shown = parts.slice(0, 12).join(', ');
  return parts.length > 12 ? `${shown}, …` : shown;
}

function twoDigits(text: string, from: number): number {
  return Number(text.slice(from, from + 2));
}

function singleDecoder(variable: SssVariable): FieldDecoder {
  const { name } = variable;
  if (variable.format === 'literal') {
    const codes = new Set(variable.values.map((value) => value.code));
    const inRange = numericCodeTest({ ...variable, values: [] });
    return {
      kind: 'text',
      decode(raw) {
        const code = raw.trim();
        if (code === '') return null;
        if (codes.has(code) || (NUMBER.test(code) && inRange(Number(code)))) return code;
        throw new FieldProblem(
          `${name}: code "${code}" is not declared (declared: ${declaredList(variable)})`,
        );
      },
    };
  }
  const declared = numericCodeTest(variable);
  return {
    kind: 'numeric',
    decode(raw) {
      const text = raw.trim();
      if (text === '') return Number.NaN;
      if (!WHOLE_NUMBER.test(text))
        throw new FieldProblem(`${name}: "${text}" is not a whole-number code`);
      const code = Number(text);
      if (declared(code)) return code;
      // Triple-S writes 0 for "not answered" unless 0 is one of the codes.
      if (code === 0) return Number.NaN;
      // An undeclared code is kept, not lost: the validation report lists it as a code without
      // a label (R's sss would read it as NA, which silently drops what the file says).
      return code;
    },
  };
}

function multipleDecoder(variable: SssVariable, undeclared: { count: number }): FieldDecoder {
  const { name, spread } = variable;
  const declared = numericCodeTest(variable);
  if (spread === null) {
    return {
      kind: 'text',
      decode(raw) {
        if (raw.trim() === '') return null;
        const codes: number[] = [];
        for (let i = 0; i < raw.length; i++) {
          const bit = raw[i];
          if (bit === '0' || bit === ' ') continue;
          if (bit !== '1')
            throw new FieldProblem(`${name}: "${bit}" in a bitstring, which holds only 0 and 1`, i);
          // The standard asks importers to ignore positions of undeclared categories.
          if (declared(i + 1)) codes.push(i + 1);
          else undeclared.count++;
        }
        return codes.join(';');
      },
    };
  }
  const { subfields, width } = spread;
  return {
    kind: 'text',
    decode(raw) {
      if (raw.trim() === '') return null;
      const codes: number[] = [];
      for (let k = 0; k < subfields; k++) {
        const text = raw.slice(k * width, (k + 1) * width).trim();
        if (text === '') continue;
        if (!/^\d+$/.test(text))
          throw new FieldProblem(`${name}: "${text}" is not a whole-number code`, k * width);
        const code = Number(text);
        if (code === 0) continue;
        if (!declared(code))
          throw new FieldProblem(
            `${name}: code ${code} is not declared (declared: ${declaredList(variable)})`,
            k * width,
          );
        // Subfield order is kept: exporters may list the first mention first.
        if (!codes.includes(code)) codes.push(code);
      }
      return codes.join(';');
    },
  };
}

function decoderFor(
  variable: SssVariable,
  format: SssRecord['format'],
  undeclared: { count: number },
): FieldDecoder {
  const { name } = variable;
  switch (variable.type) {
    case 'single':
      return singleDecoder(variable);
    case 'multiple':
      return multipleDecoder(variable, undeclared);
    case 'quantity':
      return {
        kind: 'numeric',
        decode(raw) {
          const text = raw.trim();
          if (text === '') return Number.NaN;
          if (!NUMBER.test(text)) throw new FieldProblem(`${name}: "${text}" is not a number`);
          return Number(text);
        },
      };
    case 'logical':
      return {
        kind: 'numeric',
        decode(raw) {
          const text = raw.trim();
          if (text === '') return Number.NaN;
          if (text === '0' || text === '1') return Number(text);
          throw new FieldProblem(`${name}: "${text}" is not a logical value (0 or 1)`);
        },
      };
    case 'character':
      return {
        kind: 'text',
        decode(raw) {
          // Fixed columns pad with spaces; a CSV field holds exactly the text.
          const text = format === 'fixed' ? raw.replace(/\s+$/, '') : raw;
          return text === '' ? null : text;
        },
      };
    case 'date':
      return {
        kind: 'text',
        decode(raw) {
          const text = raw.trim();
          if (text === '' || /^0+$/.test(text)) return null;
          const month = twoDigits(text, 4);
          const day = twoDigits(text, 6);
          if (!/^\d{8}$/.test(text) || month < 1 || month > 12 || day < 1 || day > 31)
            throw new FieldProblem(`${name}: "${text}" is not a date (YYYYMMDD)`);
          return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
        },
      };
    case 'time':
      return {
        kind: 'text',
        decode(raw) {
          const text = raw.trim();
          if (text === '') return null;
          // HHMMSS is the standard; some exporters (LimeSurvey) write HHMM.
          const full = /^\d{4}$/.test(text) ? `${text}00` : text;
          if (
            !/^\d{6}$/.test(full) ||
            twoDigits(full, 0) > 24 ||
            twoDigits(full, 2) > 59 ||
            twoDigits(full, 4) > 59
          )
            throw new FieldProblem(`${name}: "${text}" is not a time (HHMMSS)`);
          return `${full.slice(0, 2)}:${full.slice(2, 4)}:${full.slice(4, 6)}`;
        },
      };
  }
}

/** The data file: the record's href (beside the metadata), else the metadata's stem. */
export async function locateDataFile(
  sssFile: string,
  record: SssRecord,
): Promise<{ file: string; warnings: string[] }> {
  const dir = path.dirname(sssFile);
  const tried: string[] = [];
  const isFile = async (candidate: string): Promise<boolean> => {
    if (tried.includes(candidate)) return false;
    tried.push(candidate);
    try {
      return (await stat(candidate)).isFile();
    } catch {
      return false;
    }
  };
  const { href } = record;
  const notFound = (found: string): string[] =>
    href === null
      ? []
      : [
          `${sssFile}: the data file named in the metadata (${href}) was not found; read ${found} instead`,
        ];
  if (href !== null) {
    const direct = href.startsWith('file:') ? fileURLToPath(href) : path.resolve(dir, href);
    if (await isFile(direct)) return { file: direct, warnings: [] };
    // Exporters often write the absolute path on their own machine (C:\Users\…\test.asc).
    const base = href.split(/[\\/]/).pop();
    if (base) {
      const beside = path.join(dir, base);
      if (await isFile(beside)) return { file: beside, warnings: notFound(beside) };
    }
  }
  const stem = path.join(dir, path.parse(sssFile).name);
  const extensions = record.format === 'csv' ? ['.csv', '.asc', '.dat'] : ['.asc', '.dat', '.csv'];
  for (const extension of extensions) {
    for (const candidate of [stem + extension, stem + extension.toUpperCase()]) {
      if (await isFile(candidate)) return { file: candidate, warnings: notFound(candidate) };
    }
  }
  throw new ApiError(
    'not-found',
    `${sssFile}: the data file was not found; tried ${tried.join(', ')}`,
  );
}

interface Field {
  text: string;
  line: number;
  column: number;
}

interface DataRecord {
  line: number;
  /** Fixed format: the whole line as one field; CSV: one per field. */
  fields: Field[];
  /** Where the record ends (for "too few fields"), and how far into the text it reaches. */
  endLine: number;
  endColumn: number;
  endOffset: number;
}

function* fixedRecords(text: string): Generator<DataRecord> {
  let offset = 0;
  let line = 0;
  while (offset < text.length) {
    line++;
    let end = offset;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const content = text.slice(offset, end);
    const next = text[end] === '\r' && text[end + 1] === '\n' ? end + 2 : end + 1;
    yield {
      line,
      fields: [{ text: content, line, column: 1 }],
      endLine: line,
      endColumn: content.length + 1,
      endOffset: next,
    };
    offset = next;
  }
}

function* csvRecords(text: string, dataFile: string): Generator<DataRecord> {
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  while (offset < text.length) {
    const recordLine = line;
    const fields: Field[] = [];
    for (;;) {
      const field: Field = { text: '', line, column: offset - lineStart + 1 };
      if (text[offset] === '"') {
        let value = '';
        let at = offset + 1;
        for (;;) {
          const close = text.indexOf('"', at);
          if (close === -1)
            throw new ApiError(
              'invalid-input',
              `${dataFile}: line ${field.line}, column ${field.column}: a quoted field is never closed`,
            );
          const chunk = text.slice(at, close);
          // Quoted fields may span lines; keep counting them so later errors point right.
          for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) {
            line++;
            lineStart = at + i + 1;
          }
          value += chunk;
          if (text[close + 1] === '"') {
            value += '"';
            at = close + 2;
            continue;
          }
          offset = close + 1;
          break;
        }
        const after = text[offset];
        if (after !== undefined && after !== ',' && after !== '\n' && after !== '\r')
          throw new ApiError(
            'invalid-input',
            `${dataFile}: line ${line}, column ${offset - lineStart + 1}: unexpected "${after}" after a closing quote`,
          );
        field.text = value;
      } else {
        let end = offset;
        while (end < text.length && text[end] !== ',' && text[end] !== '\n' && text[end] !== '\r')
          end++;
        field.text = text.slice(offset, end);
        offset = end;
      }
      fields.push(field);
      if (text[offset] === ',') {
        offset++;
        continue;
      }
      break;
    }
    const endLine = line;
    const endColumn = offset - lineStart + 1;
    if (text[offset] === '\r' && text[offset + 1] === '\n') offset += 2;
    else if (offset < text.length) offset++;
    line++;
    lineStart = offset;
    yield { line: recordLine, fields, endLine, endColumn, endOffset: offset };
  }
}

export interface SssDataOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function abortError(signal: AbortSignal): Error {
  const error = new Error('reading the Triple-S data file was aborted', { cause: signal.reason });
  error.name = 'AbortError';
  return error;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Records between checks for cancellation (and progress reports). */
const BATCH = 4096;

/** Trailing line breaks and a DOS end-of-file mark (Ctrl-Z) are not records. */
function withoutTrailer(text: string): string {
  let end = text.length;
  while (
    end > 0 &&
    (text[end - 1] === '\n' || text[end - 1] === '\r' || text[end - 1] === '\u001a')
  )
    end--;
  return text.slice(0, end);
}

export interface SssData {
  cases: number;
  columns: ImportedColumn[];
  warnings: string[];
}

export async function readSssData(
  dataFile: string,
  text: string,
  record: SssRecord,
  variables: SssVariable[],
  options: SssDataOptions = {},
): Promise<SssData> {
  const { signal, onProgress } = options;
  const undeclared = variables.map(() => ({ count: 0 }));
  const decoders = variables.map((variable, i) =>
    decoderFor(variable, record.format, undeclared[i]!),
  );
  const numbers = decoders.map((): number[] => []);
  const texts = decoders.map((): Array<string | null> => []);
  const body = withoutTrailer(text);
  const records = record.format === 'fixed' ? fixedRecords(body) : csvRecords(body, dataFile);
  const needed = variables.reduce(
    (most, variable) =>
      Math.max(
        most,
        record.format === 'fixed' ? variable.position.finish : variable.position.start,
      ),
    0,
  );
  const byEnd = [...variables].sort((a, b) => a.position.finish - b.position.finish);
  const place = (line: number, column: number): string =>
    `${dataFile}: line ${line}, column ${column}`;
  let expectedFields: number | null = null;
  let cases = 0;
  let seen = 0;
  for (const data of records) {
    if (seen++ < record.skip) continue;
    if (cases % BATCH === 0) {
      onProgress?.(data.endOffset, body.length);
      if (cases > 0) await yieldToEventLoop();
      if (signal?.aborted) throw abortError(signal);
    }
    if (record.format === 'fixed') {
      const length = data.fields[0]!.text.length;
      if (length < needed) {
        const short = byEnd.find((variable) => variable.position.finish > length)!;
        throw new ApiError(
          'invalid-input',
          `${place(data.line, length + 1)}: the line has ${length} characters, too short for ${short.name} (columns ${short.position.start}-${short.position.finish})`,
        );
      }
    } else {
      expectedFields ??= data.fields.length;
      if (data.fields.length !== expectedFields || data.fields.length < needed) {
        const want = Math.max(expectedFields, needed);
        const beyond = data.fields[want];
        const column = beyond === undefined ? data.endColumn : beyond.column;
        const line = beyond === undefined ? data.endLine : beyond.line;
        throw new ApiError(
          'invalid-input',
          `${place(line, column)}: ${data.fields.length} fields, but ${expectedFields === data.fields.length ? `the metadata needs ${needed}` : `the first record has ${expectedFields}`}`,
        );
      }
    }
    for (let v = 0; v < variables.length; v++) {
      const variable = variables[v]!;
      const decoder = decoders[v]!;
      let field: Field;
      let raw: string;
      if (record.format === 'fixed') {
        field = data.fields[0]!;
        raw = field.text.slice(variable.position.start - 1, variable.position.finish);
      } else {
        field = data.fields[variable.position.start - 1]!;
        raw = field.text;
      }
      let value: number | string | null;
      try {
        value = decoder.decode(raw);
      } catch (error) {
        if (!(error instanceof FieldProblem)) throw error;
        const column =
          record.format === 'fixed' ? variable.position.start + error.offset : field.column;
        throw new ApiError('invalid-input', `${place(field.line, column)}: ${error.message}`);
      }
      if (decoder.kind === 'numeric') numbers[v]!.push(value as number);
      else texts[v]!.push(value as string | null);
    }
    cases++;
  }
  onProgress?.(body.length, body.length);
  const warnings: string[] = [];
  variables.forEach((variable, v) => {
    const { count } = undeclared[v]!;
    if (count > 0)
      warnings.push(
        `${dataFile}: ${variable.name}: ${count} selection${count === 1 ? '' : 's'} of categories the metadata does not declare ignored, as the standard asks (declared: ${declaredList(variable)})`,
      );
  });
  const columns: ImportedColumn[] = decoders.map((decoder, v) =>
    decoder.kind === 'numeric'
      ? { kind: 'numeric', values: Float64Array.from(numbers[v]!) }
      : { kind: 'text', values: texts[v]! },
  );
  return { cases, columns, warnings };
}
