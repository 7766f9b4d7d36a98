/**
 * The dictionary part of a system file: header, variable records, value labels, documents and
 * the type-7 extension records up to the dictionary termination record. It is built in memory
 * (it is small) from the model and the layout, in the record order the format requires.
 * Anything the format cannot hold is dropped or shortened with a warning rather than written
 * in a form readers would reject.
 */
import type {
  SavFile,
  SavFormat,
  SavMissing,
  SavMultiResponseSet,
  SavValueLabel,
} from '../../import/sav/savModel';
import { ByteBuilder } from './savBytes';
import {
  FORMAT_A,
  FORMAT_F,
  formatName,
  isValidNumericFormat,
  isValidStringFormat,
  packFormat,
} from './savFormats';
import { type Layout, type VariableLayout, resolveReference } from './savLayout';
import { claimUnique, isValidVariableName, sanitizeName } from './savNames';
import {
  OUTPUT_CHARACTER_CODE,
  OUTPUT_ENCODING_NAME,
  encodeLimited,
  encodeText,
  padBytes,
  splitAtBoundaries,
} from './savText';

export type SavCompression = 'none' | 'bytecode' | 'zlib';

export const PRODUCT = '@(#) SPSS DATA FILE Customer Energy Workbench';
export const COMPRESSION_BIAS = 100;

const SYSMIS = -Number.MAX_VALUE;
const HIGHEST = Number.MAX_VALUE;
/** The next double above -DBL_MAX: LOWEST as SPSS before 21 and PSPP write it. */
const LOWEST = (() => {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(0xffeffffffffffffen);
  return bytes.readDoubleLE(0);
})();

const MAX_LABEL_BYTES = 255;
const MAX_VALUE_LABEL_BYTES = 255;
const MAX_SHORT_STRING = 8;
const DOCUMENT_LINE = 80;
const ROLE_CODES = { input: 0, target: 1, both: 2, none: 3, partition: 4, split: 5 } as const;
const MEASURE_CODES = { unknown: 0, nominal: 1, ordinal: 2, scale: 3 } as const;
const ALIGNMENT_CODES = { left: 0, right: 1, center: 2 } as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

type Warn = (message: string) => void;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The model's creation stamp when it is in the file's own format, else now. */
function creationStamp(file: SavFile, now: Date): { date: string; time: string } {
  const { creationDate, creationTime } = file.dictionary;
  const dateOk = /^[ 0-3]\d [A-Z][a-z]{2} \d\d$/.test(creationDate);
  const timeOk = /^[ 0-2]\d:[0-5]\d:[0-5]\d$/.test(creationTime);
  if (dateOk && timeOk) return { date: creationDate, time: creationTime };
  return {
    date: `${pad2(now.getDate())} ${MONTHS[now.getMonth()]} ${pad2(now.getFullYear() % 100)}`,
    time: `${pad2(now.getHours())}:${pad2(now.getMinutes())}:${pad2(now.getSeconds())}`,
  };
}

function weightIndex(file: SavFile, layout: Layout, warn: Warn): number {
  const weight = file.dictionary.weightVariable;
  if (weight === null || weight === '') return 0;
  const target = resolveReference(layout, weight);
  if (!target) {
    warn(`weight variable "${weight}" does not exist; the file is written unweighted`);
    return 0;
  }
  if (target.width !== 0) {
    warn(`weight variable "${weight}" is a string; the file is written unweighted`);
    return 0;
  }
  return target.dictIndex + 1;
}

export function buildHeader(
  file: SavFile,
  layout: Layout,
  compression: SavCompression,
  warn: Warn,
  now: Date,
): Buffer {
  const out = new ByteBuilder();
  const stamp = creationStamp(file, now);
  const label = encodeLimited(file.dictionary.fileLabel, 64);
  if (label.truncated) warn('file label is longer than 64 bytes and was shortened');
  out.bytes(Buffer.from(compression === 'zlib' ? '$FL3' : '$FL2', 'latin1'));
  out.bytes(padBytes(Buffer.from(PRODUCT, 'latin1'), 60));
  out.int32(2);
  out.int32(layout.elementsPerCase);
  out.int32(compression === 'none' ? 0 : compression === 'bytecode' ? 1 : 2);
  out.int32(weightIndex(file, layout, warn));
  out.int32(file.cases <= 0x7fffffff ? file.cases : -1);
  out.float64(COMPRESSION_BIAS);
  out.bytes(padBytes(Buffer.from(stamp.date, 'latin1'), 9));
  out.bytes(padBytes(Buffer.from(stamp.time, 'latin1'), 8));
  out.bytes(padBytes(label.bytes, 64));
  out.bytes(Buffer.alloc(3));
  return out.toBuffer();
}

