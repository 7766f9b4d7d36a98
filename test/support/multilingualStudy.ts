/**
 * A small multilingual study on disk for the label-language tests: the demo study (its codebook
 * in en/de/it/fr/ko; sources from Germany, Italy, France and Korea) plus one German source that
 * brings a variable the questionnaire does not have, `service`, labelled in German only — the
 * variable every language but German has to fall back for. Built with the app's own demo
 * generator, .sav writer and import, so the e2e specs can use it too.
 */
import path from 'node:path';
import { populateDemoStudy } from '../../src/main/demo/demoStudy';
import { datasetToSavFile } from '../../src/main/export/savExport';
import { writeSav } from '../../src/main/export/sav/savWriter';
import { importFile } from '../../src/main/import/importFile';
import { closeStudyFile, createStudyFile } from '../../src/main/study/studyFile';

export const SERVICE = {
  label: 'Zufriedenheit mit dem Service',
  values: { 1: 'Zufrieden', 2: 'Unzufrieden' } as Readonly<Record<1 | 2, string>>,
};

/** A German agency file with the one variable `service` (40 respondents, every fourth 2). */
export async function writeServiceFile(file: string): Promise<void> {
  const values = Float64Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 2 : 1));
  await writeSav(
    file,
    datasetToSavFile({
      format: 'sav',
      encoding: 'utf-8',
      cases: values.length,
      variables: [
        {
          name: 'service',
          label: SERVICE.label,
          type: 'single',
          valueLabels: [
            { code: 1, label: SERVICE.values[1] },
            { code: 2, label: SERVICE.values[2] },
          ],
          missing: [],
          formatAttributes: {},
          isSystem: false,
        },
      ],
      columns: [{ kind: 'numeric', values }],
      multiResponseSets: [],
      warnings: [],
      fileAttributes: {},
    }),
  );
}

/** Builds `<folder>/<name>.cew` (closed again) and returns its path. */
export async function buildMultilingualStudy(
  folder: string,
  name = 'multilingual',
): Promise<string> {
  const study = createStudyFile(path.join(folder, `${name}.cew`), name, 'test');
  const signal = new AbortController().signal;
  try {
    const db = study.writable!;
    await populateDemoStudy(db, path.join(folder, `${name}-sources`), signal, () => undefined, {
      customersPerSource: 50,
      executivesPerSource: 10,
    });
    const service = path.join(folder, `${name}-service-de.sav`);
    await writeServiceFile(service);
    await importFile(
      db,
      service,
      {
        country: 'DE',
        wave: '2026',
        respondentType: 'customer',
        language: 'de',
        mapping: { variables: [], new: ['service'] },
      },
      signal,
      () => undefined,
    );
    return study.path;
  } finally {
    closeStudyFile(study);
  }
}
