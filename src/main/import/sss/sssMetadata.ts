/**
 * The Triple-S metadata file (.sss, XML, versions 1.1 to 2.0) as a plain model: the survey, its
 * one data record and the variables with their positions, codes and texts. Texts keep every
 * language the file carries (`<text xml:lang="…">`, or bare text in the default language); where
 * a language has texts for several modes the analysis text wins, as this is an analysis tool.
 * Everything the data reader needs is checked here, so a metadata fault is reported once, with the
 * variable it concerns, rather than on every data line.
 */
import { ApiError } from '../../../shared/api/apiTypes';
import { decodeMetadata } from './sssText';
import { childElements, firstChild, parseXml, textContent, type XmlElement } from './sssXml';

export type SssVariableType =
  'single' | 'multiple' | 'quantity' | 'character' | 'logical' | 'date' | 'time';

const VARIABLE_TYPES: readonly SssVariableType[] = [
  'single',
  'multiple',
  'quantity',
  'character',
  'logical',
  'date',
  'time',
];

/** Texts by language tag, the default language first. */
export type SssTexts = Record<string, string>;

export interface SssValue {
  /** As written: numeric codes may carry leading zeros, literal codes are any text. */
  code: string;
  texts: SssTexts;
}

export interface SssRange {
  from: string;
  to: string;
}

export interface SssVariable {
  ident: string;
  type: SssVariableType;
  name: string;
  labels: SssTexts;
  /** 1-based columns (fixed format) or field number in `start` (CSV format). */
  position: { start: number; finish: number };
  /** `single` only: numeric codes (the default) or literal strings. */
  format: 'numeric' | 'literal';
  size: number | null;
  values: SssValue[];
  ranges: SssRange[];
  /** `multiple` only: null means bitstring storage. */
  spread: { subfields: number; width: number } | null;
  use: string | null;
  filter: string | null;
}

export interface SssRecord {
  ident: string;
  format: 'fixed' | 'csv';
  href: string | null;
  /** Lines (fixed) or records (CSV) before the data, such as a header row. */
  skip: number;
  /** The data file's encoding where the exporter states it (MIPro's `data-file-encoding`). */
  dataEncoding: string | null;
}

export interface SssMetadata {
  version: string | null;
  /** The languages the file declares or uses, the default first. */
  languages: string[];
  defaultLanguage: string;
  modes: string[];
  date: string | null;
  time: string | null;
  origin: string | null;
  user: string | null;
  name: string | null;
  title: SssTexts;
  record: SssRecord;
  variables: SssVariable[];
  encoding: string;
  warnings: string[];
}

/** BCP 47's "undetermined": the key for texts of a file that names no language at all. */
export const UNDETERMINED_LANGUAGE = 'und';

/** Stands in for `<br/>` while whitespace is normalised, then becomes a line break. */
const BREAK = '\u2028';

function inlineText(element: XmlElement): string {
  const parts: string[] = [];
  for (const node of element.children) {
    if (typeof node === 'string') parts.push(node);
    else if (node.name === 'br') parts.push(BREAK);
    else if (node.name !== 'text') parts.push(inlineText(node));
  }
  return normalizeText(parts.join(''));
}

/** Line breaks that only indent the XML are not part of a label; `<br/>` is. */
function normalizeText(text: string): string {
  return text
    .replace(/[ \t]*(?:\r\n|\r|\n)\s*/g, ' ')
    .trim()
    .replaceAll(BREAK, '\n');
}

function modeRank(mode: string | null): number {
  if (mode === null) return 1;
  return mode.split(/\s+/).includes('analysis') ? 0 : 2;
}