function checkedFormats(variable: VariableLayout, warn: Warn): [SavFormat, SavFormat] {
  const { source, width } = variable;
  const fallback: SavFormat =
    width === 0
      ? { type: FORMAT_F, width: 8, decimals: 2 }
      : { type: FORMAT_A, width, decimals: 0 };
  return (['print', 'write'] as const).map((which) => {
    const format = which === 'print' ? source.printFormat : source.writeFormat;
    const ok =
      width === 0
        ? isValidNumericFormat(format)
        : width > 255 || isValidStringFormat(format, width);
    if (!ok) {
      warn(
        `variable ${variable.name}: ${which} format (${formatName(format)}) is not valid for ` +
          `${width === 0 ? 'a numeric variable' : `a string of width ${width}`}; ` +
          `written as ${width === 0 ? 'F8.2' : `A${width}`}`,
      );
    }
    return ok ? format : fallback;
  }) as [SavFormat, SavFormat];
}

/** The 8-byte element for a string value of a short string (missing values, value labels). */
function shortStringElement(
  value: number | string,
  width: number,
  variable: string,
  what: string,
  warn: Warn,
): Buffer | null {
  if (typeof value !== 'string') {
    warn(`variable ${variable}: numeric ${what} ${value} on a string variable was dropped`);
    return null;
  }
  const bytes = encodeText(value);
  if (bytes.length > Math.min(width, MAX_SHORT_STRING)) {
    warn(
      `variable ${variable}: ${what} "${value}" is wider than ${Math.min(width, 8)} bytes and was dropped`,
    );
    return null;
  }
  return padBytes(bytes, 8);
}

interface MissingCode {
  code: number;
  elements: Buffer[];
}

function numberElement(value: number): Buffer {
  const out = Buffer.alloc(8);
  out.writeDoubleLE(value);
  return out;
}

function numericMissing(missing: SavMissing, variable: string, warn: Warn): MissingCode {
  const drop = (value: unknown): void =>
    warn(`variable ${variable}: missing value ${String(value)} is not a number and was dropped`);
  if (missing.kind === 'none') return { code: 0, elements: [] };
  if (missing.kind === 'discrete') {
    const numbers: number[] = [];
    for (const value of missing.values) {
      if (typeof value === 'number' && !Number.isNaN(value)) numbers.push(value);
      else drop(value);
    }
    if (numbers.length > 3) {
      warn(
        `variable ${variable}: only 3 discrete missing values fit; ${numbers.length - 3} dropped`,
      );
    }
    const kept = numbers.slice(0, 3);
    return { code: kept.length, elements: kept.map(numberElement) };
  }
  let { low, high } = missing;
  if (Number.isNaN(low) || Number.isNaN(high)) {
    warn(`variable ${variable}: missing range with a system-missing end was dropped`);
    return { code: 0, elements: [] };
  }
  if (low > high) [low, high] = [high, low];
  const ends = [
    numberElement(low === -Infinity ? LOWEST : low),
    numberElement(high === Infinity ? HIGHEST : high),
  ];
  if (missing.discrete === undefined) return { code: -2, elements: ends };
  if (Number.isNaN(missing.discrete)) {
    drop(missing.discrete);
    return { code: -2, elements: ends };
  }
  return { code: -3, elements: [...ends, numberElement(missing.discrete)] };
}

/** String missing values as 8-byte elements; the format only allows discrete values ≤ 8 bytes. */
function stringMissing(missing: SavMissing, variable: VariableLayout, warn: Warn): Buffer[] {
  if (missing.kind === 'none') return [];
  if (missing.kind === 'range') {
    warn(`variable ${variable.name}: a string variable cannot have a missing range; dropped`);
    return [];
  }
  const elements: Buffer[] = [];
  for (const value of missing.values) {
    const element = shortStringElement(value, variable.width, variable.name, 'missing value', warn);
    if (element) elements.push(element);
  }
  if (elements.length > 3) {
    warn(
      `variable ${variable.name}: only 3 discrete missing values fit; ${elements.length - 3} dropped`,
    );
  }
  return elements.slice(0, 3);
}

function limitedLabel(label: string, max: number, what: string, warn: Warn): Buffer {
  const { bytes, truncated } = encodeLimited(label, max);
  if (truncated) warn(`${what} is longer than ${max} bytes and was shortened`);
  return bytes;
}

