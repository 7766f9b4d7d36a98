/**
 * CSV and TSV files as imported datasets: decides the encoding, delimiter and quote from the
 * first MiB, skips to the header row, streams the rest through the byte parser in reads of
 * 4 MiB, then decodes the text columns and applies the shared typing rules
 * (tabular/columnTyping.ts). `readCsvTable` stops before typing and keeps number columns narrow
 * (Uint8Array codes), for callers that store columns themselves.
 */
import { open, type FileHandle } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { ApiError } from '../../../shared/api/apiTypes';
import type { ImportedDataset } from '../importedDataset';
import { typeColumns, type RawColumn, type TabularReadOptions } from '../tabular/columnTyping';
import { FieldDecoder, invalidBytesError, nonAsciiFields } from './csvDecode';
import {
  chooseEncoding,
  detectEncoding,
  needsTranscoding,
  type EncodingChoice,
  type EncodingSource,
} from './csvEncoding';
import { CsvParser, CsvSyntaxError, readRecord, type CsvRecord } from './csvParser';
import { delimiterByte, sniffDelimiter, sniffQuote } from './csvSniff';
import { CsvWindow } from './csvWindow';
import { importCancelled } from '../importCancelled';

const SAMPLE_SIZE = 1024 * 1024;
const PIPE = 0x7c;
const LF = 0x0a;
const CR = 0x0d;

export type CsvReadOptions = TabularReadOptions;

/** A CSV file read into columns, before typing. */
export interface CsvTable {
  /** Header cells as written (blank ones empty). */
  headers: string[];
  columns: RawColumn[];
  rows: number;
  encoding: string;
  encodingSource: EncodingSource;
  /** The delimiter and quote used, as characters. */
  delimiter: string;
  quote: string;
  headerRow: number;
  warnings: string[];
}

function headerRowOf(options: CsvReadOptions, file: string): number {
  const row = options.headerRow ?? 1;
  if (!Number.isInteger(row) || row < 1)
    throw new ApiError('invalid-input', `${file}: the header row must be a whole number ≥ 1`);
  return row;
}

/** Rows a file of this size probably has, judged from the sample, so columns rarely regrow. */
function estimateRows(sample: Uint8Array, fileSize: number): number {
  let lines = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === LF) lines++;
  if (lines === 0) return 1024;
  return Math.min(64_000_000, Math.ceil((fileSize / sample.length) * lines * 1.05) + 16);
}

/** The sample as the parser will see it: UTF-8 when the file must be transcoded. */
function parserView(sample: Buffer, choice: EncodingChoice, transcode: boolean): Buffer {
  const body = sample.subarray(choice.bomLength);
  return transcode
    ? Buffer.from(iconv.decode(body, choice.encoding, { stripBOM: false }), 'utf8')
    : body;
}

function encodingWarning(encoding: string, source: EncodingSource): string[] {
  if (source === 'guessed')
    return [
      `encoding: guessed as ${encoding} from the file's bytes; check the labels, or choose the encoding`,
    ];
  if (source === 'default')
    return [
      `encoding: could not be detected; read as ${encoding}; check the labels, or choose the encoding`,
    ];
  return [];
}

interface HeaderRead {
  fields: Uint8Array[];
  /** Offset of the header's first byte in the stream. */
  offset: number;
  /** Record number and line of the first data row. */
  record: number;
  line: number;
}

/** Skips to the header row and reads it, filling the window as needed. */
async function readHeader(
  window: CsvWindow,
  headerRow: number,
  delimiter: number,
  quote: number,
  file: string,
): Promise<HeaderRead> {
  let record = 1;
  let line = 1;
  for (;;) {
    const { bytes, end } = window;
    let pos = window.start;
    // Blank lines are not records.
    while (pos < end && (bytes[pos] === LF || bytes[pos] === CR)) {
      if (bytes[pos] === CR && pos + 1 >= end && !window.eof) break;
      pos += bytes[pos] === CR && bytes[pos + 1] === LF ? 2 : 1;
      line++;
    }
    window.start = pos;
    let found: CsvRecord | null = null;
    try {
      found = pos < end ? readRecord(bytes, pos, end, window.eof, delimiter, quote) : null;
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      throw new ApiError(
        'invalid-input',
        CsvParser.syntaxMessage(file, { record, line }, error, window.base),
      );
    }
    if (found) {
      window.start = found.next;
      if (record === headerRow)
        return {
          fields: found.fields,
          offset: window.base + pos,
          record: record + 1,
          line: line + 1 + found.innerLines,
        };
      record++;
      line += 1 + found.innerLines;
      continue;
    }
    // At the end of the file readRecord always finds a record, so this is the end.
    if (window.eof)
      throw new ApiError(
        'invalid-input',
        record === 1
          ? `${file}: the file is empty`
          : `${file}: the header row ${headerRow} is past the end (the file has ${record - 1} rows)`,
      );
    await window.fill();
  }
}

async function readSample(handle: FileHandle, size: number): Promise<Buffer> {
  const sample = Buffer.allocUnsafe(Math.min(size, SAMPLE_SIZE));
  const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
  return sample.subarray(0, bytesRead);
}

interface Parsed {
  parser: CsvParser;
  header: HeaderRead;
  choice: EncodingChoice;
  transcoded: boolean;
  delimiter: number;
  quote: number;
  headerRow: number;
  streamEnd: number;
}

