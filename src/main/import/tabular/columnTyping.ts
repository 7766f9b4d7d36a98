/**
 * The typing rules CSV and Excel share (docs/import-typing.md states them for users): a flat
 * table carries no dictionary, so a variable's name, type and categories come from its header
 * and values. The rules are few and predictable, and the caller (the import wizard) can override
 * every guess before importing:
 *
 * - names are kept verbatim; a blank header becomes V<column>, a repeated one <name>_2, <name>_3
 *   …, with a warning;
 * - empty, `NA` and `.` are missing (see cellText.ts for what counts as a number);
 * - a column of numbers (integers or decimals) is `numeric`;
 * - a text column whose values are all ISO dates is `date` (SPSS seconds since 1582-10-14);
 * - another text column with at most `maxCategories` (50) distinct values is `single`: codes
 *   1..k in the texts' code-point order (locale-independent: "B" < "a" < "é"), the texts as
 *   value labels; any other text column stays `text`;
 * - declared value labels (an Excel codebook sheet) make a numeric column `single` with its own
 *   codes, and a text column whose every value is one of the labels `single` with the codes.
 */
import { ApiError } from '../../../shared/api/apiTypes';
import type { ImportedColumn, ImportedValueLabel, ImportedVariable } from '../importedDataset';
import type { ReadOptions } from '../readers';
import { parseNumberText } from './cellText';
import { epochMsToIso, isoDateToSpssSeconds, spssSecondsToEpochMs } from './isoDate';

export type ColumnType = 'single' | 'numeric' | 'text' | 'date';

const COLUMN_TYPES: readonly ColumnType[] = ['single', 'numeric', 'text', 'date'];

export const DEFAULT_MAX_CATEGORIES = 50;

export interface TypingOptions {
  /** Forces a variable's type, by (generated) variable name. */
  types?: Record<string, ColumnType>;
  /**
   * The order of a text variable's categories: the listed texts get codes 1..n in this order
   * (present in the data or not), the other texts follow in code-point order. Makes the
   * variable `single` unless `types` says otherwise.
   */
  categoryOrder?: Record<string, string[]>;
  /** A text column with at most this many distinct values becomes `single` (default 50). */
  maxCategories?: number;
}

/** What the CSV and Excel readers take: the shared ReadOptions plus the typing overrides. */
export type TabularReadOptions = ReadOptions & TypingOptions;

/** Missing in a Uint8Array number column (codes 0..254 fit). */
export const U8_MISSING = 255;
/** Missing in an Int32Array number column. */
export const I32_MISSING = -2147483648;

/**
 * A column as read, before typing. Numbers may arrive narrow (Uint8Array with 255 missing,
 * Int32Array with I32_MISSING missing) so a big file's codes need not be Float64 while reading;
 * Float64Array uses NaN. Dates (Excel date cells) are SPSS seconds. Text uses null for missing.
 */
export type RawColumn =
  | { kind: 'number'; values: Uint8Array | Int32Array | Float64Array }
  | { kind: 'date'; values: Float64Array }
  | { kind: 'text'; values: Array<string | null> };

/** Labels a file declares beside its data (an Excel codebook sheet), by variable name. */
export interface DeclaredLabels {
  label: string | null;
  valueLabels: ImportedValueLabel[];
}

export interface TypingContext {
  /** The file, for messages. */
  source: string;
  /** Names a data row for messages: "data row 5" (CSV), "cell B7" (Excel). */
  place: (row: number, column: number) => string;
  declared?: ReadonlyMap<string, DeclaredLabels>;
}

export interface TypedColumns {
  variables: ImportedVariable[];
  columns: ImportedColumn[];
  warnings: string[];
}

/** Compares strings by Unicode code point (UTF-16 `<` would put U+FFxx after emoji). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (0xD800-0xDFFF) encode code points above 0xFFFF: they sort after 0xE000-0xFFFF.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

function isBlankHeader(header: string | null): boolean {
  return header === null || header.trim() === '';
}

/** Variable names from headers: verbatim, with generated unique names for blanks and repeats. */
export function columnNames(headers: Array<string | null>): {
  names: string[];
  warning: string | null;
} {
  const verbatim = new Set<string>();
  for (const header of headers) if (!isBlankHeader(header)) verbatim.add(header!);
  const used = new Set<string>();
  const changes: string[] = [];
  const names = headers.map((header, index) => {
    const column = index + 1;
    if (isBlankHeader(header)) {
      let name = `V${column}`;
      for (let k = 2; verbatim.has(name) || used.has(name); k++) name = `V${column}_${k}`;
      used.add(name);
      changes.push(`column ${column} has no name: ${name}`);
      return name;
    }
    if (!used.has(header!)) {
      used.add(header!);
      return header!;
    }
    let name = header!;
    for (let k = 2; verbatim.has(name) || used.has(name); k++) name = `${header}_${k}`;
    used.add(name);
    changes.push(`column ${column} repeats the name ${JSON.stringify(header)}: ${name}`);
    return name;
  });
  return {
    names,
    warning: changes.length === 0 ? null : `generated variable names: ${changes.join('; ')}`,
  };
}

