import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { defineSet } from '../../../src/main/worker/studySets';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { describeWithPspp, runPspp } from '../../support/psppOracle';
import { tempFolder } from '../../support/studyDb';
import { createStudy, exportFrom, importInto, writableDb } from '../import/studyHelpers';

describeWithFixtures('multiple-response sets defined by the user', () => {
  describeWithPspp('exported to SPSS', () => {
    let folder: string;
    let cleanup: () => void;
    beforeEach(() => ({ folder, cleanup } = tempFolder()));
    afterEach(() => cleanup());

    it('reaches an exported .sav as an MRSETS dichotomy set GNU PSPP reads', async () => {
      const study = createStudy(folder);
      await importInto(study, fixture('pspp/examples/hotel.sav'));
      expect(
        defineSet(writableDb(study), {
          name: '$agree',
          label: 'Agrees',
          type: 'dichotomies',
          variables: ['V1', 'v2', 'v3'],
          countedValue: 4,
        }),
      ).toEqual({ name: '$agree', variables: ['v1', 'v2', 'v3'] });
      const out = path.join(folder, 'sets.sav');
      await exportFrom(study, out, { format: 'sav', variables: ['v1', 'v2', 'v3'] });
      closeStudyFile(study);
      const pspp = await runPspp(`GET FILE='${out}'.\nMRSETS /DISPLAY NAME=ALL.\n`);
      const table = pspp.tables.find((t) => /Multiple Response Sets/i.test(t.title));
      const text = JSON.stringify(table?.rows ?? []);
      expect(text).toMatch(/\$agree/);
      expect(text).toMatch(/Agrees/);
      expect(text).toMatch(/v1[\s\S]*v2[\s\S]*v3/);
      expect(pspp.problems).toEqual([]);
    });

    it('refuses a set of one variable, an unknown variable, and a dichotomy set without its counted value', async () => {
      const study = createStudy(folder);
      await importInto(study, fixture('pspp/examples/hotel.sav'));
      const db = writableDb(study);
      expect(() => defineSet(db, { name: '$a', type: 'categories', variables: ['v1'] })).toThrow(
        /at least two/,
      );
      expect(() =>
        defineSet(db, { name: '$a', type: 'categories', variables: ['v1', 'nope'] }),
      ).toThrow(/no variable named nope/);
      expect(() =>
        defineSet(db, { name: '$a', type: 'dichotomies', variables: ['v1', 'v2'] }),
      ).toThrow(/counted value|countedValue/);
      closeStudyFile(study);
    });
  });
});
