/**
 * Writes a source table as a Triple-S 2.0 survey the way the Korean agency delivers one: an XML
 * metadata file (.sss) with Korean labels (`<text xml:lang="ko">`) beside a CSV data file
 * (comma-separated fields in the variables' order, no header row, character fields quoted).
 * Both are in CP949, as Korean Windows writes them; the XML declaration names the code page, and
 * the Triple-S rule that the data file shares the metadata's encoding tells a reader how to
 * decode the data (src/main/import/sss/sssText.ts follows it). The record's href names the data
 * file, which sits beside the metadata under the same stem.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { SourceTable, SourceVariable } from './sourceTable';

export interface SssSourceOptions {
  /** The iconv-lite encoding of both files' bytes. */
  encoding: string;
  /** The encoding's name in the XML declaration (an IANA name). */
  declaredEncoding: string;
  /** Survey name and title. */
  name: string;
  title: string;
  origin: string;
  created: Date;
}

/** Wide enough for any verbatim; Triple-S character variables declare a size. */
const TEXT_SIZE = 120;

function xmlText(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function texts(language: string, text: string): string {
  return `<text xml:lang="${language}">${xmlText(text)}</text>`;
}

/** The range a quantity declares: the values the data holds, as exporters write it. */
function numericRange(variable: SourceVariable): { low: number; high: number } {
  let low = Infinity;
  let high = -Infinity;
  if (variable.column.kind === 'numbers')
    for (const value of variable.column.values) {
      if (Number.isNaN(value)) continue;
      low = Math.min(low, value);
      high = Math.max(high, value);
    }
  return low <= high ? { low, high } : { low: 0, high: 0 };
}

function variableXml(variable: SourceVariable, field: number, language: string): string[] {
  const { type } = variable;
  const sssType = type === 'numeric' ? 'quantity' : type === 'text' ? 'character' : 'single';
  // The respondent ID is the case identifier Triple-S calls the serial.
  const use = field === 1 ? ' use="serial"' : '';
  const lines = [
    `      <variable ident="${field}" type="${sssType}"${use}>`,
    `        <name>${xmlText(variable.name)}</name>`,
    `        <label>${texts(language, variable.label)}</label>`,
    `        <position start="${field}"/>`,
  ];
  if (type === 'text') lines.push(`        <size>${TEXT_SIZE}</size>`);
  if (type === 'numeric') {
    const { low, high } = numericRange(variable);
    lines.push(
      '        <values>',
      `          <range from="${low}" to="${high}"/>`,
      '        </values>',
    );
  }
  if (type === 'single') {
    lines.push('        <values>');
    for (const value of variable.values)
      lines.push(`          <value code="${value.code}">${texts(language, value.label)}</value>`);
    lines.push('        </values>');
  }
  lines.push('      </variable>');
  return lines;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

function metadataXml(table: SourceTable, dataFile: string, options: SssSourceOptions): string {
  const { language } = table;
  const { created } = options;
  const lines = [
    `<?xml version="1.0" encoding="${options.declaredEncoding}"?>`,
    `<sss version="2.0" languages="${language}">`,
    `  <date>${created.getUTCFullYear()}-${pad2(created.getUTCMonth() + 1)}-${pad2(created.getUTCDate())}</date>`,
    `  <time>${pad2(created.getUTCHours())}:${pad2(created.getUTCMinutes())}</time>`,
    `  <origin>${xmlText(options.origin)}</origin>`,
    '  <survey>',
    `    <name>${xmlText(options.name)}</name>`,
    `    <title>${texts(language, options.title)}</title>`,
    `    <record ident="A" format="csv" href="${xmlText(dataFile)}">`,
    ...table.variables.flatMap((variable, index) => variableXml(variable, index + 1, language)),
    '    </record>',
    '  </survey>',
    '</sss>',
  ];
  return lines.map((line) => `${line}\r\n`).join('');
}

function dataField(variable: SourceVariable, row: number): string {
  const { column } = variable;
  if (column.kind === 'texts') {
    const text = column.values[row] ?? null;
    return text === null ? '' : `"${text.replaceAll('"', '""')}"`;
  }
  const value = column.values[row]!;
  return Number.isNaN(value) ? '' : String(value);
}

function dataText(table: SourceTable): string {
  const lines: string[] = [];
  for (let row = 0; row < table.cases; row++)
    lines.push(table.variables.map((variable) => dataField(variable, row)).join(','));
  return lines.map((line) => `${line}\r\n`).join('');
}

function encoded(file: string, text: string, encoding: string): Buffer {
  const bytes = iconv.encode(text, encoding);
  if (iconv.decode(bytes, encoding) !== text)
    throw new Error(`${file}: the texts do not all fit ${encoding}`);
  return bytes;
}

/** Writes `sssFile` and its data file (same stem, .csv); returns the data file's path. */
export async function writeSssSource(
  sssFile: string,
  table: SourceTable,
  options: SssSourceOptions,
): Promise<string> {
  const dataFile = path.join(path.dirname(sssFile), `${path.parse(sssFile).name}.csv`);
  const metadata = metadataXml(table, path.basename(dataFile), options);
  await writeFile(dataFile, encoded(dataFile, dataText(table), options.encoding));
  await writeFile(sssFile, encoded(sssFile, metadata, options.encoding));
  return dataFile;
}
