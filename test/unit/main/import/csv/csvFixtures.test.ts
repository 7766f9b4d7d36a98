/**
 * The CSV reader against every CSV in ../shared/fixtures (quantipy, r-survey-api, expss-mtcars,
 * pspp/inline), checked value by value against an independent parse (Python's csv module) read
 * through the documented typing rules, plus hand-verified facts about each file's columns.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithFixtures, fixture, fixturesDir } from '../../../../support/fixtures';
import { readCsvDataset } from '../../../../../src/main/import/csv/csvDataset';
import type { ImportedDataset } from '../../../../../src/main/import/importedDataset';
import { plainValues } from '../../../../support/importedValues';
import { pythonCsvRows } from './pythonCsv';

const SPSS_EPOCH_MS = Date.UTC(1582, 9, 14);

function csvFixtures(): string[] {
  const folders = ['quantipy', 'r-survey-api', 'expss-mtcars', 'pspp/inline'];
  return folders.flatMap((folder) =>
    readdirSync(path.join(fixturesDir, folder))
      .filter((name) => name.endsWith('.csv'))
      .map((name) => `${folder}/${name}`),
  );
}

function isMissing(field: string): boolean {
  const trimmed = field.trim();
  return trimmed === '' || trimmed === 'NA' || trimmed === '.';
}

/** What a Python field must read as, given the variable the reader made of its column. */
function expected(field: string, type: string): number | string | null {
  if (isMissing(field)) return type === 'numeric' || type === 'date' ? Number.NaN : null;
  if (type === 'numeric') return Number(field);
  // Date.parse reads ISO text independently of the reader's own date code.
  if (type === 'date') return (Date.parse(`${field.replace(' ', 'T')}Z`) - SPSS_EPOCH_MS) / 1000;
  return field;
}

/** What the reader holds in a column, as numbers, or as the texts a single's codes stand for. */
function readValues(dataset: ImportedDataset, column: number): Array<number | string | null> {
  const variable = dataset.variables[column]!;
  const values = plainValues(dataset.columns[column]!);
  if (variable.type !== 'single') return values;
  const labels = new Map(variable.valueLabels.map((label) => [label.code, label.label]));
  return values.map((value) =>
    Number.isNaN(value) ? null : (labels.get(value as number) ?? null),
  );
}

function variable(dataset: ImportedDataset, name: string): ImportedDataset['variables'][number] {
  const found = dataset.variables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no variable ${name}`);
  return found;
}

function column(dataset: ImportedDataset, name: string): { values: Array<number | string | null> } {
  const index = dataset.variables.findIndex((candidate) => candidate.name === name);
  return { values: plainValues(dataset.columns[index]!) };
}

describeWithFixtures('CSV fixtures', () => {
  it('finds the expected CSV fixtures', () => {
    expect(csvFixtures().length).toBeGreaterThanOrEqual(15);
  });

  describe.each(csvFixtures())('%s', (relative) => {
    it('reads every value as Python csv does, through the typing rules', async () => {
      const file = fixture(relative);
      const dataset = await readCsvDataset(file);
      const rows = pythonCsvRows(file);
      const header = rows[0]!;
      expect(dataset.format).toBe('csv');
      expect(dataset.encoding).toBe('utf-8');
      expect(dataset.cases).toBe(rows.length - 1);
      expect(dataset.variables).toHaveLength(header.length);
      header.forEach((name, c) => {
        if (name.trim() !== '') expect(dataset.variables[c]!.name).toBe(name);
        else expect(dataset.variables[c]!.name).toBe(`V${c + 1}`);
      });
      for (let c = 0; c < header.length; c++) {
        const type = dataset.variables[c]!.type;
        const read = readValues(dataset, c);
        for (let r = 1; r < rows.length; r++) {
          const want = expected(rows[r]![c]!, type);
          const got = read[r - 1];
          if (!Object.is(got, want))
            throw new Error(
              `${relative}: ${header[c]} row ${r}: read ${String(got)}, Python says ${JSON.stringify(rows[r]![c])}`,
            );
        }
      }
    });
  });

  it('reads r-survey-api/apiclus1.csv with R row names, codes with leading zeros and yes/no items', async () => {
    const dataset = await readCsvDataset(fixture('r-survey-api/apiclus1.csv'));
    expect(dataset.cases).toBe(183);
    expect(dataset.variables[0]!.name).toBe('V1');
    expect(dataset.warnings).toEqual(['generated variable names: column 1 has no name: V1']);
    // School codes keep their leading zero: text, not the number 1612910137588.
    expect(variable(dataset, 'cds').type).toBe('text');
    expect(column(dataset, 'cds').values[0]).toBe('01612910137588');
    // Names are verbatim, dots included; two answers become codes 1, 2 in sorted order.
    expect(variable(dataset, 'sch.wide')).toMatchObject({
      type: 'single',
      valueLabels: [
        { code: 1, label: 'No' },
        { code: 2, label: 'Yes' },
      ],
    });
    expect(variable(dataset, 'stype').valueLabels.map((label) => label.label)).toEqual([
      'E',
      'H',
      'M',
    ]);
    // flag is NA throughout: numeric and all missing.
    expect(variable(dataset, 'flag').type).toBe('numeric');
    expect([...column(dataset, 'flag').values].every(Number.isNaN)).toBe(true);
    expect(variable(dataset, 'pw').type).toBe('numeric');
    expect(column(dataset, 'pw').values[0]).toBe(33.846996307373);
    expect(column(dataset, 'avg.ed').values[0]).toBe(2.9300000667572);
  });

  it('reads quantipy/example_data_A.csv: 8,255 rows, delimited sets as text, ISO timestamps as dates', async () => {
    const dataset = await readCsvDataset(fixture('quantipy/example_data_A.csv'));
    expect(dataset.cases).toBe(8255);
    expect(variable(dataset, 'q2').type).toBe('text');
    expect(column(dataset, 'q2').values[0]).toBe('1;2;3;5;');
    expect(variable(dataset, 'start_time').type).toBe('date');
    expect(variable(dataset, 'gender').type).toBe('numeric');
    // "0 days 00:04:10.800000000" is neither a number nor an ISO date.
    expect(variable(dataset, 'duration').type).toBe('text');
  });

  it('reads expss-mtcars/mtcars.csv: 32 car names are 32 categories, the rest numbers', async () => {
    const dataset = await readCsvDataset(fixture('expss-mtcars/mtcars.csv'));
    expect(dataset.cases).toBe(32);
    expect(dataset.variables.map((v) => v.name)).toEqual([
      'V1',
      'mpg',
      'cyl',
      'disp',
      'hp',
      'drat',
      'wt',
      'qsec',
      'vs',
      'am',
      'gear',
      'carb',
    ]);
    expect(dataset.variables[0]!.type).toBe('single');
    expect(dataset.variables[0]!.valueLabels).toHaveLength(32);
    expect(dataset.variables.slice(1).every((v) => v.type === 'numeric')).toBe(true);
    expect(column(dataset, 'wt').values[0]).toBe(3.78);
  });

  it('reads pspp/inline/quick_cluster_three_groups.csv: group letters become a single variable', async () => {
    const dataset = await readCsvDataset(fixture('pspp/inline/quick_cluster_three_groups.csv'));
    expect(variable(dataset, 'cluster')).toMatchObject({
      type: 'single',
      valueLabels: [
        { code: 1, label: 'A' },
        { code: 2, label: 'B' },
        { code: 3, label: 'C' },
      ],
    });
  });
});
