import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { tempFolder } from '../../support/studyDb';
import { createStudy, exportFrom, importInto, parseCsv } from '../import/studyHelpers';

describeWithFixtures('dates in CSV and Excel exports', () => {
  let folder: string;
  let cleanup: () => void;
  beforeEach(() => ({ folder, cleanup } = tempFolder()));
  afterEach(() => cleanup());

  // pspp-convert prints personnel.sav's first two birth dates as 01/02/2001 and 11/22/2001.
  it('writes SPSS dates as ISO dates in CSV, not as seconds since 1582', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/personnel.sav'));
    const out = path.join(folder, 'out.csv');
    await exportFrom(study, out, { format: 'csv', variables: ['firstname', 'dob'] });
    closeStudyFile(study);
    const rows = parseCsv(readFileSync(out, 'utf8').replace(/^\ufeff/, ''));
    expect(rows.slice(0, 3)).toEqual([
      ['firstname', 'dob'],
      ['Ahmed', '2001-01-02'],
      ['Alfred', '2001-11-22'],
    ]);
  });

  it('writes SPSS dates as Excel dates in .xlsx', async () => {
    const study = createStudy(folder);
    await importInto(study, fixture('pspp/examples/personnel.sav'));
    const out = path.join(folder, 'out.xlsx');
    await exportFrom(study, out, { format: 'xlsx', variables: ['dob'] });
    closeStudyFile(study);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const cell = workbook.getWorksheet('data')!.getCell('A2').value;
    expect(cell).toBeInstanceOf(Date);
    expect((cell as Date).toISOString().slice(0, 10)).toBe('2001-01-02');
  });
});