/** The texts of a `<label>`, `<value>` or `<title>`: bare text and `<text xml:lang mode>`. */
export function readTexts(element: XmlElement, defaultLanguage: string): SssTexts {
  const found = new Map<string, { text: string; rank: number }>();
  for (const text of childElements(element, 'text')) {
    const language = text.attributes['xml:lang']?.trim() || defaultLanguage;
    const rank = modeRank(text.attributes.mode?.trim().toLowerCase() ?? null);
    const content = inlineText(text);
    if (content === '') continue;
    const previous = found.get(language);
    if (previous === undefined || rank < previous.rank)
      found.set(language, { text: content, rank });
  }
  const bare = inlineText(element);
  if (bare !== '' && !found.has(defaultLanguage))
    found.set(defaultLanguage, { text: bare, rank: 3 });
  const texts: SssTexts = {};
  const defaultText = found.get(defaultLanguage);
  if (defaultText !== undefined) texts[defaultLanguage] = defaultText.text;
  for (const [language, { text }] of found) texts[language] = text;
  return texts;
}

/** The label to show when one is needed: the default language, else the first there is. */
export function defaultText(texts: SssTexts, defaultLanguage: string): string | null {
  return texts[defaultLanguage] ?? Object.values(texts)[0] ?? null;
}

/** The language of a `<text>` element that has any text; an empty one names no language. */
function textLanguage(element: XmlElement): string | null {
  if (element.name !== 'text') return null;
  const language = element.attributes['xml:lang']?.trim();
  return language && textContent(element) !== '' ? language : null;
}

function firstLanguageUsed(element: XmlElement): string | null {
  for (const child of childElements(element)) {
    const language = textLanguage(child) ?? firstLanguageUsed(child);
    if (language !== null) return language;
  }
  return null;
}

function collectLanguages(element: XmlElement, into: Set<string>): void {
  for (const child of childElements(element)) {
    const language = textLanguage(child);
    if (language !== null) into.add(language);
    collectLanguages(child, into);
  }
}

function optionalText(parent: XmlElement, name: string): string | null {
  const element = firstChild(parent, name);
  if (element === undefined) return null;
  const text = textContent(element);
  return text === '' ? null : text;
}

/** A Triple-S whole number attribute (leading zeros and spaces allowed). */
function wholeNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : null;
}

class MetadataReader {
  readonly warnings: string[] = [];

  constructor(
    private readonly file: string,
    private readonly defaultLanguage: string,
  ) {}

  fail(where: string, message: string): never {
    throw new ApiError('invalid-input', `${this.file}: ${where}: ${message}`);
  }

  record(survey: XmlElement): { record: SssRecord; element: XmlElement } {
    const records = childElements(survey, 'record');
    const element = records[0];
    if (element === undefined) this.fail('<survey>', 'no <record> element');
    if (records.length > 1)
      this.warnings.push(
        `${this.file}: ${records.length} records (hierarchical data); only record ${element.attributes.ident ?? '1'} was read`,
      );
    const format = (element.attributes.format ?? 'fixed').trim().toLowerCase();
    if (format !== 'fixed' && format !== 'csv')
      this.fail('<record>', `format "${format}" is neither "fixed" nor "csv"`);
    const skipText = element.attributes.skip;
    const skip = skipText === undefined || skipText.trim() === '' ? 0 : wholeNumber(skipText);
    if (skip === null) this.fail('<record>', `skip="${skipText}" is not a whole number`);
    const href = element.attributes.href?.trim();
    return {
      element,
      record: {
        ident: element.attributes.ident ?? '',
        format,
        href: href ? href : null,
        skip,
        dataEncoding: element.attributes['data-file-encoding']?.trim() || null,
      },
    };
  }