async function parseFile(file: string, options: CsvReadOptions): Promise<Parsed> {
  const headerRow = headerRowOf(options, file);
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new ApiError(
      'not-found',
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  try {
    const size = (await handle.stat()).size;
    const sample = await readSample(handle, size);
    const choice = chooseEncoding(sample, options.encoding, file);
    const complete = sample.length === size;
    // Sniff on the bytes the parser will scan: UTF-8 for encodings that need transcoding, and
    // for those whose trail bytes could pass for a `|`.
    const sniffView = parserView(sample, choice, needsTranscoding(choice.encoding, PIPE));
    const quote = sniffQuote(sniffView);
    const delimiter =
      options.delimiter !== undefined
        ? delimiterByte(options.delimiter, file)
        : sniffDelimiter(sniffView, quote, complete);
    const transcoded = needsTranscoding(choice.encoding, delimiter);
    const window = new CsvWindow(handle, choice.bomLength, transcoded ? choice.encoding : null);
    await window.fill();
    const header = await readHeader(window, headerRow, delimiter, quote, file);
    const parser = new CsvParser(
      file,
      header.fields.length,
      delimiter,
      quote,
      estimateRows(sniffView, size),
      { record: header.record, line: header.line },
    );
    for (;;) {
      if (options.signal?.aborted) throw importCancelled();
      window.start = parser.parse(window.bytes, window.start, window.end, window.eof, window.base);
      options.onProgress?.(window.fileBytesRead, size);
      if (window.eof) break;
      await window.fill();
    }
    return {
      parser,
      header,
      choice,
      transcoded,
      delimiter,
      quote,
      headerRow,
      streamEnd: window.base + window.end,
    };
  } finally {
    await handle.close();
  }
}

/** Decodes the header and text columns, or says where the first invalid field is. */
function decodeAll(
  parsed: Parsed,
  encoding: string,
):
  | { headers: string[]; columns: RawColumn[] }
  | { invalid: { offset: number; end: number; what: string } } {
  const { parser, header } = parsed;
  const decoder = new FieldDecoder(encoding);
  const headers: string[] = [];
  for (const field of header.fields) {
    const buffer = Buffer.from(field.buffer, field.byteOffset, field.length);
    const text = decoder.decode(buffer, 0, buffer.length);
    if (text === null)
      return {
        invalid: {
          offset: header.offset,
          end: parser.rows > 0 ? parser.rowOffsets[0]! : parsed.streamEnd,
          what: 'the header',
        },
      };
    headers.push(text);
  }
  const columns: RawColumn[] = [];
  const decode = decoder.decode.bind(decoder);
  for (const column of parser.columns) {
    const numbers = column.numbers(parser.rows);
    if (numbers) {
      columns.push(numbers);
      continue;
    }
    const decoded = column.texts(parser.rows, decode);
    if (decoded.invalidRow >= 0) {
      const row = decoded.invalidRow;
      return {
        invalid: {
          offset: parser.rowOffsets[row]!,
          end: row + 1 < parser.rows ? parser.rowOffsets[row + 1]! : parsed.streamEnd,
          what: `data row ${row + 1}`,
        },
      };
    }
    columns.push({ kind: 'text', values: decoded.values });
  }
  return { headers, columns };
}

/** Reads a CSV file into raw columns (see CsvTable), without typing them. */
export async function readCsvTable(file: string, options: CsvReadOptions = {}): Promise<CsvTable> {
  const parsed = await parseFile(file, options);
  let { encoding, source } = parsed.choice;
  // Transcoded bytes are UTF-8 by construction.
  let decoded = decodeAll(parsed, parsed.transcoded ? 'utf-8' : encoding);
  if ('invalid' in decoded && source === 'ascii') {
    // The first MiB was ASCII, so UTF-8 was only assumed: look at the non-ASCII fields.
    const evidence = nonAsciiFields(
      parsed.parser.columns,
      parsed.parser.rows,
      parsed.header.fields,
    );
    const guess = detectEncoding(evidence, false);
    encoding = guess ?? 'windows-1252';
    source = guess ? 'guessed' : 'default';
    if (needsTranscoding(encoding, parsed.delimiter)) {
      const table = await readCsvTable(file, { ...options, encoding });
      return { ...table, encodingSource: source, warnings: encodingWarning(encoding, source) };
    }
    decoded = decodeAll(parsed, encoding);
  }
  if ('invalid' in decoded) {
    const { offset, end, what } = decoded.invalid;
    throw await invalidBytesError(file, encoding, offset, end, what);
  }
  return {
    headers: decoded.headers,
    columns: decoded.columns,
    rows: parsed.parser.rows,
    encoding,
    encodingSource: source,
    delimiter: String.fromCharCode(parsed.delimiter),
    quote: String.fromCharCode(parsed.quote),
    headerRow: parsed.headerRow,
    warnings: encodingWarning(encoding, source),
  };
}

export async function readCsvDataset(
  file: string,
  options: CsvReadOptions = {},
): Promise<ImportedDataset> {
  const table = await readCsvTable(file, options);
  const typed = typeColumns(table.headers, table.columns, options, {
    source: file,
    place: (row) => `data row ${row + 1}`,
  });
  return {
    format: table.delimiter === '\t' ? 'tsv' : 'csv',
    encoding: table.encoding,
    cases: table.rows,
    variables: typed.variables,
    columns: typed.columns,
    multiResponseSets: [],
    warnings: [...table.warnings, ...typed.warnings],
    fileAttributes: {
      csv: {
        delimiter: table.delimiter,
        quote: table.quote,
        headerRow: table.headerRow,
        encodingSource: table.encodingSource,
      },
    },
  };
}
