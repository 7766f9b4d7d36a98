/**
 * Specification of the CSV reader on generated files: every supported encoding (bytes made with
 * iconv-lite), every delimiter, RFC 4180 quoting, line endings, errors that name their place
 * (ragged rows, bytes invalid in the chosen encoding), header handling, streaming across reads,
 * narrow column storage, and the small versions of the load cases (10,000 columns, a 5 MB field).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvDataset, readCsvTable } from '../../../../../src/main/import/csv/csvDataset';
import { numbersOf, type ImportedDataset } from '../../../../../src/main/import/importedDataset';
import { pythonCsvRows } from './pythonCsv';
import { seededRandom, writeBigFieldCsv, writeSurveyCsv, writeWideCsv } from './surveyCsv';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'csv-reader-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let fileCount = 0;
function csvFile(content: string | Uint8Array, name = `file${++fileCount}.csv`): string {
  const file = path.join(tmp, name);
  writeFileSync(file, content);
  return file;
}

function encoded(text: string, encoding: string, bom = false): Buffer {
  return iconv.encode(text, encoding, { addBOM: bom });
}

/** Column `name` as plain values: numbers, texts, or the labels of a single variable's codes. */
function values(dataset: ImportedDataset, name: string): Array<number | string | null> {
  const index = dataset.variables.findIndex((variable) => variable.name === name);
  if (index < 0) throw new Error(`no variable ${name}`);
  const variable = dataset.variables[index]!;
  const column = dataset.columns[index]!;
  if (column.kind === 'text') return column.values;
  return [...numbersOf(column)].map((value) => {
    if (variable.type !== 'single') return value;
    if (Number.isNaN(value)) return null;
    return variable.valueLabels.find((label) => label.code === value)?.label ?? value;
  });
}

/** Index of the first element that differs (deep equality of long arrays is slow), or -1. */
function firstDifference(a: unknown[], b: unknown[]): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  return a.findIndex((value, i) => !Object.is(value, b[i]));
}

function typeOf(dataset: ImportedDataset, name: string): string {
  return dataset.variables.find((variable) => variable.name === name)!.type;
}