  variable(element: XmlElement, format: SssRecord['format']): SssVariable {
    const ident = element.attributes.ident ?? '';
    const where = `variable ${ident || '(no ident)'}`;
    const typeText = (element.attributes.type ?? '').trim().toLowerCase();
    const type = VARIABLE_TYPES.find((candidate) => candidate === typeText);
    if (type === undefined) this.fail(where, `unknown type "${element.attributes.type ?? ''}"`);
    let name = optionalText(element, 'name');
    if (name === null) {
      name = `V${ident}`;
      this.warnings.push(`${this.file}: ${where} has no <name>; named ${name}`);
    }
    const at = `variable ${name}`;
    const position = this.position(element, at, format);
    const valuesElement = firstChild(element, 'values');
    const values = valuesElement
      ? childElements(valuesElement, 'value').map((value) => {
          const code = value.attributes.code?.trim();
          if (code === undefined || code === '') this.fail(at, '<value> without a code');
          return { code, texts: readTexts(value, this.defaultLanguage) };
        })
      : [];
    // Version 1.2 allowed <range> beside <values> (sample-1's case weight); 2.0 puts it inside.
    const rangeElements = [
      ...(valuesElement ? childElements(valuesElement, 'range') : []),
      ...childElements(element, 'range'),
    ];
    const ranges = rangeElements.map((range) => {
      const from = range.attributes.from?.trim();
      const to = range.attributes.to?.trim();
      if (!from || !to) this.fail(at, '<range> needs both from and to');
      return { from, to };
    });
    const formatText = (element.attributes.format ?? 'numeric').trim().toLowerCase();
    if (formatText !== 'numeric' && formatText !== 'literal')
      this.fail(at, `format "${formatText}" is neither "numeric" nor "literal"`);
    const label = firstChild(element, 'label');
    const variable: SssVariable = {
      ident,
      type,
      name,
      labels: label ? readTexts(label, this.defaultLanguage) : {},
      position,
      format: type === 'single' ? formatText : 'numeric',
      size: wholeNumber(optionalText(element, 'size') ?? undefined),
      values,
      ranges,
      spread: null,
      use: element.attributes.use?.trim() || null,
      filter: optionalText(element, 'filter'),
    };
    this.checkCodes(variable, at);
    if (type === 'multiple') variable.spread = this.spread(element, variable, at, format);
    return variable;
  }

  private position(
    element: XmlElement,
    at: string,
    format: SssRecord['format'],
  ): SssVariable['position'] {
    const position = firstChild(element, 'position');
    if (position === undefined) this.fail(at, 'no <position>');
    const start = wholeNumber(position.attributes.start);
    if (start === null || start < 1)
      this.fail(at, `<position start="${position.attributes.start ?? ''}"> is not a column`);
    // CSV metadata gives the field number only; fixed data without finish is one column wide.
    if (format === 'csv') return { start, finish: start };
    const finishText = position.attributes.finish;
    const finish = finishText === undefined ? start : wholeNumber(finishText);
    if (finish === null || finish < start)
      this.fail(
        at,
        `<position start="${start}" finish="${finishText ?? ''}"> is not a column range`,
      );
    return { start, finish };
  }

  /** Numeric variables need numeric codes; say so once here, not on every data line. */
  private checkCodes(variable: SssVariable, at: string): void {
    const numericCodes =
      (variable.type === 'single' && variable.format === 'numeric') ||
      variable.type === 'multiple' ||
      variable.type === 'quantity' ||
      variable.type === 'logical';
    if (!numericCodes) return;
    const kept: SssValue[] = [];
    for (const value of variable.values) {
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value.code)) kept.push(value);
      else
        this.warnings.push(
          `${this.file}: ${at}: code "${value.code}" is not a number; a ${variable.type} variable cannot hold it, so it is ignored`,
        );
    }
    variable.values = kept;
    for (const range of variable.ranges) {
      if (Number.isNaN(Number(range.from)) || Number.isNaN(Number(range.to)))
        this.fail(at, `<range from="${range.from}" to="${range.to}"> is not numeric`);
    }
    if (variable.type === 'multiple') {
      for (const value of variable.values) {
        const code = Number(value.code);
        if (!Number.isInteger(code) || code < 1)
          this.fail(at, `multiple-response code ${value.code} is not a whole number from 1`);
      }
    }
  }

  private spread(
    element: XmlElement,
    variable: SssVariable,
    at: string,
    format: SssRecord['format'],
  ): SssVariable['spread'] {
    const spread = firstChild(element, 'spread');
    const highest = highestCode(variable);
    if (highest === null) this.fail(at, 'a multiple variable needs codes (<value> or <range>)');
    const columns = variable.position.finish - variable.position.start + 1;
    if (spread === undefined) {
      if (format === 'fixed' && columns < highest)
        this.fail(
          at,
          `a bitstring for codes up to ${highest} needs ${highest} columns, not ${columns}`,
        );
      return null;
    }
    const subfields = wholeNumber(spread.attributes.subfields);
    if (subfields === null || subfields < 1)
      this.fail(at, `<spread subfields="${spread.attributes.subfields ?? ''}"> is not a count`);
    // Without a width each subfield is as wide as the largest code needs (Triple-S 1.2).
    const width = wholeNumber(spread.attributes.width) ?? String(highest).length;
    if (width < 1) this.fail(at, '<spread width> must be at least 1');
    if (format === 'fixed' && subfields * width > columns)
      this.fail(at, `${subfields} subfields of ${width} columns do not fit in ${columns} columns`);
    return { subfields, width };
  }
}

