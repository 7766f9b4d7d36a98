/**
 * The label language (issue #8) through the session and worker the app runs: a small demo study
 * (codebook in en/de/it/fr/ko) plus a German source with a variable labelled only in German.
 * Expected labels come from the master questionnaire and the country table, never from output
 * this code produced before; the exported .sav is read back with the app's reader and with PSPP.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { questionnaireVariable } from '../../../src/main/demo/questionnaire';
import { readDataset } from '../../../src/main/import/readers';
import { StudySession } from '../../../src/main/session/studySession';
import { COUNTRY_NAMES } from '../../../src/shared/domain/countries';
import type { EventMap, EventName } from '../../../src/shared/api/events';
import type { VariableSummary } from '../../../src/shared/domain/study';
import { buildMultilingualStudy, SERVICE, writeServiceFile } from '../../support/multilingualStudy';
import { describeWithPspp, runPspp } from '../../support/psppOracle';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';

const gender = questionnaireVariable('gender');
const area = questionnaireVariable('area');

/** A questionnaire variable's value labels in one language, by code. */
function valueLabelsIn(variable: typeof gender, language: string): Array<[number, string]> {
  return variable.values.map((value) => [value.code, value.labels[language]!]);
}

let folder: string;
let cleanup: () => void;
let file: string;
let session: StudySession;
const events: Array<{ event: EventName; payload: EventMap[EventName] }> = [];

function newSession(): StudySession {
  return new StudySession({
    workerPath: builtWorkerPath,
    appVersion: 'test',
    emit: (event, payload) => events.push({ event, payload }),
  });
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-labels-'));
  file = await buildMultilingualStudy(folder);
  session = newSession();
  await session.openStudy(file);
}, 120_000);

afterAll(async () => {
  await session.dispose();
  cleanup();
});

function variable(variables: VariableSummary[], name: string): VariableSummary {
  const found = variables.find((v) => v.name === name);
  if (!found) throw new Error(`no variable ${name}`);
  return found;
}

describe('the study label language', () => {
  it('is English until the user picks another, among the five languages the study holds', () => {
    expect(session.current).toMatchObject({
      labelLanguage: 'en',
      languages: ['en', 'de', 'it', 'fr', 'ko'],
    });
  });

  it('is changed by study.setLabelLanguage, which tells every window the study changed', async () => {
    events.length = 0;
    const summary = await session.setLabelLanguage('ko');
    expect(summary.labelLanguage).toBe('ko');
    expect(events).toEqual([
      { event: 'study.changed', payload: { study: summary, reason: 'label language' } },
    ]);
  });

  it('describes the study in Korean: country display names and variable labels', async () => {
    await session.setLabelLanguage('ko');
    const description = await session.workerClient.call('study.describe', {});
    expect(description.language).toBe('ko');
    expect(description.countries).toEqual(
      ['DE', 'FR', 'IT', 'KR'].map((code) => ({ code, name: COUNTRY_NAMES[code]!.ko })),
    );
    expect(description.countries[0]!.name).toBe('독일');
    expect(variable(description.variables, 'gender')).toMatchObject({
      label: gender.labels.ko,
      labelLanguage: 'ko',
      labelFallback: false,
    });
  });

  it('falls back to the source language for a variable without a Korean label, and marks it', async () => {
    await session.setLabelLanguage('ko');
    const { variables } = await session.workerClient.call('study.describe', {});
    expect(variable(variables, 'service')).toMatchObject({
      label: SERVICE.label,
      labelLanguage: 'de',
      labelFallback: true,
    });
    // The system variables are labelled by the workbench in English only.
    expect(variable(variables, 'country')).toMatchObject({
      label: 'Country',
      labelLanguage: 'en',
      labelFallback: true,
    });
  });

  it('describes in another language for one call without changing the study', async () => {
    await session.setLabelLanguage('ko');
    const description = await session.workerClient.call('study.describe', { language: 'de' });
    expect(description.language).toBe('de');
    expect(description.study.labelLanguage).toBe('ko');
    expect(description.countries.find((c) => c.code === 'DE')?.name).toBe('Deutschland');
    expect(variable(description.variables, 'service')).toMatchObject({ labelFallback: false });
  });

  it('labels tables in the chosen language and marks the fallback labels with their language', async () => {
    await session.setLabelLanguage('ko');
    const table = await session.workerClient.call('tables.run', {
      spec: { rows: ['gender', 'service'], columns: [{ variables: ['country'] }] },
    });
    // Countries in the order their first source came (the demo delivers DE, IT, FR, then KR).
    expect(table.columns.slice(1).map((c) => [c.label, c.labelLanguage])).toEqual(
      ['DE', 'IT', 'FR', 'KR'].map((code) => [COUNTRY_NAMES[code]!.ko, undefined]),
    );
    const rows = (name: string) =>
      table.rows.filter((r) => r.variable === name).map((r) => [r.code, r.label, r.labelLanguage]);
    expect(rows('gender')).toEqual(
      valueLabelsIn(gender, 'ko')
        .filter(([code]) => !gender.missing?.includes(code))
        .map(([code, label]) => [code, label, undefined]),
    );
    expect(rows('service')).toEqual(
      Object.entries(SERVICE.values).map(([code, label]) => [Number(code), label, 'de']),
    );
  });

  it('names weighting groups in the chosen language in the weight report', async () => {
    await session.setLabelLanguage('it');
    // area's three codes (urban, suburban, rural), the same shares in every country
    const shares = {
      area: Object.fromEntries(area.values.map((v, i) => [v.code, i < 2 ? 40 : 20])),
    };
    const report = await session.workerClient.call('weights.rim', {
      name: 'w_area',
      by: 'country',
      targets: { DE: shares, FR: shares, IT: shares, KR: shares },
    });
    expect(report.groups.map((g) => g.group).sort()).toEqual(
      ['DE', 'FR', 'IT', 'KR'].map((code) => COUNTRY_NAMES[code]!.it).sort(),
    );
  });

  it('is kept in the study file', async () => {
    await session.setLabelLanguage('fr');
    await session.close();
    const reopened = await session.openStudy(file);
    expect(reopened.labelLanguage).toBe('fr');
  });

  it('cannot be changed in a read-only window', async () => {
    const second = newSession();
    try {
      expect((await second.openStudy(file)).readOnly).toBe(true);
      await expect(second.setLabelLanguage('de')).rejects.toThrow(/read-only/);
    } finally {
      await second.dispose();
    }
  });

  it('refuses what is not a language code', async () => {
    await expect(
      session.workerClient.call('study.setLabelLanguage', { language: 'Deutsch' }),
    ).rejects.toThrow(/a language is a 2- or 3-letter code/);
  });
});

