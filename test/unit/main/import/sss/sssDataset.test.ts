/**
 * Specification of the Triple-S reader. The fixtures (R package sss's sample surveys) are checked
 * against values read by hand from their raw .asc/.csv/.dat lines, never against the reader's own
 * output; the generated surveys pin down what the fixtures do not show: UTF-16 and multilingual
 * metadata, bitstring and spread storage side by side, CSV quoting, encodings, and errors that
 * name the line and column of a data file that does not match its metadata.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../../../../src/shared/api/apiTypes';
import { datasetInfo, type ImportedDataset } from '../../../../../src/main/import/importedDataset';
import { validateDataset } from '../../../../../src/main/import/validateDataset';
import { readSssDataset } from '../../../../../src/main/import/sss/sssDataset';
import { describeWithFixtures, fixture } from '../../../../support/fixtures';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'sss-reader-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let surveys = 0;

/** Writes a survey into its own folder; `files` maps names (beside the .sss) to contents. */
function writeSurvey(sss: string | Buffer, files: Record<string, string | Buffer> = {}): string {
  const dir = path.join(tmp, `survey-${++surveys}`);
  mkdirSync(dir, { recursive: true });
  const sssFile = path.join(dir, 'survey.sss');
  writeFileSync(sssFile, sss);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return sssFile;
}

/** A Triple-S 2.0 document around some <variable> elements. */
function metadata(
  variables: string,
  options: { record?: string; languages?: string; title?: string; declaration?: string } = {},
): string {
  const declaration = options.declaration ?? '<?xml version="1.0" encoding="UTF-8"?>';
  const languages = options.languages === undefined ? '' : ` languages="${options.languages}"`;
  return `${declaration}
<sss version="2.0"${languages}>
  <date>2024-05-01</date>
  <survey>
    ${options.title ?? ''}
    <record ident="A" ${options.record ?? 'format="fixed"'}>
      ${variables}
    </record>
  </survey>
</sss>
`;
}

function variableIndex(dataset: ImportedDataset, name: string): number {
  const index = dataset.variables.findIndex((variable) => variable.name === name);
  if (index === -1) throw new Error(`no variable ${name}`);
  return index;
}

function numbers(dataset: ImportedDataset, name: string): number[] {
  const column = dataset.columns[variableIndex(dataset, name)];
  if (column?.kind !== 'numeric') throw new Error(`${name} is not numeric`);
  return Array.from(column.values);
}

function texts(dataset: ImportedDataset, name: string): Array<string | null> {
  const column = dataset.columns[variableIndex(dataset, name)];
  if (column?.kind !== 'text') throw new Error(`${name} is not text`);
  return column.values;
}

function sss(dataset: ImportedDataset, name: string): Record<string, unknown> {
  return dataset.variables[variableIndex(dataset, name)]!.formatAttributes.sss as Record<
    string,
    unknown
  >;
}

