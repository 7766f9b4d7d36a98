/**
 * The label language on the command line (the built out/main/cli.js): `table`, `describe` and
 * `export-data` use the study's label language, and `--language L` overrides it for one run.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireVariable } from '../../../src/main/demo/questionnaire';
import { readDataset } from '../../../src/main/import/readers';
import { writeLabelLanguage } from '../../../src/main/study/labelLanguage';
import { closeStudyFile, openStudyFile } from '../../../src/main/study/studyFile';
import { COUNTRY_NAMES } from '../../../src/shared/domain/countries';
import { buildMultilingualStudy, SERVICE } from '../../support/multilingualStudy';
import { tempFolder } from '../../support/studyDb';
import { cli, writableDb } from '../import/studyHelpers';

let folder: string;
let cleanup: () => void;
let study: string;

/** Sets the study's label language as the app's select does, with the file closed again. */
function setLabelLanguage(language: string): void {
  const open = openStudyFile(study);
  try {
    writeLabelLanguage(writableDb(open), language);
  } finally {
    closeStudyFile(open);
  }
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-cli-labels-'));
  study = await buildMultilingualStudy(folder);
}, 120_000);

afterAll(() => cleanup());

describe('the label language on the command line', () => {
  it('prints a table in the language --language names', () => {
    setLabelLanguage('en');
    const { code, stdout, stderr } = cli(
      ['table', study, '--rows', 'country', '--cols', 'wave', '--language', 'de'],
      folder,
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('country: Deutschland');
    expect(stdout).not.toContain('Germany');
  });

  it("prints a table in the study's label language without --language", () => {
    setLabelLanguage('it');
    const { code, stdout } = cli(['table', study, '--rows', 'country', '--cols', 'wave'], folder);
    expect(code).toBe(0);
    expect(stdout).toContain(`country: ${COUNTRY_NAMES.DE!.it}`);
  });

  it('prints a fallback label with its language, since a terminal has no italics', () => {
    const { code, stdout } = cli(
      ['table', study, '--rows', 'service', '--cols', 'country', '--language', 'ko'],
      folder,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`service: ${SERVICE.values[1]} [de]`);
    expect(stdout).toContain(COUNTRY_NAMES.KR!.ko);
  });

  it("describes the study with country names in the chosen language, leaving the study's own as it was", () => {
    setLabelLanguage('en');
    const text = cli(['describe', study, '--language', 'ko'], folder);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('labels in ko');
    expect(text.stdout).toContain(`${COUNTRY_NAMES.DE!.ko} (DE)`);
    const json = JSON.parse(cli(['describe', study, '--json', '--language', 'ko'], folder).stdout);
    expect(json.language).toBe('ko');
    expect(json.study.labelLanguage).toBe('en');
    expect(json.variables.find((v: { name: string }) => v.name === 'service')).toMatchObject({
      labelLanguage: 'de',
      labelFallback: true,
    });
  });

  it("exports labels in the study's label language, or in the one --language names", async () => {
    setLabelLanguage('fr');
    const out = path.join(folder, 'cli-fr.sav');
    const { code } = cli(
      ['export-data', study, '--format', 'sav', '--out', out, '--variables', 'gender'],
      folder,
    );
    expect(code).toBe(0);
    const [gender] = (await readDataset(out)).variables;
    expect(gender?.valueLabels.map((vl) => vl.label)).toEqual(
      questionnaireVariable('gender').values.map((value) => value.labels.fr),
    );
    // --language overrides the study's French for this export only
    const german = path.join(folder, 'cli-de.sav');
    cli(
      [
        'export-data',
        study,
        '--format',
        'sav',
        '--out',
        german,
        '--variables',
        'gender',
        '--language',
        'de',
      ],
      folder,
    );
    const [inGerman] = (await readDataset(german)).variables;
    expect(inGerman?.label).toBe(questionnaireVariable('gender').labels.de);
  });

  it('warns about a language the study holds no labels in, and still prints the table', () => {
    const { code, stdout, stderr } = cli(
      ['table', study, '--rows', 'gender', '--language', 'es'],
      folder,
    );
    expect(code).toBe(0);
    expect(stderr).toMatch(/has no labels in es \(it has en, de, it, fr, ko\)/);
    expect(stdout).toContain('gender:');
  });

  it('refuses what is not a language code, with usage exit status 2', () => {
    const { code, stdout, stderr } = cli(
      ['table', study, '--rows', 'gender', '--language', 'Deutsch'],
      folder,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/--language: a language is a 2- or 3-letter code/);
  });
});
