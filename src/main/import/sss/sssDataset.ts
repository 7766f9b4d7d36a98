/**
 * Triple-S surveys (an XML .sss metadata file plus a fixed-width or CSV data file) as imported
 * datasets, so agencies' Triple-S exports take the same import path as SPSS files (issue 5).
 *
 * Types: single → `single` (numeric codes; a `format="literal"` single keeps its text codes in a
 * text column); multiple → `multi`; quantity → `numeric`; logical → `single` with codes 0/1
 * (labelled "No"/"Yes" unless the metadata labels them); character → `text`; date and time →
 * `date`, as ISO text ('YYYY-MM-DD', 'HH:MM:SS').
 *
 * A multiple-response variable stays ONE variable of type `multi`, whatever its storage, with its
 * value labels by code. Its column is a text column holding the selected codes joined by ';' in
 * ascending order for bitstring storage and in subfield order for spread storage ("1;3;5"); ''
 * means answered with nothing selected and null means the field was blank (missing).
 * `formatAttributes.sss` carries `storage: 'bitstring' | 'spread'` and `codes` (every declared
 * code, in order) so later code can expand the variable into one 0/1 column per code.
 *
 * Labels: `label` and each value label are in the default language (the first of the file's
 * `languages`, else the first language its texts name, else 'und'); `formatAttributes.sss.labels`
 * and `.valueLabels` hold every language, and `.defaultLanguage` says which one `label` is.
 * Triple-S declares no missing values: codes outside a quantity's range (sample-1's 999 "Not
 * stated") stay value labels and are listed as `specialValues`, and `missing` is always empty.
 */
import { readFile } from 'node:fs/promises';
import type { VariableType } from '../../../shared/domain/study';
import type { ImportedDataset, ImportedValueLabel, ImportedVariable } from '../importedDataset';
import type { ReadOptions } from '../readers';
import { locateDataFile, readSssData } from './sssData';
import { defaultText, parseSssMetadata, type SssMetadata, type SssVariable } from './sssMetadata';
import { decodeData, overrideEncoding } from './sssText';

const LOGICAL_LABELS: ImportedValueLabel[] = [
  { code: 0, label: 'No' },
  { code: 1, label: 'Yes' },
];

/** Ranges are expanded into `codes` only for multiple variables, and only this far. */
const MAX_EXPANDED_CODES = 10_000;

function importedType(variable: SssVariable): VariableType {
  switch (variable.type) {
    case 'single':
    case 'logical':
      return 'single';
    case 'multiple':
      return 'multi';
    case 'quantity':
      return 'numeric';
    case 'character':
      return 'text';
    case 'date':
    case 'time':
      return 'date';
  }
}

/** Numeric types store codes as numbers; literal singles and character variables as text. */
function hasNumericCodes(variable: SssVariable): boolean {
  return (
    variable.type !== 'character' && !(variable.type === 'single' && variable.format === 'literal')
  );
}

function codeOf(variable: SssVariable, code: string): number | string {
  return hasNumericCodes(variable) ? Number(code) : code;
}

function decimals(text: string): number {
  const point = text.indexOf('.');
  return point === -1 ? 0 : text.length - point - 1;
}

function valueLabels(variable: SssVariable, metadata: SssMetadata): ImportedValueLabel[] {
  if (variable.type === 'date' || variable.type === 'time') return [];
  const labels: ImportedValueLabel[] = [];
  for (const value of variable.values) {
    const label = defaultText(value.texts, metadata.defaultLanguage);
    if (label !== null) labels.push({ code: codeOf(variable, value.code), label });
  }
  if (variable.type === 'logical' && labels.length === 0) return LOGICAL_LABELS;
  return labels;
}

/** Every value label in every language: language → code → text. */
function valueLabelsByLanguage(variable: SssVariable): Record<string, Record<string, string>> {
  const byLanguage: Record<string, Record<string, string>> = {};
  for (const value of variable.values) {
    const key = String(codeOf(variable, value.code));
    for (const [language, text] of Object.entries(value.texts))
      (byLanguage[language] ??= {})[key] = text;
  }
  return byLanguage;
}