function numbersOf(values: Uint8Array | Int32Array | Float64Array): Float64Array {
  if (values instanceof Float64Array) return values;
  const missing = values instanceof Uint8Array ? U8_MISSING : I32_MISSING;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out[i] = value === missing ? Number.NaN : value;
  }
  return out;
}

/** A number column as imported: one byte per value stays so (255 is missing in both). */
function importedNumbers(values: Uint8Array | Int32Array | Float64Array): ImportedColumn {
  if (values instanceof Uint8Array) return { kind: 'codes', values };
  return { kind: 'numeric', values: numbersOf(values) };
}

function dateText(seconds: number): string {
  return epochMsToIso(spssSecondsToEpochMs(seconds));
}

/** A column's values as text (numbers in JavaScript's shortest form, dates as ISO). */
function textsOf(column: RawColumn): Array<string | null> {
  if (column.kind === 'text') return column.values;
  const numbers = column.kind === 'number' ? numbersOf(column.values) : column.values;
  const texts = new Array<string | null>(numbers.length);
  for (let i = 0; i < numbers.length; i++) {
    const value = numbers[i]!;
    texts[i] = Number.isNaN(value)
      ? null
      : column.kind === 'date'
        ? dateText(value)
        : String(value);
  }
  return texts;
}

/** Whether there are at most `limit` distinct texts (stops counting past the limit). */
function hasAtMostDistinct(texts: Array<string | null>, limit: number): boolean {
  const seen = new Set<string>();
  for (const text of texts) {
    if (text === null || seen.has(text)) continue;
    seen.add(text);
    if (seen.size > limit) return false;
  }
  return true;
}

function allIsoDates(texts: Array<string | null>): boolean {
  let any = false;
  for (const text of texts) {
    if (text === null) continue;
    if (isoDateToSpssSeconds(text) === null) return false;
    any = true;
  }
  return any;
}

/** The codes of declared labels, when every text is one of them; else null. */
function codesByLabel(
  texts: Array<string | null>,
  valueLabels: ImportedValueLabel[],
): Float64Array | null {
  const codeOf = new Map<string, number>();
  for (const { code, label } of valueLabels)
    if (typeof code === 'number' && !codeOf.has(label)) codeOf.set(label, code);
  const codes = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? null;
    if (text === null) {
      codes[i] = Number.NaN;
      continue;
    }
    const code = codeOf.get(text);
    if (code === undefined) return null;
    codes[i] = code;
  }
  return codes;
}

interface Converted {
  values: ImportedColumn;
  valueLabels: ImportedValueLabel[];
  failures: number;
  firstFailure: number;
}

function categories(texts: Array<string | null>, order: string[] | undefined): Converted {
  const listed = [...new Set(order ?? [])];
  const codeOf = new Map<string, number>(listed.map((text, i) => [text, i + 1]));
  const others = new Set<string>();
  for (const text of texts) if (text !== null && !codeOf.has(text)) others.add(text);
  const sorted = [...listed, ...[...others].sort(compareCodePoints)];
  for (let i = listed.length; i < sorted.length; i++) codeOf.set(sorted[i]!, i + 1);
  const codes = new Float64Array(texts.length);
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? null;
    codes[i] = text === null ? Number.NaN : codeOf.get(text)!;
  }
  return {
    values: { kind: 'numeric', values: codes },
    valueLabels: sorted.map((label, i) => ({ code: i + 1, label })),
    failures: 0,
    firstFailure: -1,
  };
}

/** Parses every text with `parse`; what does not parse becomes missing and is counted. */
function parsedTexts(
  texts: Array<string | null>,
  parse: (text: string) => number | null,
): Converted {
  const values = new Float64Array(texts.length);
  let failures = 0;
  let firstFailure = -1;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? null;
    const value = text === null ? Number.NaN : parse(text);
    if (value === null || (text !== null && Number.isNaN(value))) {
      if (failures++ === 0) firstFailure = i;
      values[i] = Number.NaN;
    } else values[i] = value;
  }
  return { values: { kind: 'numeric', values }, valueLabels: [], failures, firstFailure };
}

function plain(values: ImportedColumn, valueLabels: ImportedValueLabel[] = []): Converted {
  return { values, valueLabels, failures: 0, firstFailure: -1 };
}