describe('encodings', () => {
  const korean = '응답자,성별,지역\n1,남성,서울\n2,여성,부산\n3,남성,대구\n';
  const japanese = '回答者,性別,地域\n1,男性,東京\n2,女性,大阪\n3,男性,福岡\n';
  const french = 'id,avis,prix\n1,C’est l’été,3 €\n2,très « bien »,5 €\n3,crème brûlée,7 €\n';
  const german = 'id,Größe,Preis\n1,Bäcker,5 €\n2,Grüße,6 €\n3,Maß,7 €\n';

  it.each([
    ['Korean CP949', korean, 'cp949', 'cp949'],
    ['Japanese Shift_JIS', japanese, 'shift_jis', 'shift_jis'],
    ['French windows-1252 with € and ’', french, 'windows-1252', 'windows-1252'],
    ['German ISO-8859-15 with €', german, 'iso-8859-15', 'iso-8859-15'],
  ])('guesses %s from the non-ASCII bytes, with a warning', async (_, text, encoding, reported) => {
    const file = csvFile(encoded(text, encoding));
    const dataset = await readCsvDataset(file);
    expect(dataset.encoding).toBe(reported);
    expect(dataset.warnings.some((warning) => warning.startsWith('encoding: guessed'))).toBe(true);
    const rows = text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(dataset.variables.map((variable) => variable.name)).toEqual(rows[0]);
    for (const [c, name] of rows[0]!.entries())
      expect(values(dataset, name)).toEqual(
        rows.slice(1).map((row) => (c === 0 ? Number(row[c]) : row[c])),
      );
  });

  it('reads the encoding the caller chose without a warning', async () => {
    const file = csvFile(encoded(korean, 'cp949'));
    const dataset = await readCsvDataset(file, { encoding: 'EUC-KR' });
    expect(dataset.encoding).toBe('euc-kr');
    expect(dataset.warnings).toEqual([]);
    expect(values(dataset, '성별')).toEqual(['남성', '여성', '남성']);
    expect(dataset.fileAttributes).toMatchObject({ csv: { encodingSource: 'option' } });
  });

  it('reads ISO-8859-1 chosen explicitly, and a guessed ISO-8859-1 as windows-1252', async () => {
    const text = 'id,ville\n1,Genève\n2,Zürich\n3,Besançon\n';
    const file = csvFile(encoded(text, 'latin1'));
    expect((await readCsvDataset(file, { encoding: 'latin1' })).encoding).toBe('iso-8859-1');
    const guessed = await readCsvDataset(file);
    expect(guessed.encoding).toBe('windows-1252');
    expect(values(guessed, 'ville')).toEqual(['Genève', 'Zürich', 'Besançon']);
  });

  it.each([
    ['UTF-16LE', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
  ])('transcodes %s with a BOM before parsing', async (_, encoding) => {
    const text = 'id,name,note\n1,"Zoë, ""the"" first",€\n2,Łukasz,日本\n';
    const file = csvFile(encoded(text, encoding, true));
    const dataset = await readCsvDataset(file);
    expect(dataset.encoding).toBe(encoding);
    expect(dataset.warnings).toEqual([]);
    expect(values(dataset, 'name')).toEqual(['Zoë, "the" first', 'Łukasz']);
    expect(values(dataset, 'note')).toEqual(['€', '日本']);
    expect(values(dataset, 'id')).toEqual([1, 2]);
  });

  it('skips a UTF-8 BOM', async () => {
    const file = csvFile(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,é\n')]),
    );
    const dataset = await readCsvDataset(file);
    expect(dataset.variables[0]!.name).toBe('a');
    expect(dataset.encoding).toBe('utf-8');
    expect(dataset.fileAttributes).toMatchObject({ csv: { encodingSource: 'bom' } });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', async () => {
    const file = csvFile(encoded('id,city\n1,Köln\n2,Wien\n', 'utf-16le'));
    const dataset = await readCsvDataset(file);
    expect(dataset.encoding).toBe('utf-16le');
    expect(values(dataset, 'city')).toEqual(['Köln', 'Wien']);
  });

  it('transcodes Shift_JIS with | as delimiter (its trail bytes include 0x7C)', async () => {
    // ポ is 0x83 0x7C in Shift_JIS: read byte-wise, its second byte would split the field.
    const text = 'id|name\n1|ポイント\n2|ソース\n';
    const file = csvFile(encoded(text, 'shift_jis'));
    const dataset = await readCsvDataset(file, { encoding: 'shift_jis', delimiter: '|' });
    expect(values(dataset, 'name')).toEqual(['ポイント', 'ソース']);
  });

  it('names the byte offset and line of bytes that are not valid UTF-8 when UTF-8 was chosen', async () => {
    const prefix = 'id,name\n1,ok\n2,caf';
    const file = csvFile(
      Buffer.concat([Buffer.from(prefix), Buffer.from([0xe9]), Buffer.from('\n')]),
    );
    await expect(readCsvDataset(file, { encoding: 'utf-8' })).rejects.toThrow(
      `${file}: byte 0xe9 at byte offset ${prefix.length} (line 3, data row 2) is not valid utf-8`,
    );
  });

  it('names the byte offset of a byte windows-1252 does not define', async () => {
    const file = csvFile(
      Buffer.concat([Buffer.from('a,b\n1,x'), Buffer.from([0x81]), Buffer.from('\n')]),
    );
    await expect(readCsvDataset(file, { encoding: 'windows-1252' })).rejects.toThrow(
      'byte 0x81 at byte offset 7 (line 2, data row 1) is not valid windows-1252',
    );
  });

  it('detects again when the first MiB was ASCII and a later row is not UTF-8', async () => {
    const ascii =
      'id,comment\n' + Array.from({ length: 60_000 }, (_, i) => `${i},plain`).join('\n');
    const late = encoded('\n60000,"Très bon café, merci à vous ’"\n', 'windows-1252');
    const file = csvFile(Buffer.concat([Buffer.from(ascii), late]));
    const dataset = await readCsvDataset(file);
    expect(dataset.encoding).toBe('windows-1252');
    expect(dataset.warnings[0]).toMatch(/^encoding: guessed as windows-1252/);
    expect(values(dataset, 'comment').at(-1)).toBe('Très bon café, merci à vous ’');
  });

  it('rejects an unknown encoding name', async () => {
    const file = csvFile('a\n1\n');
    await expect(readCsvDataset(file, { encoding: 'klingon-8' })).rejects.toThrow(
      'unknown encoding "klingon-8"',
    );
  });
});

describe('delimiters and quotes', () => {
  it.each([
    [',', 'csv'],
    [';', 'csv'],
    ['\t', 'tsv'],
    ['|', 'csv'],
  ])('sniffs %j', async (delimiter, format) => {
    const text = ['id,name,score', '1,"Smith, J.",7.5', '2,Lee,8', '3,"O\'Neil",9']
      .map((line) =>
        delimiter === ','
          ? line
          : line.replaceAll(',', delimiter).replace('Smith; J.', 'Smith, J.'),
      )
      .join('\n');
    const dataset = await readCsvDataset(csvFile(text));
    expect(dataset.format).toBe(format);
    expect(dataset.fileAttributes).toMatchObject({ csv: { delimiter } });
    expect(dataset.variables.map((variable) => variable.name)).toEqual(['id', 'name', 'score']);
    expect(values(dataset, 'score')).toEqual([7.5, 8, 9]);
  });

  it('prefers the delimiter with consistent field counts over one that appears inside fields', async () => {
    // Delimited multi-response answers ("1;2;") in a comma file, as quantipy writes them.
    const text = 'id,q1,q2\n1,1;2;,3\n2,2;,4\n3,1;3;4;,5\n';
    const dataset = await readCsvDataset(csvFile(text));
    expect(dataset.fileAttributes).toMatchObject({ csv: { delimiter: ',' } });
    expect(values(dataset, 'q1')).toEqual(['1;2;', '2;', '1;3;4;']);
  });

  it('takes the delimiter the caller gives, spelled as a character or as tab', async () => {
    const text = 'a;b\tc\n1;2\t3\n';
    expect(
      (await readCsvDataset(csvFile(text), { delimiter: 'tab' })).variables.map((v) => v.name),
    ).toEqual(['a;b', 'c']);
    expect(
      (await readCsvDataset(csvFile(text), { delimiter: ';' })).variables.map((v) => v.name),
    ).toEqual(['a', 'b\tc']);
    await expect(readCsvDataset(csvFile(text), { delimiter: ':' })).rejects.toThrow(
      'the delimiter must be one of , ; | or TAB',
    );
  });

  it('reads quoted fields with delimiters, doubled quotes and newlines (RFC 4180)', async () => {
    const text =
      'id,comment,score\r\n' +
      '1,"Good, but ""slow""",4\r\n' +
      '2,"line one\r\nline two\nline three",5\r\n' +
      '3,"",6\r\n' +
      '4,plain,7';
    const file = csvFile(text);
    const dataset = await readCsvDataset(file);
    expect(values(dataset, 'comment')).toEqual([
      'Good, but "slow"',
      'line one\r\nline two\nline three',
      null,
      'plain',
    ]);
    expect(values(dataset, 'score')).toEqual([4, 5, 6, 7]);
    // Python's csv module agrees on every field.
    expect(
      pythonCsvRows(file)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(['Good, but "slow"', 'line one\r\nline two\nline three', '', 'plain']);
  });

  it('reads LF, CRLF and CR line endings alike, and skips blank lines', async () => {
    for (const newline of ['\n', '\r\n', '\r']) {
      const text = ['a,b', '1,x', '', '2,y', ''].join(newline);
      const dataset = await readCsvDataset(csvFile(text));
      expect(dataset.cases).toBe(2);
      expect(values(dataset, 'b')).toEqual(['x', 'y']);
    }
  });

  it('uses \' as the quote when fields are wrapped in it and never in "', async () => {
    const text = "id,name\n1,'Smith, J.'\n2,'Lee'\n";
    const dataset = await readCsvDataset(csvFile(text));
    expect(dataset.fileAttributes).toMatchObject({ csv: { quote: "'" } });
    expect(values(dataset, 'name')).toEqual(['Smith, J.', 'Lee']);
  });

  it('keeps quotes inside an unquoted field as written', async () => {
    const dataset = await readCsvDataset(csvFile('id,size\n1,5" screen\n2,7" screen\n'));
    expect(values(dataset, 'size')).toEqual(['5" screen', '7" screen']);
  });

  it('reports quoting errors in the header and the rows above it too', async () => {
    const open = csvFile('a,"b\n1,2\n');
    await expect(readCsvDataset(open)).rejects.toThrow(
      `${open}: row 1 (line 1) has a quoted field, starting at byte offset 2, that is never closed`,
    );
    const after = csvFile('junk\n"a"x,b\n1,2\n');
    await expect(readCsvDataset(after, { headerRow: 2 })).rejects.toThrow(
      'row 2 (line 2): unexpected bytes after a closing quote at byte offset 7',
    );
  });

  it('reports a quoted field that is never closed, and text after a closing quote', async () => {
    const open = csvFile('a,b\n1,"never closed\n2,x\n');
    await expect(readCsvDataset(open)).rejects.toThrow(
      'row 2 (line 2) has a quoted field, starting at byte offset 6, that is never closed',
    );
    const after = csvFile('a,b\n1,"x"y\n');
    await expect(readCsvDataset(after)).rejects.toThrow(
      'row 2 (line 2): unexpected bytes after a closing quote at byte offset 8',
    );
  });
});

describe('ragged rows', () => {
  it('says "1 field" for a lone value in a row of several', async () => {
    const file = csvFile('a,b\n1,2\n \n');
    await expect(readCsvDataset(file)).rejects.toThrow(
      'row 3 (line 3) has 1 field, but the header has 2',
    );
  });

  it('names the row and line of a row with too few fields', async () => {
    const file = csvFile('a,b,c\n1,2,3\n4,5\n6,7,8\n');
    await expect(readCsvDataset(file)).rejects.toThrow(
      `${file}: row 3 (line 3) has 2 fields, but the header has 3`,
    );
  });

  it('names the row and line of a row with too many fields, counting quoted newlines', async () => {
    const file = csvFile('a,b\n1,"two\nlines"\n\n3,4,5\n');
    await expect(readCsvDataset(file)).rejects.toThrow(
      'row 3 (line 5) has 3 fields, but the header has 2',
    );
  });

  it('finds a ragged row far into a file that is read in several pieces', async () => {
    const lines = ['a,b,c', ...Array.from({ length: 400_000 }, (_, i) => `${i},${i % 7},x`), '1,2'];
    await expect(readCsvDataset(csvFile(lines.join('\n')))).rejects.toThrow(
      'row 400002 (line 400002) has 2 fields',
    );
  });
});

describe('headers', () => {
  it('keeps names verbatim and generates unique names for blank and repeated headers', async () => {
    const dataset = await readCsvDataset(csvFile('sch.wide,,name,name,V2, Q 5 \n1,2,3,4,5,6\n'));
    expect(dataset.variables.map((variable) => variable.name)).toEqual([
      'sch.wide',
      'V2_2',
      'name',
      'name_2',
      'V2',
      ' Q 5 ',
    ]);
    expect(dataset.warnings).toEqual([
      'generated variable names: column 2 has no name: V2_2; column 4 repeats the name "name": name_2',
    ]);
  });

  it('reads the header from the row the caller names, skipping the rows above', async () => {
    const text = 'Survey export,,\n"generated 2026-11-27, wave 3",,\nid,q1,q2\n1,2,3\n';
    const dataset = await readCsvDataset(csvFile(text), { headerRow: 3 });
    expect(dataset.variables.map((variable) => variable.name)).toEqual(['id', 'q1', 'q2']);
    expect(dataset.cases).toBe(1);
    expect(dataset.fileAttributes).toMatchObject({ csv: { headerRow: 3 } });
    await expect(readCsvDataset(csvFile(text), { headerRow: 9 })).rejects.toThrow(
      'the header row 9 is past the end (the file has 4 rows)',
    );
  });

  it('reads a file with only a header as no cases, and rejects an empty file', async () => {
    const dataset = await readCsvDataset(csvFile('a,b\n'));
    expect(dataset.cases).toBe(0);
    expect(dataset.variables.map((variable) => variable.type)).toEqual(['numeric', 'numeric']);
    const empty = csvFile('');
    await expect(readCsvDataset(empty)).rejects.toThrow(`${empty}: the file is empty`);
  });
});

describe('values and types', () => {
  it('reads empty, NA and . as missing in number and text columns', async () => {
    const text = 'n,t\n1,a\n,b\nNA,NA\n.,.\n  NA ,\n5,c\n';
    const dataset = await readCsvDataset(csvFile(text));
    expect(typeOf(dataset, 'n')).toBe('numeric');
    expect(values(dataset, 'n')).toEqual([1, NaN, NaN, NaN, NaN, 5]);
    expect(typeOf(dataset, 't')).toBe('single');
    expect(values(dataset, 't')).toEqual(['a', 'b', null, null, null, 'c']);
  });

  it('reads integers and decimals as numeric, exactly as JavaScript parses them', async () => {
    const numbers = [
      '0',
      '-7',
      '255',
      '70000',
      '-2147483649',
      '1.5',
      '.5',
      '-0.25',
      '1e3',
      '2.5E-3',
      '123456789012345',
      '0.1',
      '3.14159265358979',
    ];
    const dataset = await readCsvDataset(csvFile(`x\n${numbers.join('\n')}\n`));
    expect(typeOf(dataset, 'x')).toBe('numeric');
    expect(values(dataset, 'x')).toEqual(numbers.map(Number));
  });

  it('keeps leading zeros, long integers, decimal commas and "1." as text', async () => {
    for (const odd of ['007', '1234567890123456', '3,5', '1.', '1,234', 'Inf']) {
      const dataset = await readCsvDataset(csvFile(`id;x\n1;5\n2;"${odd}"\n`), { delimiter: ';' });
      expect(typeOf(dataset, 'x')).toBe('single');
      expect(values(dataset, 'x')).toEqual(['5', odd]);
    }
  });

  it('makes a text column with at most 50 distinct values single, codes in code-point order', async () => {
    const answers = ['agree', 'Disagree', 'Agree', 'émue', 'Zebra'];
    const dataset = await readCsvDataset(csvFile(`a\n${answers.join('\n')}\n`));
    expect(dataset.variables[0]!.valueLabels).toEqual([
      { code: 1, label: 'Agree' },
      { code: 2, label: 'Disagree' },
      { code: 3, label: 'Zebra' },
      { code: 4, label: 'agree' },
      { code: 5, label: 'émue' },
    ]);
    expect([...dataset.columns[0]!.values]).toEqual([4, 2, 1, 5, 3]);
  });

  it('keeps 51 distinct texts as text, unless maxCategories or types say otherwise', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `brand ${i}`);
    const file50 = csvFile(`b\n${fifty.join('\n')}\n${fifty.join('\n')}\n`);
    expect(typeOf(await readCsvDataset(file50), 'b')).toBe('single');
    const file51 = csvFile(`b\n${[...fifty, 'brand 50'].join('\n')}\n`);
    expect(typeOf(await readCsvDataset(file51), 'b')).toBe('text');
    expect(typeOf(await readCsvDataset(file51, { maxCategories: 60 }), 'b')).toBe('single');
    expect(typeOf(await readCsvDataset(file50, { maxCategories: 10 }), 'b')).toBe('text');
    const forced = await readCsvDataset(file51, { types: { b: 'single' } });
    expect(forced.variables[0]!.valueLabels).toHaveLength(51);
  });

  it('lets the caller set the order of categories and any type', async () => {
    const text = 'sat,q,when\nGood,1,2024-01-31\nPoor,2,2024-02-29\nFair,x,\nGood,4,2024-03-01\n';
    const file = csvFile(text);
    const dataset = await readCsvDataset(file, {
      categoryOrder: { sat: ['Poor', 'Fair', 'Good', 'Excellent'] },
      types: { q: 'numeric', when: 'text' },
    });
    expect(dataset.variables[0]!.valueLabels.map((label) => label.label)).toEqual([
      'Poor',
      'Fair',
      'Good',
      'Excellent',
    ]);
    expect([...dataset.columns[0]!.values]).toEqual([3, 1, 2, 3]);
    expect(values(dataset, 'q')).toEqual([1, 2, NaN, 4]);
    expect(dataset.warnings).toContain(
      'q: 1 value is not numbers and became missing (first: data row 3, "x")',
    );
    expect(values(dataset, 'when')).toEqual(['2024-01-31', '2024-02-29', null, '2024-03-01']);
    await expect(readCsvDataset(file, { types: { nope: 'text' } })).rejects.toThrow(
      'types names "nope", which is not a variable of this file',
    );
  });

  it('reads ISO dates and date-times as dates in SPSS seconds', async () => {
    const text =
      'd,t\n2024-02-29,2024-02-29T13:45:30.5\n1582-10-14,2024-02-29 00:00\n,2024-02-29T13:45:30Z\n';
    const dataset = await readCsvDataset(csvFile(text));
    expect(typeOf(dataset, 'd')).toBe('date');
    const spss = (iso: string): number => (Date.parse(iso) - Date.UTC(1582, 9, 14)) / 1000;
    expect(values(dataset, 'd')).toEqual([spss('2024-02-29T00:00:00Z'), 0, NaN]);
    expect(values(dataset, 't')).toEqual([
      spss('2024-02-29T13:45:30.5Z'),
      spss('2024-02-29T00:00:00Z'),
      spss('2024-02-29T13:45:30Z'),
    ]);
  });

  it('does not take impossible or non-ISO dates for dates', async () => {
    const dataset = await readCsvDataset(
      csvFile('d,e\n2023-02-29,03/04/2024\n2023-01-01,04/05/2024\n'),
    );
    expect(typeOf(dataset, 'd')).toBe('single');
    expect(typeOf(dataset, 'e')).toBe('single');
  });

  it('turns a number column into text when a word appears late, keeping what was read', async () => {
    const lines = Array.from({ length: 300_000 }, (_, i) => `${i},${i % 300},${(i % 10) / 4}`);
    const file = csvFile(`id,code,x\n${lines.join('\n')}\n300000,n/a,2.50\n300001,7,1.0\n`);
    const dataset = await readCsvDataset(file);
    expect(typeOf(dataset, 'code')).toBe('text');
    const code = values(dataset, 'code');
    expect(code.slice(0, 3)).toEqual(['0', '1', '2']);
    expect(code.slice(-3)).toEqual(['299', 'n/a', '7']);
    expect(typeOf(dataset, 'x')).toBe('numeric');
    expect(values(dataset, 'x').slice(-2)).toEqual([2.5, 1]);
  });
});