function writeVariableRecords(out: ByteBuilder, layout: Layout, warn: Warn): void {
  for (const variable of layout.variables) {
    const { source, width } = variable;
    const [print, write] = checkedFormats(variable, warn);
    const missing =
      width === 0
        ? numericMissing(source.missing, variable.name, warn)
        : width <= MAX_SHORT_STRING
          ? ((elements: Buffer[]) => ({ code: elements.length, elements }))(
              stringMissing(source.missing, variable, warn),
            )
          : { code: 0, elements: [] };
    const label =
      source.label !== null && source.label !== ''
        ? limitedLabel(source.label, MAX_LABEL_BYTES, `variable ${variable.name}: label`, warn)
        : null;

    variable.segments.forEach((segment, k) => {
      const first = k === 0;
      const segmentFormat: SavFormat = { type: FORMAT_A, width: segment.allocWidth, decimals: 0 };
      const veryLong = width > 255;
      out.int32(2);
      out.int32(segment.allocWidth);
      out.int32(first && label ? 1 : 0);
      out.int32(first ? missing.code : 0);
      out.int32(packFormat(veryLong ? segmentFormat : print));
      out.int32(packFormat(veryLong ? segmentFormat : write));
      out.bytes(padBytes(Buffer.from(segment.shortName, 'utf8'), 8));
      if (first && label) {
        out.int32(label.length);
        out.bytes(label);
        // The label field is padded to a multiple of 4 bytes.
        out.bytes(Buffer.alloc((4 - (label.length % 4)) % 4, 0x20));
      }
      if (first) missing.elements.forEach((element) => out.bytes(element));
      for (let extra = 1; extra < segment.elements; extra++) {
        out.int32(2).int32(-1).int32(0).int32(0).int32(0).int32(0);
        out.bytes(Buffer.alloc(8, 0x20));
      }
    });
  }
}

/** Value labels kept once per value, in order; values the variable cannot hold are dropped. */
function usableLabels(variable: VariableLayout, warn: Warn): SavValueLabel[] {
  const seen = new Set<string>();
  const kept: SavValueLabel[] = [];
  for (const entry of variable.source.valueLabels) {
    const { value } = entry;
    if (variable.width === 0 && (typeof value !== 'number' || Number.isNaN(value))) {
      warn(`variable ${variable.name}: value label for ${String(value)} needs a number; dropped`);
      continue;
    }
    if (variable.width > 0) {
      if (typeof value !== 'string') {
        warn(`variable ${variable.name}: value label for number ${value} on a string; dropped`);
        continue;
      }
      if (encodeText(value).length > variable.width) {
        warn(
          `variable ${variable.name}: labelled value "${value}" is wider than the variable; dropped`,
        );
        continue;
      }
    }
    const key = typeof value === 'number' ? `n${value}` : `s${value.replace(/ +$/, '')}`;
    if (seen.has(key)) {
      warn(`variable ${variable.name}: duplicate value label for ${String(value)}; first kept`);
      continue;
    }
    seen.add(key);
    kept.push(entry);
  }
  return kept;
}

function writeValueLabelRecords(out: ByteBuilder, layout: Layout, warn: Warn): void {
  for (const variable of layout.variables) {
    if (variable.width > MAX_SHORT_STRING) continue;
    const labels = usableLabels(variable, warn);
    if (labels.length === 0) continue;
    out.int32(3).int32(labels.length);
    for (const { value, label } of labels) {
      out.bytes(typeof value === 'number' ? numberElement(value) : padBytes(encodeText(value), 8));
      const text = limitedLabel(
        label,
        MAX_VALUE_LABEL_BYTES,
        `variable ${variable.name}: value label`,
        warn,
      );
      out.uint8(text.length);
      out.bytes(text);
      // label_len and label together fill a multiple of 8 bytes.
      const used = (1 + text.length) % 8;
      if (used !== 0) out.bytes(Buffer.alloc(8 - used, 0x20));
    }
    out
      .int32(4)
      .int32(1)
      .int32(variable.dictIndex + 1);
  }
}

function writeDocuments(out: ByteBuilder, documents: string[], warn: Warn): void {
  const lines: Buffer[] = [];
  for (const document of documents) {
    for (const line of document.split(/\r\n|\r|\n/)) {
      const pieces = splitAtBoundaries(line.replace(/ +$/, ''), DOCUMENT_LINE);
      if (pieces.length > 1) warn('a document line longer than 80 bytes was wrapped');
      if (pieces.length === 0) lines.push(Buffer.alloc(0));
      else lines.push(...pieces);
    }
  }
  if (lines.length === 0) return;
  out.int32(6).int32(lines.length);
  for (const line of lines) out.bytes(padBytes(line, DOCUMENT_LINE));
}