function convert(
  column: RawColumn,
  type: ColumnType,
  order: string[] | undefined,
  declared: DeclaredLabels | undefined,
): Converted {
  const labels = declared?.valueLabels ?? [];
  switch (type) {
    case 'numeric':
      if (column.kind === 'text') return parsedTexts(column.values, parseNumberText);
      return plain(
        column.kind === 'number'
          ? importedNumbers(column.values)
          : { kind: 'numeric', values: column.values },
        labels,
      );
    case 'date':
      if (column.kind === 'date') return plain({ kind: 'numeric', values: column.values });
      return parsedTexts(textsOf(column), isoDateToSpssSeconds);
    case 'text':
      return plain({ kind: 'text', values: textsOf(column) });
    case 'single': {
      if (column.kind === 'number' && order === undefined)
        return plain(importedNumbers(column.values), labels);
      const texts = textsOf(column);
      if (labels.length > 0 && order === undefined) {
        const codes = codesByLabel(texts, labels);
        if (codes) return plain({ kind: 'numeric', values: codes }, labels);
      }
      return categories(texts, order);
    }
  }
}

function guessType(
  column: RawColumn,
  order: string[] | undefined,
  declared: DeclaredLabels | undefined,
  maxCategories: number,
): ColumnType {
  const labelled = (declared?.valueLabels.length ?? 0) > 0;
  if (column.kind === 'number') return labelled || order !== undefined ? 'single' : 'numeric';
  if (column.kind === 'date') return order !== undefined ? 'single' : 'date';
  if (order !== undefined) return 'single';
  if (labelled && codesByLabel(column.values, declared!.valueLabels)) return 'single';
  if (allIsoDates(column.values)) return 'date';
  return hasAtMostDistinct(column.values, maxCategories) ? 'single' : 'text';
}

function checkOptions(names: string[], options: TypingOptions, source: string): number {
  const known = new Set(names);
  const listed = names.slice(0, 20).join(', ') + (names.length > 20 ? ', …' : '');
  for (const [option, map] of [
    ['types', options.types],
    ['categoryOrder', options.categoryOrder],
  ] as const) {
    for (const name of Object.keys(map ?? {})) {
      if (!known.has(name))
        throw new ApiError(
          'invalid-input',
          `${source}: ${option} names ${JSON.stringify(name)}, which is not a variable of this file (variables: ${listed})`,
        );
    }
  }
  for (const [name, type] of Object.entries(options.types ?? {})) {
    if (!COLUMN_TYPES.includes(type))
      throw new ApiError(
        'invalid-input',
        `${source}: types gives ${name} the type ${JSON.stringify(type)}; choose one of ${COLUMN_TYPES.join(', ')}`,
      );
  }
  const max = options.maxCategories ?? DEFAULT_MAX_CATEGORIES;
  if (!Number.isInteger(max) || max < 0)
    throw new ApiError('invalid-input', `${source}: maxCategories must be a whole number ≥ 0`);
  return max;
}

function failureWarning(
  name: string,
  type: ColumnType,
  converted: Converted,
  texts: () => Array<string | null>,
  place: string,
): string {
  const what = type === 'date' ? 'ISO dates' : 'numbers';
  const example = JSON.stringify(texts()[converted.firstFailure]);
  return `${name}: ${converted.failures} value${converted.failures === 1 ? ' is' : 's are'} not ${what} and became missing (first: ${place}, ${example})`;
}

/**
 * Types every column by the rules above, applying the caller's overrides. `headers` are the
 * header cells as read (null or blank when empty); `columns` have one value per data row.
 */
export function typeColumns(
  headers: Array<string | null>,
  columns: RawColumn[],
  options: TypingOptions,
  context: TypingContext,
): TypedColumns {
  const { names, warning } = columnNames(headers);
  const warnings = warning === null ? [] : [warning];
  const maxCategories = checkOptions(names, options, context.source);
  const variables: ImportedVariable[] = [];
  const typed: ImportedColumn[] = [];
  names.forEach((name, index) => {
    const column = columns[index]!;
    const requested = options.types?.[name];
    const order = options.categoryOrder?.[name];
    const declared = context.declared?.get(name);
    const type = requested ?? guessType(column, order, declared, maxCategories);
    if (order !== undefined && type !== 'single')
      warnings.push(
        `${name}: categoryOrder is ignored because the variable is ${type}, not single`,
      );
    const converted = convert(column, type, type === 'single' ? order : undefined, declared);
    if (converted.failures > 0)
      warnings.push(
        failureWarning(
          name,
          type,
          converted,
          () => textsOf(column),
          context.place(converted.firstFailure, index),
        ),
      );
    variables.push({
      name,
      label: declared?.label ?? null,
      type,
      valueLabels: type === 'text' || type === 'date' ? [] : converted.valueLabels,
      missing: [],
      formatAttributes: { tabular: { column: index + 1, header: headers[index] ?? null } },
    });
    typed.push(converted.values);
  });
  return { variables, columns: typed, warnings };
}