describe('narrow storage while streaming', () => {
  it('keeps codes 0..252 in a Uint8Array, wider integers in Int32Array, decimals in Float64Array', async () => {
    const text = 'codes,wide,neg,dec\n1,1,1,1\n252,300,-5,0.5\n,70000,,\n';
    const table = await readCsvTable(csvFile(text));
    const [codes, wide, neg, dec] = table.columns;
    expect(codes!.values).toBeInstanceOf(Uint8Array);
    expect([...codes!.values]).toEqual([1, 252, 255]);
    expect(wide!.values).toBeInstanceOf(Int32Array);
    expect([...wide!.values]).toEqual([1, 300, 70000]);
    expect(neg!.values).toBeInstanceOf(Int32Array);
    expect(dec!.values).toBeInstanceOf(Float64Array);
    expect([...dec!.values]).toEqual([1, 0.5, NaN]);
  });

  it('reads the benchmark survey shape across many reads with the same sums as the generator', async () => {
    const file = path.join(tmp, 'survey.csv');
    const summary = writeSurveyCsv(file, 30_000);
    expect(summary.bytes).toBeGreaterThan(12_000_000);
    const progress: number[] = [];
    const dataset = await readCsvDataset(file, {
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(dataset.cases).toBe(30_000);
    expect(dataset.variables).toHaveLength(201);
    dataset.columns.forEach((column, c) => {
      // Survey codes stay one byte each while read; the weight is the one Float64 column.
      expect(column.kind).toBe(c === 200 ? 'numeric' : 'codes');
      if (column.kind === 'text') throw new Error('no text in the survey');
      let sum = 0;
      let missing = 0;
      for (const value of numbersOf(column)) {
        if (Number.isNaN(value)) missing++;
        else sum += value;
      }
      expect(sum).toBeCloseTo(summary.sums[c]!, 6);
      expect(missing).toBe(summary.missing[c]);
    });
    expect(progress.at(-1)).toBe(1);
    expect(progress.length).toBeGreaterThan(2);
  });

  it('regrows its columns when the file has more rows than its first MiB suggests', async () => {
    // Long rows first make the row estimate low; the short rows after them overflow it.
    const long = Array.from({ length: 1500 }, (_, i) => `${i % 9},"${'x'.repeat(1000)}"`);
    const short = Array.from({ length: 500_000 }, (_, i) => `${i % 9},y`);
    const file = csvFile(['code,text', ...long, ...short].join('\n'));
    const table = await readCsvTable(file);
    expect(table.rows).toBe(501_500);
    const codes = table.columns[0]!.values;
    expect(codes).toBeInstanceOf(Uint8Array);
    let sum = 0;
    for (const code of codes as Uint8Array) sum += code;
    let expectedSum = 0;
    for (let i = 0; i < 1500; i++) expectedSum += i % 9;
    for (let i = 0; i < 500_000; i++) expectedSum += i % 9;
    expect(sum).toBe(expectedSum);
  });

  it('agrees with Python on a file with quoted fields and newlines across read boundaries', async () => {
    const random = seededRandom(11);
    const pieces = [
      'a',
      'b,c',
      'say ""hi""',
      'two\nlines',
      'é',
      '12',
      '',
      ' 3 ',
      'a longer piece of text',
    ];
    const lines = ['id,t1,t2,n'];
    for (let i = 0; i < 100_000; i++) {
      const pick = (): string => pieces[Math.floor(random() * pieces.length)]!;
      const t2 = random() < 0.5 ? `"${pick()}${pick()}"` : 'x';
      lines.push(`${i},"${pick()}${pick()}${pick()}",${t2},${Math.floor(random() * 1000) / 8}`);
    }
    const file = csvFile(lines.join('\r\n'));
    const dataset = await readCsvDataset(file, { types: { t1: 'text', t2: 'text' } });
    const rows = pythonCsvRows(file).slice(1);
    expect(dataset.cases).toBe(rows.length);
    const blankToNull = (field: string): string | null =>
      field.trim() === '' || field === 'NA' || field === '.' ? null : field;
    expect(
      firstDifference(
        values(dataset, 't1'),
        rows.map((row) => blankToNull(row[1]!)),
      ),
    ).toBe(-1);
    expect(
      firstDifference(
        values(dataset, 't2'),
        rows.map((row) => blankToNull(row[2]!)),
      ),
    ).toBe(-1);
    expect(
      firstDifference(
        values(dataset, 'n'),
        rows.map((row) => Number(row[3])),
      ),
    ).toBe(-1);
  });
});

describe('size', () => {
  it('reads a file of 10,000 columns', async () => {
    const file = path.join(tmp, 'wide.csv');
    writeWideCsv(file, 20, 10_000);
    const dataset = await readCsvDataset(file);
    expect(dataset.variables).toHaveLength(10_000);
    expect(dataset.cases).toBe(20);
    expect(values(dataset, 'c10000')[19]).toBe(19 + 9_999);
  });

  it('reads a 5 MB quoted text field with commas, quotes and newlines', async () => {
    const file = path.join(tmp, 'bigfield.csv');
    const note = writeBigFieldCsv(file, 5 * 1024 * 1024);
    const dataset = await readCsvDataset(file, { types: { note: 'text' } });
    expect(dataset.cases).toBe(3);
    expect(values(dataset, 'note')[1]).toBe(note);
    expect(values(dataset, 'score')).toEqual([5, 7, 9]);
  });
});

describe('cancellation', () => {
  it('stops with an AbortError when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      readCsvDataset(csvFile('a\n1\n'), { signal: controller.signal }),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