/** The ApiError a read rejects with, failing if it resolves or throws anything else. */
async function readError(
  file: string,
  options: Parameters<typeof readSssDataset>[1] = {},
): Promise<ApiError> {
  const error: unknown = await readSssDataset(file, options).then(
    () => new Error('expected the read to fail'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw error;
  return error;
}

describeWithFixtures('Triple-S fixtures (R package sss)', () => {
  it('sample-1: Triple-S 1.2, ISO-8859-1, every variable type, bitstring and spread', async () => {
    const file = fixture('triple-s-r-sss/sample-1.sss');
    const dataset = await readSssDataset(file, {});
    expect(dataset.format).toBe('sss');
    expect(dataset.cases).toBe(3);
    expect(dataset.warnings).toEqual([]);
    expect(dataset.variables.map((v) => [v.name, v.type, v.label])).toEqual([
      ['Q1', 'single', 'Number of visits'],
      ['Q2', 'multi', 'Attractions visited'],
      ['Q3', 'text', 'Other attractions visited'],
      ['Q4', 'multi', 'Two favourite attractions visited'],
      ['Q5', 'numeric', 'Miles travelled'],
      ['Q6', 'single', 'Would come again'],
      ['Q7', 'single', 'When is that most likely to be'],
      ['Q99', 'numeric', 'Case weight'],
    ]);
    // From sample-1.asc, whose three lines read (columns 1 | 2-10 | 11-40 | 41-42 | 43-45 | 46
    // | 47 | 48-54):
    //   2 | 101000001 | Amusement Park…                | 19 | 012 | 1 | 1 | 01.4000
    //   3 | 010000000 | (blank)                        | 20 | 999 | 1 | 3 | 00.9000
    //   2 | 100100001 | "Marco's" Restaurant…          | 94 | 058 | 0 |   | 00.7000
    expect(numbers(dataset, 'Q1')).toEqual([2, 3, 2]);
    // Bitstring: a 1 in the n-th column selects code n.
    expect(texts(dataset, 'Q2')).toEqual(['1;3;9', '2', '1;4;9']);
    expect(texts(dataset, 'Q3')).toEqual(['Amusement Park', null, '"Marco\'s" Restaurant']);
    // Spread, two one-column subfields in mention order; 0 marks an unused subfield.
    expect(texts(dataset, 'Q4')).toEqual(['1;9', '2', '9;4']);
    expect(numbers(dataset, 'Q5')).toEqual([12, 999, 58]);
    expect(numbers(dataset, 'Q6')).toEqual([1, 1, 0]);
    expect(numbers(dataset, 'Q7')).toEqual([1, 3, NaN]);
    expect(numbers(dataset, 'Q99')).toEqual([1.4, 0.9, 0.7]);

    const q2 = dataset.variables[1]!;
    expect(q2.valueLabels).toEqual([
      { code: 1, label: 'Sherwood Forest' },
      { code: 2, label: 'Nottingham Castle' },
      { code: 3, label: '"Friar Tuck" Restaurant' },
      { code: 4, label: '"Maid Marion" Cafe' },
      { code: 5, label: 'Mining museum' },
      { code: 9, label: 'Other' },
    ]);
    expect(sss(dataset, 'Q2')).toMatchObject({ storage: 'bitstring', codes: [1, 2, 3, 4, 5, 9] });
    expect(sss(dataset, 'Q4')).toMatchObject({
      storage: 'spread',
      codes: [1, 2, 3, 4, 5, 9],
      spread: { subfields: 2, width: 1 },
    });
    // Q5: range 1-499 plus the labelled special values 500 and 999 outside it.
    expect(dataset.variables[4]!.valueLabels).toEqual([
      { code: 500, label: '500 or more' },
      { code: 999, label: 'Not stated' },
    ]);
    expect(sss(dataset, 'Q5')).toMatchObject({
      ranges: [{ from: 1, to: 499 }],
      specialValues: [500, 999],
      decimals: 0,
    });
    expect(dataset.variables[4]!.missing).toEqual([]);
    expect(dataset.variables[5]!.valueLabels).toEqual([
      { code: 0, label: 'No' },
      { code: 1, label: 'Yes' },
    ]);
    expect(sss(dataset, 'Q7')).toMatchObject({ filter: 'Q6' });
    // The 1.2-style <range> beside <values>: from="0.0000" to="99.9999".
    expect(sss(dataset, 'Q99')).toMatchObject({ decimals: 4, ranges: [{ from: 0, to: 99.9999 }] });
    expect(dataset.fileAttributes.sss).toMatchObject({
      version: '1.2',
      name: 'SP5201-1',
      title: { und: 'Historic House Exit Survey\nFirst Wave' },
      defaultLanguage: 'und',
      metadataEncoding: 'windows-1252',
      record: { ident: 'V', format: 'fixed', href: null, skip: 0 },
      dataFile: fixture('triple-s-r-sss/sample-1.asc'),
    });
    // What `cew info` prints stays plain JSON.
    const info = JSON.parse(JSON.stringify(datasetInfo(dataset))) as ReturnType<typeof datasetInfo>;
    expect(info.variables[1]!.valueLabels).toMatchObject({ '3': '"Friar Tuck" Restaurant' });
  });

  it('sample-2: Triple-S 2.0 CSV with a header row, quoted commas and bitstrings', async () => {
    const dataset = await readSssDataset(fixture('triple-s-r-sss/sample-2.sss'), {});
    expect(dataset.cases).toBe(1);
    expect(dataset.variables).toHaveLength(65);
    expect(dataset.encoding).toBe('utf-8');
    expect(dataset.fileAttributes.sss).toMatchObject({ record: { format: 'csv', skip: 1 } });
    // From the second line of sample-2.csv (the first is the header the record skips).
    expect(texts(dataset, 'MIProRspId')).toEqual(['c530fd2a-17dd-4232-a38d-fb786d85eb3f']);
    expect(texts(dataset, 'AltIdString')).toEqual([null]);
    expect(numbers(dataset, 'AdateF1')).toEqual([20150805]);
    expect(numbers(dataset, 'AA01N1')).toEqual([1]);
    // Field 20 is quoted and holds a comma: "…(KHTML, like Gecko)…".
    expect(texts(dataset, 'ASysInfo2_1M1.5')).toEqual([
      'Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/44.0.2403.125 Safari/537.36',
    ]);
    expect(texts(dataset, 'AA09M1.1')).toEqual(['5\u00a0 Jul\u00a0 1991']);
    // Fields 46, 47 and 58: "00100100110", "11100000", "010111000".
    expect(texts(dataset, 'AA15M1')).toEqual(['3;6;9;10']);
    expect(texts(dataset, 'AA16M1')).toEqual(['1;2;3']);
    expect(texts(dataset, 'AA18M1')).toEqual(['2;4;5;6']);
    expect(numbers(dataset, 'AA06N1')).toEqual([NaN]);
    expect(numbers(dataset, 'ADurationF1')).toEqual([97]);
    const aa15 = dataset.variables[variableIndex(dataset, 'AA15M1')]!;
    expect(aa15.type).toBe('multi');
    expect(aa15.label).toBe('Which of the following do you yourself use in your household?');
    expect(aa15.valueLabels[9]).toEqual({ code: 10, label: 'Car' });
  });

  it('sample-3: LimeSurvey export, 98 long records, literal singles, logicals, dates', async () => {
    const dataset = await readSssDataset(fixture('triple-s-r-sss/sample-3.sss'), {});
    expect(dataset.cases).toBe(98);
    expect(dataset.variables).toHaveLength(200);
    expect(dataset.fileAttributes.sss).toMatchObject({
      defaultLanguage: 'en',
      dataFile: fixture('triple-s-r-sss/sample-3.dat'),
    });
    // From sample-3.dat lines 1-3, columns 1-69:
    //   "         1201503251224  6fr                  201503251222201503251224"
    //   "         3201503251719  4en                  201503251718201503251719"
    //   "         4              2en                  201503252310201503252311"
    expect(numbers(dataset, 'id').slice(0, 3)).toEqual([1, 3, 4]);
    expect(texts(dataset, 'submitdate_date').slice(0, 3)).toEqual([
      '2015-03-25',
      '2015-03-25',
      null,
    ]);
    // LimeSurvey writes times as HHMM in four columns.
    expect(texts(dataset, 'submitdate_time').slice(0, 3)).toEqual(['12:24:00', '17:19:00', null]);
    expect(numbers(dataset, 'lastpage').slice(0, 3)).toEqual([6, 4, 2]);
    expect(texts(dataset, 'startlanguage').slice(0, 3)).toEqual(['fr', 'en', 'en']);
    expect(texts(dataset, 'startdate_time').slice(0, 3)).toEqual([
      '12:22:00',
      '17:18:00',
      '23:10:00',
    ]);
    // Columns 4161-4165 (ldd), 4508 (K_SQ002), 4687 (QC), 4698 (FAF_SQ02) of lines 1 and 2:
    // "A0   " "1" " " " " and "A0   " "0" "N" "Y".
    expect(texts(dataset, 'ldd').slice(0, 2)).toEqual(['A0', 'A0']);
    expect(numbers(dataset, 'K_SQ002').slice(0, 2)).toEqual([1, 0]);
    expect(texts(dataset, 'QC').slice(0, 2)).toEqual([null, 'N']);
    expect(texts(dataset, 'FAF_SQ02').slice(0, 2)).toEqual([null, 'Y']);
    const qc = dataset.variables[variableIndex(dataset, 'QC')]!;
    expect(qc.type).toBe('single');
    expect(qc.valueLabels).toEqual([
      { code: 'Y', label: 'Yes' },
      { code: 'N', label: 'No' },
    ]);
    expect(sss(dataset, 'QC')).toMatchObject({ format: 'literal', codes: ['Y', 'N'] });
    expect(dataset.variables[variableIndex(dataset, 'submitdate_date')]!.type).toBe('date');
  });

  it('sample-4: UTF-16LE metadata with CRLF, an href to another machine, fr-FR labels', async () => {
    const dataset = await readSssDataset(fixture('triple-s-r-sss/sample-4.sss'), {});
    expect(dataset.cases).toBe(10);
    expect(dataset.fileAttributes.sss).toMatchObject({
      metadataEncoding: 'utf-16le',
      defaultLanguage: 'fr-FR',
      dataFile: fixture('triple-s-r-sss/sample-4.asc'),
    });
    // The href is C:\Users\…\test.asc; the data is found by the stem and the substitution said.
    expect(dataset.warnings).toHaveLength(1);
    expect(dataset.warnings[0]).toMatch(/test\.asc\) was not found; read .*sample-4\.asc instead/);
    expect(dataset.variables.map((v) => [v.name, v.type, v.label])).toEqual([
      ['foyer', 'numeric', 'Sequential serial number - level foyer'],
      ['weekday', 'single', 'Weekday'],
      ['typtel', 'single', 'TYPTEL-Telephone Type'],
    ]);
    expect(sss(dataset, 'weekday')).toMatchObject({
      labels: { 'fr-FR': 'Weekday' },
      valueLabels: { 'fr-FR': { '1': 'Monday', '7': 'Sunday' } },
    });
    // sample-4.asc: "00000000111", "00000000221", … "00000001072" — columns 1-9, 10, 11.
    expect(numbers(dataset, 'foyer')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numbers(dataset, 'weekday')).toEqual([1, 2, 3, 4, 6, 5, 4, 3, 4, 7]);
    expect(numbers(dataset, 'typtel')).toEqual([1, 1, 2, 2, 1, 2, 1, 1, 2, 2]);
  });

  it('sample-5: keeps a typtel code the metadata does not declare, for the validation report to flag', async () => {
    // sample-5.asc line 8 is "00000000833": typtel (column 11) is 3, but only 1, 2 and a
    // non-numeric "T" are declared. The value is kept rather than dropped.
    const dataset = await readSssDataset(fixture('triple-s-r-sss/sample-5.sss'), {});
    expect(numbers(dataset, 'typtel')[7]).toBe(3);
    const report = validateDataset('sample-5.sss', dataset);
    expect(report.issues.find((issue) => issue.variable === 'typtel')?.message).toBe(
      'typtel has codes without labels: 3',
    );
  });
});

describe('metadata encodings and languages', () => {
  const multilingual = metadata(
    `<variable ident="1" type="single">
        <name>tariff</name>
        <label>
          <text xml:lang="de" mode="interview">Welchen Tarif haben Sie?</text>
          <text xml:lang="de" mode="analysis">Tarif</text>
          <text xml:lang="en">Tariff</text>
        </label>
        <position start="1" finish="1"/>
        <values>
          <value code="1"><text xml:lang="de">Grundversorgung</text><text xml:lang="en">Default supply</text></value>
          <value code="2"><text xml:lang="de">Ökostrom</text><text xml:lang="en">Green power</text></value>
        </values>
      </variable>
      <variable ident="2" type="character">
        <name>remark</name>
        <label><text xml:lang="en">Remark</text></label>
        <position start="2" finish="11"/>
        <size>10</size>
      </variable>`,
    {
      declaration: '<?xml version="1.0" encoding="UTF-16"?>',
      languages: 'de en',
      title:
        '<title><text xml:lang="de">Energiestudie</text><text xml:lang="en">Energy study</text></title>',
    },
  );
  const data = '1Grüß dich \r\n2          \r\n';
  const le = Buffer.from(multilingual, 'utf16le');
  const be = Buffer.from(le).swap16();

  it.each([
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
    ['UTF-16LE without a BOM', le, 'utf-16le'],
    ['UTF-8 with a BOM', Buffer.from(`\ufeff${multilingual}`, 'utf8'), 'utf-8'],
  ])('reads %s and keeps every language', async (_name, bytes, encoding) => {
    const dataset = await readSssDataset(writeSurvey(bytes, { 'survey.asc': data }), {});
    expect(dataset.fileAttributes.sss).toMatchObject({
      metadataEncoding: encoding,
      languages: ['de', 'en'],
      defaultLanguage: 'de',
      title: { de: 'Energiestudie', en: 'Energy study' },
    });
    const [tariff, remark] = dataset.variables;
    // The analysis text of the default language is the label; interview wording is a question.
    expect(tariff!.label).toBe('Tarif');
    expect(tariff!.valueLabels).toEqual([
      { code: 1, label: 'Grundversorgung' },
      { code: 2, label: 'Ökostrom' },
    ]);
    expect(tariff!.formatAttributes.sss).toMatchObject({
      defaultLanguage: 'de',
      labels: { de: 'Tarif', en: 'Tariff' },
      valueLabels: {
        de: { '1': 'Grundversorgung', '2': 'Ökostrom' },
        en: { '1': 'Default supply', '2': 'Green power' },
      },
    });
    // No German text: the label falls back to the language there is.
    expect(remark!.label).toBe('Remark');
    expect(remark!.formatAttributes.sss).toMatchObject({ labels: { en: 'Remark' } });
    expect(dataset.encoding).toBe('utf-8');
    expect(numbers(dataset, 'tariff')).toEqual([1, 2]);
    expect(texts(dataset, 'remark')).toEqual(['Grüß dich', null]);
  });

  it('takes bare text as the default language beside <text> in another', async () => {
    const file = writeSurvey(
      metadata(
        `<variable ident="1" type="single">
          <name>q1</name>
          <label>Heating<text xml:lang="fr">Chauffage</text></label>
          <position start="1"/>
          <values><value code="1">Gas<text xml:lang="fr">Gaz</text></value></values>
        </variable>`,
        { languages: 'en fr' },
      ),
      { 'survey.asc': '1\n' },
    );
    const dataset = await readSssDataset(file, {});
    expect(dataset.variables[0]!.label).toBe('Heating');
    expect(dataset.variables[0]!.formatAttributes.sss).toMatchObject({
      labels: { en: 'Heating', fr: 'Chauffage' },
      valueLabels: { en: { '1': 'Gas' }, fr: { '1': 'Gaz' } },
    });
  });

  it('decodes ISO-8859-1 metadata as windows-1252 and an 8-bit data file likewise', async () => {
    const xml = metadata(
      `<variable ident="1" type="character"><name>note</name><label>Préférence</label>
        <position start="1" finish="4"/></variable>`,
      { declaration: '<?xml version="1.0" encoding="ISO-8859-1"?>' },
    );
    // 0x80 is € in windows-1252 (a control character in strict ISO-8859-1).
    const file = writeSurvey(Buffer.from(xml, 'latin1'), {
      'survey.asc': Buffer.from([0x80, 0x31, 0x30, 0x20, 0x0a]),
    });
    const dataset = await readSssDataset(file, {});
    expect(dataset.variables[0]!.label).toBe('Préférence');
    expect(dataset.encoding).toBe('windows-1252');
    expect(texts(dataset, 'note')).toEqual(['€10']);
  });

  it('lets the caller override the data encoding, and rejects unknown names', async () => {
    const file = writeSurvey(
      metadata(
        `<variable ident="1" type="character"><name>city</name><position start="1" finish="4"/></variable>`,
      ),
      // "Köln" in code page 850, where ö is 0x94.
      { 'survey.asc': Buffer.from([0x4b, 0x94, 0x6c, 0x6e, 0x0a]) },
    );
    const dataset = await readSssDataset(file, { encoding: 'cp850' });
    expect(dataset.encoding).toBe('cp850');
    expect(texts(dataset, 'city')).toEqual(['Köln']);
    const error = await readError(file, { encoding: 'no-such-encoding' });
    expect(error.message).toMatch(/unknown encoding "no-such-encoding"/);
  });

  it('warns about a non-numeric code declared for a numeric single and ignores it', async () => {
    const file = writeSurvey(
      metadata(
        `<variable ident="5" type="single"><name>typtel</name><position start="1"/>
          <values><value code="1">Fixed</value><value code="T"/></values></variable>`,
      ),
      { 'survey.asc': '1\n0\n' },
    );
    const dataset = await readSssDataset(file, {});
    expect(dataset.warnings).toEqual([expect.stringContaining('code "T" is not a number')]);
    // 0 is "not answered" when it is not a declared code.
    expect(numbers(dataset, 'typtel')).toEqual([1, NaN]);
  });

  it('names line and column of malformed XML', async () => {
    const file = writeSurvey('<?xml version="1.0"?>\n<sss>\n  <survey>\n</sss>\n');
    const error = await readError(file);
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toMatch(/survey\.sss: line 4, column \d+: malformed XML/);
  });
});

describe('multiple-response storage', () => {
  const codes = `<values>
      <value code="1">Gas</value>
      <range from="2" to="11"/>
      <value code="12">Other</value>
    </values>`;
  const xml = metadata(
    `<variable ident="1" type="multiple"><name>bits</name><label>Fuels</label>
      <position start="1" finish="12"/>${codes}</variable>
    <variable ident="2" type="multiple"><name>spread</name><label>Fuels</label>
      <position start="13" finish="20"/><spread subfields="4" width="2"/>${codes}</variable>`,
  );
  // Each line holds the same answer twice: as a 12-column bitstring and as four 2-column
  // subfields (blank or 00 for unused ones, codes right-justified with a space or a zero).
  const lines = [
    '100000000001' + '0112    ',
    '000000000000' + '00000000',
    '            ' + '        ',
    '010100000010' + ' 2 411  ',
  ];

  it('gives the same codes for bitstring and spread storage', async () => {
    const dataset = await readSssDataset(writeSurvey(xml, { 'survey.asc': lines.join('\n') }), {});
    const expected = ['1;12', '', null, '2;4;11'];
    expect(texts(dataset, 'bits')).toEqual(expected);
    expect(texts(dataset, 'spread')).toEqual(expected);
    const codeList = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    expect(sss(dataset, 'bits')).toMatchObject({ storage: 'bitstring', codes: codeList });
    expect(sss(dataset, 'spread')).toMatchObject({
      storage: 'spread',
      codes: codeList,
      spread: { subfields: 4, width: 2 },
    });
    for (const variable of dataset.variables) {
      expect(variable.type).toBe('multi');
      expect(variable.valueLabels).toEqual([
        { code: 1, label: 'Gas' },
        { code: 12, label: 'Other' },
      ]);
    }
  });

  it('ignores selections of undeclared bitstring positions with a warning', async () => {
    const file = writeSurvey(
      metadata(
        `<variable ident="1" type="multiple"><name>m</name><position start="1" finish="4"/>
          <values><value code="1">A</value><value code="3">C</value></values></variable>`,
      ),
      { 'survey.asc': '1110\n0010\n' },
    );
    const dataset = await readSssDataset(file, {});
    expect(texts(dataset, 'm')).toEqual(['1;3', '3']);
    expect(dataset.warnings).toEqual([expect.stringMatching(/m: 1 selection of categories/)]);
  });
});

describe('CSV data', () => {
  const xml = metadata(
    `<variable ident="1" type="quantity"><name>id</name><position start="1"/>
      <values><range from="1" to="999"/></values></variable>
    <variable ident="2" type="character"><name>name</name><position start="2"/><size>40</size></variable>
    <variable ident="3" type="single" format="literal"><name>region</name><position start="3"/>
      <values><value code="N">North</value><value code="S">South</value></values></variable>
    <variable ident="4" type="multiple"><name>visited</name><position start="4"/>
      <values><range from="1" to="4"/></values></variable>
    <variable ident="5" type="date"><name>when</name><position start="5"/></variable>
    <variable ident="6" type="time"><name>at</name><position start="6"/></variable>
    <variable ident="7" type="quantity"><name>amount</name><position start="7"/>
      <values><range from="-999.99" to="999.99"/></values></variable>
    <variable ident="8" type="logical"><name>agree</name><position start="8"/></variable>`,
    { record: 'format="csv" skip="1" href="data/answers.txt"' },
  );
  const header = 'id,name,region,visited,when,at,amount,agree\r\n';
  const body = [
    '1,"Smith, ""Jo""",N,"0101",20240131,093000,12.50,1',
    '2,"two\nlines",S,1000,,,,0',
    '3,,N,"",20231201,2359,-3,',
  ].join('\r\n');

  it('reads quoted fields, the href relative to the metadata, and every type', async () => {
    const dataset = await readSssDataset(
      writeSurvey(xml, { 'data/answers.txt': header + body }),
      {},
    );
    expect(dataset.cases).toBe(3);
    expect(numbers(dataset, 'id')).toEqual([1, 2, 3]);
    expect(texts(dataset, 'name')).toEqual(['Smith, "Jo"', 'two\nlines', null]);
    expect(texts(dataset, 'region')).toEqual(['N', 'S', 'N']);
    expect(texts(dataset, 'visited')).toEqual(['2;4', '1', null]);
    expect(texts(dataset, 'when')).toEqual(['2024-01-31', null, '2023-12-01']);
    expect(texts(dataset, 'at')).toEqual(['09:30:00', null, '23:59:00']);
    expect(numbers(dataset, 'amount')).toEqual([12.5, NaN, -3]);
    expect(numbers(dataset, 'agree')).toEqual([1, 0, NaN]);
    expect(dataset.variables.map((v) => v.type)).toEqual([
      'numeric',
      'text',
      'single',
      'multi',
      'date',
      'date',
      'numeric',
      'single',
    ]);
    expect(dataset.variables[2]!.valueLabels).toEqual([
      { code: 'N', label: 'North' },
      { code: 'S', label: 'South' },
    ]);
    expect(sss(dataset, 'amount')).toMatchObject({ decimals: 2 });
    expect(dataset.warnings).toEqual([]);
  });

  it('counts physical lines across quoted line breaks when a record has the wrong field count', async () => {
    const file = writeSurvey(xml, {
      'data/answers.txt': `${header}${body}\r\n4,x,N,0001,20240101,1200,1\r\n`,
    });
    const error = await readError(file);
    expect(error.kind).toBe('invalid-input');
    // Header is line 1 and record 2 spans lines 3-4, so the short record is on line 6; its 26
    // characters "4,x,N,0001,20240101,1200,1" end before column 27.
    expect(error.message).toBe(
      `${path.join(path.dirname(file), 'data', 'answers.txt')}: line 6, column 27: 7 fields, but the first record has 8`,
    );
  });

  it('points a record that ends early on a later line at where it ends', async () => {
    const file = writeSurvey(xml, {
      'data/answers.txt': `${header}1,"a\nb",N\n`,
    });
    const error = await readError(file);
    // The record starts on line 2 and its quoted name runs onto line 3, ending at column 5.
    expect(error.message).toMatch(
      /answers\.txt: line 3, column 5: 3 fields, but the metadata needs 8$/,
    );
  });

  it('names the field of a bad CSV value', async () => {
    const file = writeSurvey(xml, {
      'data/answers.txt': `${header}1,a,N,0101,20241301,1200,1,1\n`,
    });
    const error = await readError(file);
    expect(error.message).toMatch(
      /answers\.txt: line 2, column 12: when: "20241301" is not a date/,
    );
  });
});

describe('data that does not match the metadata', () => {
  const xml = metadata(
    `<variable ident="1" type="single"><name>Q1</name><position start="1"/>
      <values><value code="1">One</value><value code="2">Two</value></values></variable>
    <variable ident="2" type="quantity"><name>Q2</name><position start="2" finish="4"/>
      <values><range from="0" to="999"/></values></variable>
    <variable ident="3" type="multiple"><name>Q3</name><position start="5" finish="7"/>
      <values><range from="1" to="3"/></values></variable>`,
  );

  it.each([
    [
      'a line too short',
      '1012101\n2013\n',
      'line 2, column 5: the line has 4 characters, too short for Q3 (columns 5-7)',
    ],
    ['a non-numeric quantity', '1012101\n2 1x010\n', 'line 2, column 2: Q2: "1x" is not a number'],
    [
      'a bitstring character',
      '1012121\n',
      'line 1, column 6: Q3: "2" in a bitstring, which holds only 0 and 1',
    ],
    ['a non-numeric single', 'x012101\n', 'line 1, column 1: Q1: "x" is not a whole-number code'],
  ])('refuses %s with line and column', async (_name, data, where) => {
    const file = writeSurvey(xml, { 'survey.asc': data });
    const error = await readError(file);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('invalid-input');
    expect(error.message).toBe(`${path.join(path.dirname(file), 'survey.asc')}: ${where}`);
  });

  it('accepts CRLF, a final newline, a DOS end-of-file mark and a skipped header line', async () => {
    const file = writeSurvey(
      metadata(
        `<variable ident="1" type="single"><name>Q1</name><position start="1"/>
          <values><value code="1">One</value><value code="2">Two</value></values></variable>`,
        { record: 'format="fixed" skip="1"' },
      ),
      { 'survey.asc': 'Q\r\n1\r\n2\r\n\x1a' },
    );
    const dataset = await readSssDataset(file, {});
    expect(numbers(dataset, 'Q1')).toEqual([1, 2]);
  });

  it('refuses metadata whose spread does not fit its position', async () => {
    const file = writeSurvey(
      metadata(
        `<variable ident="1" type="multiple"><name>M</name><position start="1" finish="3"/>
          <spread subfields="2" width="2"/><values><range from="1" to="12"/></values></variable>`,
      ),
      { 'survey.asc': '0112\n' },
    );
    const error = await readError(file);
    expect(error.message).toMatch(
      /survey\.sss: variable M: 2 subfields of 2 columns do not fit in 3 columns/,
    );
  });
});

describe('finding the data file', () => {
  const variable = `<variable ident="1" type="quantity"><name>n</name><position start="1" finish="2"/></variable>`;

  it('names every path it tried when the data file is missing', async () => {
    const file = writeSurvey(metadata(variable, { record: 'format="fixed" href="wave1.asc"' }));
    const dir = path.dirname(file);
    const error = await readError(file);
    expect(error.kind).toBe('not-found');
    expect(error.message).toBe(
      `${file}: the data file was not found; tried ${[
        'wave1.asc',
        'survey.asc',
        'survey.ASC',
        'survey.dat',
        'survey.DAT',
        'survey.csv',
        'survey.CSV',
      ]
        .map((name) => path.join(dir, name))
        .join(', ')}`,
    );
  });

  it('finds the file an absolute href names by its base name beside the metadata', async () => {
    const file = writeSurvey(
      metadata(variable, { record: 'format="fixed" href="D:\\export\\wave1.dat"' }),
      { 'wave1.dat': '12\n 7\n' },
    );
    const dataset = await readSssDataset(file, {});
    expect(numbers(dataset, 'n')).toEqual([12, 7]);
    expect(dataset.fileAttributes.sss).toMatchObject({
      dataFile: path.join(path.dirname(file), 'wave1.dat'),
    });
    expect(dataset.warnings).toEqual([
      expect.stringContaining('(D:\\export\\wave1.dat) was not found'),
    ]);
  });
});

describe('progress and cancellation', () => {
  const xml = metadata(
    `<variable ident="1" type="quantity"><name>n</name><position start="1" finish="5"/></variable>`,
  );
  const data = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(5, '0')).join('\n');

  it('reports progress up to the whole file', async () => {
    const file = writeSurvey(xml, { 'survey.asc': data });
    const reports: Array<[number, number]> = [];
    const dataset = await readSssDataset(file, {
      onProgress: (done, total) => reports.push([done, total]),
    });
    expect(dataset.cases).toBe(10_000);
    expect(numbers(dataset, 'n')[9_999]).toBe(9_999);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.at(-1)).toEqual([data.length, data.length]);
  });

  it('stops with an AbortError when cancelled', async () => {
    const file = writeSurvey(xml, { 'survey.asc': data });
    const controller = new AbortController();
    controller.abort();
    await expect(readSssDataset(file, { signal: controller.signal })).rejects.toMatchObject({
      name: 'AbortError',
    });
  });
});

describe('unsupported structures', () => {
  it('refuses hierarchical Triple-S with a reason', async () => {
    const file = writeSurvey(
      '<?xml version="1.0"?>\n<sss version="2.0"><hierarchy ident="H"/></sss>\n',
    );
    const error = await readError(file);
    expect(error.message).toMatch(/hierarchical Triple-S .* is not supported/);
  });
});