function extension(out: ByteBuilder, subtype: number, size: number, body: Buffer): void {
  out
    .int32(7)
    .int32(subtype)
    .int32(size)
    .int32(body.length / size);
  out.bytes(body);
}

function textExtension(out: ByteBuilder, subtype: number, text: string): void {
  if (text !== '') extension(out, subtype, 1, encodeText(text));
}

/** `length SP bytes`, the counted-string form used inside multiple-response-set records. */
function counted(text: string): string {
  return `${encodeText(text).length} ${text}`;
}

function multiResponseSets(
  file: SavFile,
  layout: Layout,
  warn: Warn,
): { old: string; new: string } {
  const taken = new Set<string>();
  let oldStyle = '';
  let newStyle = '';
  for (const set of file.dictionary.multiResponseSets) {
    const line = multiResponseLine(set, layout, taken, warn);
    if (!line) continue;
    if (line.newStyle) newStyle += line.text;
    else oldStyle += line.text;
  }
  return { old: oldStyle, new: newStyle };
}

function multiResponseLine(
  set: SavMultiResponseSet,
  layout: Layout,
  taken: Set<string>,
  warn: Warn,
): { text: string; newStyle: boolean } | null {
  const bare = set.name.startsWith('$') ? set.name.slice(1) : set.name;
  const validBare = isValidVariableName(bare) ? bare : sanitizeName(bare, 'set');
  const name = claimUnique(`$${validBare}`, taken);
  if (name !== set.name) warn(`multiple response set "${set.name}" written as "${name}"`);

  const members: VariableLayout[] = [];
  for (const reference of set.variables) {
    const variable = resolveReference(layout, reference);
    if (!variable) {
      warn(`multiple response set ${name}: unknown variable "${reference}" left out`);
    } else if (members.includes(variable)) {
      warn(`multiple response set ${name}: variable "${reference}" listed twice`);
    } else if (members[0] && (members[0].width === 0) !== (variable.width === 0)) {
      warn(`multiple response set ${name}: "${reference}" mixes string and numeric; left out`);
    } else {
      members.push(variable);
    }
  }
  if (members.length < 2) {
    warn(`multiple response set ${name} needs at least 2 variables; dropped`);
    return null;
  }
  const variables = members.map((variable) =>
    (variable.segments[0]?.shortName ?? '').toLowerCase(),
  );
  const label = counted(set.label);

  if (set.type === 'categories') {
    return { text: `${name}=C ${label} ${variables.join(' ')}\n`, newStyle: false };
  }
  const numeric = (members[0]?.width ?? 0) === 0;
  const value = set.countedValue;
  let countedText: string;
  if (numeric && typeof value === 'number' && Number.isFinite(value)) {
    countedText = String(value);
  } else if (!numeric && typeof value === 'string') {
    const narrowest = Math.min(...members.map((member) => member.width));
    if (encodeText(value).length > narrowest) {
      warn(`multiple response set ${name}: counted value "${value}" is wider than its variables`);
    }
    countedText = value;
  } else {
    warn(`multiple response set ${name}: counted value ${String(value)} does not fit; dropped`);
    return null;
  }
  if (set.labelSource === 'countedvalues') {
    return {
      text: `${name}=E 1 ${counted(countedText)} ${label} ${variables.join(' ')}\n`,
      newStyle: true,
    };
  }
  return {
    text: `${name}=D${counted(countedText)} ${label} ${variables.join(' ')}\n`,
    newStyle: false,
  };
}

