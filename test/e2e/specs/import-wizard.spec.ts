import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithFixtures, fixture } from '../../support/fixtures';
import { SourcesPage } from '../pages/sources-page';
import { TablesPage } from '../pages/tables-page';
import { screenshot } from '../support/webApp';
import { openNewStudy, type StudySession } from '../support/studySession';

/** A Korean wave as an agency would send it: CP949 bytes, region names as text. */
function koreanCsv(file: string): void {
  const lines = ['id,region,score'];
  const regions = ['서울', '부산', '대구'];
  for (let i = 1; i <= 30; i++) lines.push(`${i},${regions[i % 3]},${(i % 5) + 1}`);
  writeFileSync(file, iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp949'));
}

/** An Italian wave in Excel with a codebook sheet supplying the labels. */
async function italianXlsx(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet('dati');
  data.addRow(['id', 'soddisfazione']);
  for (let i = 1; i <= 20; i++) data.addRow([i, (i % 3) + 1]);
  const codebook = workbook.addWorksheet('codebook');
  codebook.addRow(['variable', 'label', 'code', 'value_label']);
  codebook.addRow(['soddisfazione', 'Soddisfazione complessiva', null, null]);
  codebook.addRow(['soddisfazione', null, 1, 'Bassa']);
  codebook.addRow(['soddisfazione', null, 2, 'Media']);
  codebook.addRow(['soddisfazione', null, 3, 'Alta']);
  await workbook.xlsx.writeFile(file);
}

describeWithFixtures(
  'a consultant imports three countries’ files through the wizard (browser mode)',
  () => {
    let session: StudySession;
    let page: Page;

    beforeAll(async () => {
      session = await openNewStudy(
        'Three countries',
        async (studies) => {
          copyFileSync(fixture('pspp/examples/hotel.sav'), path.join(studies, 'hotel_DE_2026.sav'));
          koreanCsv(path.join(studies, 'energy_KR_2026.csv'));
          await italianXlsx(path.join(studies, 'energia_Italia_2026.xlsx'));
        },
        { width: 1280, height: 1400 },
      );
      ({ page } = session);
      await new SourcesPage(page).open();
    });

    afterAll(async () => {
      expect(await session?.close()).toEqual([]);
    });

    it('reads each file, guesses country and wave from its name, and shows labels in the preview', async () => {
      const sources = new SourcesPage(page);
      await sources.addFile('hotel_DE_2026.sav');
      await sources.addFile('energy_KR_2026.csv');
      await sources.addFile('energia_Italia_2026.xlsx');
      const korean = sources.fileCard('energy_KR_2026.csv');
      await expect(korean.getByLabel('Country code').inputValue()).resolves.toBe('KR');
      await expect(korean.getByLabel('Wave').inputValue()).resolves.toBe('2026');
      await expect(korean.getByLabel('File preview').textContent()).resolves.toMatch(/CSV, cp949/i);
      await korean.getByRole('cell', { name: /서울/ }).first().waitFor();
      const italian = sources.fileCard('energia_Italia_2026.xlsx');
      await expect(italian.getByLabel('Country code').inputValue()).resolves.toBe('IT');
      await italian.getByRole('cell', { name: '3 Alta' }).first().waitFor();
      await expect(
        sources.fileCard('hotel_DE_2026.sav').getByLabel('Country code').inputValue(),
      ).resolves.toBe('DE');
      await screenshot(page, '20-wizard-three-files');
    });

    it('imports all three and lists them as sources', async () => {
      const sources = new SourcesPage(page);
      await sources.importForm.getByRole('button', { name: 'Import 3 files' }).click();
      await sources.table.getByRole('row', { name: /energia_Italia_2026\.xlsx/ }).waitFor();
      const rows = await sources.table.getByRole('row').allTextContents();
      expect(rows.slice(1).map((row) => row.slice(0, 60))).toEqual([
        expect.stringMatching(/^hotel_DE_2026\.savGermany DE2026customer17/),
        expect.stringMatching(/^energy_KR_2026\.csvSouth Korea KR2026customer30/),
        expect.stringMatching(/^energia_Italia_2026\.xlsxItaly IT2026customer20/),
      ]);
      await screenshot(page, '21-wizard-imported');
    });

    it('tabulates the Korean labels in the Tables view', async () => {
      await page
        .getByRole('navigation', { name: 'Study views' })
        .getByRole('button', { name: 'Tables' })
        .click();
      await new TablesPage(page).addToRows('region');
      const table = page.getByRole('table', { name: 'Cross-table' });
      await table.getByRole('rowheader', { name: /서울/ }).waitFor();
      await screenshot(page, '22-tables-korean');
    });
  },
);
