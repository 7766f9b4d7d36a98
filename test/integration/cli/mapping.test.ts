/**
 * Harmonising a new wave from the command line: `cew mapping` proposes how a file lands on the
 * study's codebook, `cew import` applies the proposal when it decides everything and stops —
 * writing nothing — when it does not, and `cew import --mapping` applies a reviewed mapping.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MappingProposal } from '../../../src/shared/domain/mapping';
import { tempFolder } from '../../support/studyDb';
import { cli, writeGeneratedSav, type GeneratedVariable } from '../import/studyHelpers';

const RATE_LABEL = 'Wie oft bewerten Sie Marken?';
const MOTIVE_2025 = { 1: 'Informationen', 2: 'Angebote', 3: 'Hilfe' };
/** Wave 2026 renumbers the reasons and adds one. */
const MOTIVE_2026 = { 1: 'Angebote', 2: 'Unterhaltung', 3: 'Informationen', 4: 'Hilfe' };

function wave(rows: number, variables: (n: number) => GeneratedVariable[]): GeneratedVariable[] {
  return variables(rows);
}

const wave2025 = wave(6, (n) => [
  { name: 'resp_id', numbers: Array.from({ length: n }, (_, i) => 100 + i) },
  { name: 'rate', label: RATE_LABEL, numbers: [1, 2, 3, 4, 5, 1], valueLabels: {} },
  { name: 'motive', label: 'Warum?', numbers: [1, 2, 3, 1, 2, 3], valueLabels: MOTIVE_2025 },
  { name: 'sat_store', label: 'Zufriedenheit mit dem Geschäft', numbers: [1, 2, 3, 4, 5, 1] },
  { name: 'sat_stores', label: 'Zufriedenheit mit den Geschäften', numbers: [2, 2, 2, 2, 2, 2] },
]);

const wave2026 = wave(4, (n) => [
  { name: 'resp_id', numbers: Array.from({ length: n }, (_, i) => 200 + i) },
  { name: 'rate_brands', label: RATE_LABEL, numbers: [5, 4, 3, 2] },
  { name: 'motive', label: 'Warum?', numbers: [1, 2, 3, 4], valueLabels: MOTIVE_2026 },
  { name: 'sat_store', label: 'Zufriedenheit mit dem Geschäft', numbers: [1, 1, 1, 1] },
  { name: 'sat_stores', label: 'Zufriedenheit mit den Geschäften', numbers: [3, 3, 3, 3] },
  { name: 'nps', label: 'Weiterempfehlung', numbers: [9, 10, 7, 8] },
]);

/** A 2026 file whose satisfaction column could be either study variable. */
const ambiguous2026 = wave(2, (n) => [
  { name: 'resp_id', numbers: Array.from({ length: n }, (_, i) => 300 + i) },
  { name: 'zufriedenheit', label: 'Zufriedenheit mit dem Geschäften', numbers: [4, 4] },
]);