describe('the languages a study holds', () => {
  it('include the language of a source as soon as it is imported', async () => {
    const fresh = newSession();
    try {
      const created = await fresh.create(path.join(folder, 'fresh.cew'));
      expect(created.languages).toEqual(['en']);
      const german = path.join(folder, 'fresh-service-de.sav');
      await writeServiceFile(german);
      events.length = 0;
      fresh.startJob(
        'Importing fresh-service-de.sav',
        (id) =>
          fresh.workerClient.call(
            'import.file',
            { path: german, country: 'DE', wave: '2026', language: 'de' },
            id,
          ),
        { changesStudy: true },
      );
      const changed = await new Promise<EventMap['study.changed']>((resolve, reject) => {
        const started = Date.now();
        const look = () => {
          const event = events.find((e) => e.event === 'study.changed');
          if (event) resolve(event.payload as EventMap['study.changed']);
          else if (Date.now() - started > 10_000) reject(new Error('no study.changed'));
          else setTimeout(look, 10);
        };
        look();
      });
      expect(changed.study?.languages).toEqual(['en', 'de']);
      expect(fresh.current?.languages).toEqual(['en', 'de']);
    } finally {
      await fresh.dispose();
    }
  });
});

describe('a data export after choosing French', () => {
  let exported: string;

  beforeAll(async () => {
    await session.setLabelLanguage('fr');
    exported = path.join(folder, 'export-fr.sav');
    await session.workerClient.call('export.data', {
      path: exported,
      format: 'sav',
      dropIdentifying: false,
    });
  });

  it('writes French variable and value labels, and the fallback labels as plain text', async () => {
    const dataset = await readDataset(exported);
    const byName = new Map(dataset.variables.map((v) => [v.name, v]));
    expect(byName.get('gender')?.label).toBe(gender.labels.fr);
    expect(byName.get('gender')?.valueLabels).toEqual(
      valueLabelsIn(gender, 'fr').map(([code, label]) => ({ code, label })),
    );
    expect(byName.get('country')?.valueLabels).toContainEqual({
      code: expect.any(Number),
      label: COUNTRY_NAMES.DE!.fr,
    });
    expect(byName.get('service')?.label).toBe(SERVICE.label);
  });

  it('writes another language when the export asks for one, without changing the study', async () => {
    const italian = path.join(folder, 'export-it.sav');
    await session.workerClient.call('export.data', {
      path: italian,
      format: 'sav',
      dropIdentifying: false,
      variables: ['gender'],
      language: 'it',
    });
    const [only] = (await readDataset(italian)).variables;
    expect(only?.valueLabels.map((vl) => vl.label)).toEqual(
      valueLabelsIn(gender, 'it').map(([, label]) => label),
    );
    expect(session.current?.labelLanguage).toBe('fr');
  });

  describeWithPspp('read by GNU PSPP', () => {
    it('shows the French value labels', async () => {
      const output = await runPspp(
        `GET FILE='${exported.replace(/'/g, "''")}'.\nDISPLAY DICTIONARY /VARIABLES=gender.\n`,
      );
      const table = output.tables.find((t) => t.title === 'Value Labels');
      const labels = (table?.rows.slice(1) ?? []).map((row) => row[2]);
      for (const [, label] of valueLabelsIn(gender, 'fr')) expect(labels).toContain(label);
    });
  });
});