function attributeName(name: string, owner: string, warn: Warn): string | null {
  const clean = name.replace(/[()'\n/:]/g, '_').trim();
  if (clean === '') {
    warn(`${owner}: attribute with an empty name dropped`);
    return null;
  }
  if (clean !== name) warn(`${owner}: attribute "${name}" written as "${clean}"`);
  return clean;
}

function attributeSet(attributes: Array<[string, string[]]>, owner: string, warn: Warn): string {
  let text = '';
  for (const [rawName, values] of attributes) {
    if (values.length === 0) continue;
    const name = attributeName(rawName, owner, warn);
    if (name === null) continue;
    const quoted = values.map((value) => {
      if (/[\r\n]/.test(value)) warn(`${owner}: line breaks in attribute ${name} became spaces`);
      return `'${value.replace(/\r\n|\r|\n/g, ' ')}'\n`;
    });
    text += `${name}(${quoted.join('')})`;
  }
  return text;
}

function variableAttributes(variable: VariableLayout, warn: Warn): string {
  const own = Object.entries(variable.source.attributes).filter(([name]) => name !== '$@Role');
  const role: [string, string[]] = ['$@Role', [String(ROLE_CODES[variable.source.role] ?? 0)]];
  return `${variable.name}:${attributeSet([...own, role], `variable ${variable.name}`, warn)}`;
}

function longStringValueLabels(layout: Layout, warn: Warn): Buffer {
  const out = new ByteBuilder();
  for (const variable of layout.variables) {
    if (variable.width <= MAX_SHORT_STRING) continue;
    const labels = usableLabels(variable, warn);
    if (labels.length === 0) continue;
    const name = encodeText(variable.name);
    out.int32(name.length).bytes(name).int32(variable.width).int32(labels.length);
    for (const { value, label } of labels) {
      out.int32(variable.width).bytes(padBytes(encodeText(String(value)), variable.width));
      const text = limitedLabel(
        label,
        MAX_VALUE_LABEL_BYTES,
        `variable ${variable.name}: value label`,
        warn,
      );
      out.int32(text.length).bytes(text);
    }
  }
  return out.toBuffer();
}

function longStringMissingValues(layout: Layout, warn: Warn): Buffer {
  const out = new ByteBuilder();
  for (const variable of layout.variables) {
    if (variable.width <= MAX_SHORT_STRING) continue;
    const elements = stringMissing(variable.source.missing, variable, warn);
    if (elements.length === 0) continue;
    const name = encodeText(variable.name);
    // One value length for all values, as SPSS writes it; PSPP before 2.0 expected (and wrote)
    // a length before every value, so it misreads this record when there are 2 or 3 values.
    out.int32(name.length).bytes(name).uint8(elements.length).int32(8);
    for (const element of elements) out.bytes(element);
  }
  return out.toBuffer();
}

function writeExtensions(out: ByteBuilder, file: SavFile, layout: Layout, warn: Warn): void {
  const integerInfo = new ByteBuilder();
  // Version 0.1.0 of the workbench, machine -1, IEEE 754, compression code 1, little-endian.
  for (const value of [0, 1, 0, -1, 1, 1, 2, OUTPUT_CHARACTER_CODE]) integerInfo.int32(value);
  extension(out, 3, 4, integerInfo.toBuffer());

  const floatInfo = new ByteBuilder().float64(SYSMIS).float64(HIGHEST).float64(LOWEST);
  extension(out, 4, 8, floatInfo.toBuffer());

  const sets = multiResponseSets(file, layout, warn);
  textExtension(out, 7, sets.old);

  const display = new ByteBuilder();
  for (const variable of layout.variables) {
    const { source } = variable;
    const displayWidth = Number.isFinite(source.displayWidth)
      ? Math.max(0, Math.min(0x7fffffff, Math.trunc(source.displayWidth)))
      : 8;
    variable.segments.forEach((_, k) => {
      display.int32(MEASURE_CODES[source.measure] ?? 0);
      display.int32(k === 0 ? displayWidth : 8);
      display.int32(ALIGNMENT_CODES[source.alignment] ?? 0);
    });
  }
  if (display.length > 0) extension(out, 11, 4, display.toBuffer());

  textExtension(
    out,
    13,
    layout.variables.map((v) => `${v.segments[0]?.shortName ?? ''}=${v.name}`).join('\t'),
  );
  textExtension(
    out,
    14,
    layout.variables
      .filter((v) => v.width > 255)
      .map((v) => `${v.segments[0]?.shortName ?? ''}=${String(v.width).padStart(5, '0')}\0\t`)
      .join(''),
  );

  extension(out, 16, 8, new ByteBuilder().int64(1).int64(file.cases).toBuffer());
  textExtension(
    out,
    17,
    attributeSet(Object.entries(file.dictionary.fileAttributes), 'file attributes', warn),
  );
  textExtension(out, 18, layout.variables.map((v) => variableAttributes(v, warn)).join('/'));
  textExtension(out, 19, sets.new);
  textExtension(out, 20, OUTPUT_ENCODING_NAME);

  const labels = longStringValueLabels(layout, warn);
  if (labels.length > 0) extension(out, 21, 1, labels);
  const missing = longStringMissingValues(layout, warn);
  if (missing.length > 0) extension(out, 22, 1, missing);
}

/** Everything from the header to the dictionary termination record, inclusive. */
export function buildDictionary(
  file: SavFile,
  layout: Layout,
  compression: SavCompression,
  warn: Warn,
  now: Date,
): Buffer {
  const out = new ByteBuilder();
  out.bytes(buildHeader(file, layout, compression, warn, now));
  writeVariableRecords(out, layout, warn);
  writeValueLabelRecords(out, layout, warn);
  writeDocuments(out, file.dictionary.documents, warn);
  writeExtensions(out, file, layout, warn);
  out.int32(999).int32(0);
  return out.toBuffer();
}