describe('cew mapping and cew import onto the codebook', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder('cew-mapping-')));
  afterEach(() => cleanup());

  async function studyWith2025(): Promise<void> {
    await writeGeneratedSav(path.join(folder, 'de25.sav'), wave2025);
    const imported = cli(
      ['import', 'study.cew', 'de25.sav', '--country', 'DE', '--wave', '2025', '--language', 'de'],
      folder,
    );
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
  }

  function respondents(): number {
    const described = cli(['describe', 'study.cew', '--json'], folder);
    return (JSON.parse(described.stdout) as { respondents: number }).respondents;
  }

  it('proposes the renamed variable by its label, the renumbered answers by theirs, and lists what changed', async () => {
    await studyWith2025();
    await writeGeneratedSav(path.join(folder, 'de26.sav'), wave2026);
    const args = ['mapping', 'study.cew', 'de26.sav', '--country', 'DE', '--wave', '2026'];
    const result = cli([...args, '--language', 'de', '--json'], folder);
    expect(result.stderr).toBe('');
    const proposal = JSON.parse(result.stdout) as MappingProposal;
    expect(proposal.previousSource).toMatchObject({ fileName: 'de25.sav', wave: '2025' });
    expect(proposal.variables.find((entry) => entry.source === 'rate_brands')).toMatchObject({
      target: 'rate',
      evidence: 'label',
      confidence: 0.9,
    });
    expect(proposal.variables.find((entry) => entry.source === 'motive')!.codes).toEqual({
      '1': 2,
      // Unterhaltung is new; its code 2 is Angebote's, so it takes the first code neither uses.
      '2': 5,
      '3': 1,
      '4': 3,
    });
    expect(proposal.new).toEqual(['nps']);
    expect(proposal.problems).toEqual([]);
    expect(proposal.changes).toEqual(
      expect.arrayContaining([
        { kind: 'renamed', target: 'rate', from: 'rate', to: 'rate_brands' },
        expect.objectContaining({ kind: 'new-category', target: 'motive', label: 'Unterhaltung' }),
        { kind: 'new-variable', source: 'nps' },
      ]),
    );

    const human = cli([...args, '--language', 'de'], folder);
    expect(human.stdout).toContain('rate_brands → rate  label 0.90');
    expect(human.stdout).toContain('rate: renamed rate → rate_brands');
  });

  it('suggests the language the file’s labels are written in when another one was given', async () => {
    await studyWith2025();
    await writeGeneratedSav(path.join(folder, 'de26.sav'), wave2026);
    const args = ['mapping', 'study.cew', 'de26.sav', '--country', 'DE', '--wave', '2026'];
    const asEnglish = JSON.parse(
      cli([...args, '--language', 'en', '--json'], folder).stdout,
    ) as MappingProposal;
    expect(asEnglish.suggestedLanguage).toBe('de');
    const asGerman = JSON.parse(
      cli([...args, '--language', 'de', '--json'], folder).stdout,
    ) as MappingProposal;
    expect(asGerman.suggestedLanguage).toBeNull();
  });

  it('imports a wave the proposal decides on its own, with the answers on the study codes', async () => {
    await studyWith2025();
    await writeGeneratedSav(path.join(folder, 'de26.sav'), wave2026);
    const imported = cli(
      ['import', 'study.cew', 'de26.sav', '--country', 'DE', '--wave', '2026', '--language', 'de'],
      folder,
    );
    expect(imported.code).toBe(0);
    const exported = cli(
      [
        'export-data',
        'study.cew',
        '--format',
        'csv',
        '--out',
        'out.csv',
        '--variables',
        'wave,rate,motive,nps',
      ],
      folder,
    );
    expect(exported.code).toBe(0);
    const lines = readFileSync(path.join(folder, 'out.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    // Codes as the study holds them: wave 2 is 2026; Angebote 2, Unterhaltung 5 (new),
    // Informationen 1, Hilfe 3.
    expect(lines.slice(-4)).toEqual(['2,5,2,9', '2,4,5,10', '2,3,1,7', '2,2,3,8']);
  });

  it('stops on a variable it cannot place, names it, and writes nothing', async () => {
    await studyWith2025();
    await writeGeneratedSav(path.join(folder, 'odd.sav'), ambiguous2026);
    const before = respondents();
    const result = cli(
      ['import', 'study.cew', 'odd.sav', '--country', 'DE', '--wave', '2026', '--language', 'de'],
      folder,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /odd\.sav: the mapping onto the study's codebook needs a decision: zufriedenheit could be sat_store or sat_stores/,
    );
    expect(respondents()).toBe(before);
  });

  it('imports with a reviewed mapping file, and refuses one that names no study variable', async () => {
    await studyWith2025();
    await writeGeneratedSav(path.join(folder, 'odd.sav'), ambiguous2026);
    const base = ['import', 'study.cew', 'odd.sav', '--country', 'DE', '--wave', '2026'];
    writeFileSync(
      path.join(folder, 'wrong.json'),
      JSON.stringify({
        variables: [{ source: 'zufriedenheit', target: 'nosuch' }],
        new: ['resp_id'],
      }),
    );
    const refused = cli([...base, '--mapping', 'wrong.json'], folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /odd\.sav: the mapping maps zufriedenheit to nosuch, which is not a study variable/,
    );

    writeFileSync(
      path.join(folder, 'reviewed.json'),
      JSON.stringify({
        variables: [
          { source: 'resp_id', target: 'resp_id' },
          { source: 'zufriedenheit', target: 'sat_store' },
        ],
        new: [],
      }),
    );
    const before = respondents();
    const imported = cli([...base, '--mapping', 'reviewed.json', '--json'], folder);
    expect(imported.stderr).toBe('');
    expect(imported.code).toBe(0);
    expect(respondents()).toBe(before + 2);
  });
});