function declaredCodes(variable: SssVariable): Array<number | string> {
  const codes: Array<number | string> = variable.values.map((value) =>
    codeOf(variable, value.code),
  );
  if (variable.type !== 'multiple') return codes;
  for (const range of variable.ranges) {
    for (let code = Math.ceil(Number(range.from)); code <= Number(range.to); code++) {
      if (codes.length >= MAX_EXPANDED_CODES) break;
      if (!codes.includes(code)) codes.push(code);
    }
  }
  return codes.sort((a, b) => Number(a) - Number(b));
}

function sssAttributes(variable: SssVariable, metadata: SssMetadata): Record<string, unknown> {
  const attributes: Record<string, unknown> = {
    ident: variable.ident,
    type: variable.type,
    position: variable.position,
    defaultLanguage: metadata.defaultLanguage,
    labels: variable.labels,
    valueLabels: valueLabelsByLanguage(variable),
  };
  if (variable.type === 'single') attributes.format = variable.format;
  if (variable.size !== null) attributes.size = variable.size;
  if (variable.use !== null) attributes.use = variable.use;
  if (variable.filter !== null) attributes.filter = variable.filter;
  if (variable.ranges.length > 0)
    attributes.ranges = variable.ranges.map((range) =>
      hasNumericCodes(variable)
        ? { from: Number(range.from), to: Number(range.to) }
        : { from: range.from, to: range.to },
    );
  if (variable.type === 'single' || variable.type === 'multiple')
    attributes.codes = declaredCodes(variable);
  if (variable.type === 'multiple') {
    attributes.storage = variable.spread === null ? 'bitstring' : 'spread';
    if (variable.spread !== null) attributes.spread = variable.spread;
  }
  if (variable.type === 'quantity') {
    attributes.decimals = Math.max(
      0,
      ...variable.ranges.flatMap((range) => [decimals(range.from), decimals(range.to)]),
      ...variable.values.map((value) => decimals(value.code)),
    );
    attributes.specialValues = variable.values
      .map((value) => Number(value.code))
      .filter((code) =>
        variable.ranges.every((range) => code < Number(range.from) || code > Number(range.to)),
      );
  }
  return { sss: attributes };
}

function importedVariable(variable: SssVariable, metadata: SssMetadata): ImportedVariable {
  return {
    name: variable.name,
    label: defaultText(variable.labels, metadata.defaultLanguage),
    type: importedType(variable),
    valueLabels: valueLabels(variable, metadata),
    missing: [],
    formatAttributes: sssAttributes(variable, metadata),
  };
}

export async function readSssDataset(
  file: string,
  options: ReadOptions = {},
): Promise<ImportedDataset> {
  const override = overrideEncoding(options.encoding);
  const metadata = parseSssMetadata(file, await readFile(file), override);
  const located = await locateDataFile(file, metadata.record);
  const decoded = decodeData(
    await readFile(located.file),
    override,
    metadata.record.dataEncoding,
    metadata.encoding,
  );
  const data = await readSssData(located.file, decoded.text, metadata.record, metadata.variables, {
    signal: options.signal,
    onProgress: options.onProgress,
  });
  return {
    format: 'sss',
    encoding: decoded.encoding,
    cases: data.cases,
    variables: metadata.variables.map((variable) => importedVariable(variable, metadata)),
    columns: data.columns,
    multiResponseSets: [],
    warnings: [...metadata.warnings, ...located.warnings, ...data.warnings],
    fileAttributes: {
      sss: {
        version: metadata.version,
        date: metadata.date,
        time: metadata.time,
        origin: metadata.origin,
        user: metadata.user,
        name: metadata.name,
        title: metadata.title,
        languages: metadata.languages,
        defaultLanguage: metadata.defaultLanguage,
        modes: metadata.modes,
        record: {
          ident: metadata.record.ident,
          format: metadata.record.format,
          href: metadata.record.href,
          skip: metadata.record.skip,
        },
        metadataEncoding: metadata.encoding,
        dataFile: located.file,
      },
    },
  };
}