/** The largest code a variable declares, or null without any. */
export function highestCode(variable: SssVariable): number | null {
  let highest: number | null = null;
  for (const value of variable.values) highest = Math.max(highest ?? -Infinity, Number(value.code));
  for (const range of variable.ranges) highest = Math.max(highest ?? -Infinity, Number(range.to));
  return highest;
}

export function parseSssMetadata(
  file: string,
  bytes: Uint8Array,
  encodingOverride: string | null,
): SssMetadata {
  const decoded = decodeMetadata(file, bytes, encodingOverride);
  const root = parseXml(file, decoded.text);
  if (root.name !== 'sss')
    throw new ApiError('invalid-input', `${file}: the root element is <${root.name}>, not <sss>`);
  const declaredLanguages = (root.attributes.languages ?? '').split(/\s+/).filter(Boolean);
  const defaultLanguage = declaredLanguages[0] ?? firstLanguageUsed(root) ?? UNDETERMINED_LANGUAGE;
  const survey = firstChild(root, 'survey');
  if (firstChild(root, 'hierarchy') !== undefined || firstChild(survey ?? root, 'hierarchy'))
    throw new ApiError(
      'invalid-input',
      `${file}: hierarchical Triple-S (<hierarchy>) is not supported; export each level as its own survey`,
    );
  if (survey === undefined) throw new ApiError('invalid-input', `${file}: no <survey> element`);
  const reader = new MetadataReader(file, defaultLanguage);
  const { record, element } = reader.record(survey);
  const variables = childElements(element, 'variable').map((variable) =>
    reader.variable(variable, record.format),
  );
  if (variables.length === 0)
    throw new ApiError('invalid-input', `${file}: the record has no variables`);
  const names = new Set<string>();
  for (const variable of variables) {
    const key = variable.name.toLowerCase();
    if (names.has(key))
      reader.warnings.push(`${file}: variable name ${variable.name} is used more than once`);
    names.add(key);
  }
  const languages = new Set<string>([defaultLanguage, ...declaredLanguages]);
  collectLanguages(root, languages);
  const title = firstChild(survey, 'title');
  return {
    version: root.attributes.version?.trim() || null,
    languages: [...languages],
    defaultLanguage,
    modes: (root.attributes.modes ?? '').split(/\s+/).filter(Boolean),
    date: optionalText(root, 'date'),
    time: optionalText(root, 'time'),
    origin: optionalText(root, 'origin'),
    user: optionalText(root, 'user'),
    name: optionalText(survey, 'name'),
    title: title ? readTexts(title, defaultLanguage) : {},
    record,
    variables,
    encoding: decoded.encoding,
    warnings: [...decoded.warnings, ...reader.warnings],
  };
}
