/**
 * The demo report "Customer energy in Europe" end to end, on a small demo study: rendered by the
 * study worker, exported as pptx, xlsx and pdf by the `reports.export` job (as the app runs it)
 * and by `cew export`, each file opened and checked against the tables the study gives for the
 * same saved charts and tables; LibreOffice opens the deck and the book.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REPORT } from '../../../src/main/demo/demoReport';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { printDocuments } from '../../../src/main/report/exportReport';
import {
  browserPrinter,
  browserCandidates,
  findBrowser,
} from '../../../src/main/report/pagePrinter';
import { StudySession } from '../../../src/main/session/studySession';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { EventMap } from '../../../src/shared/api/events';
import type { ReportExportSummary } from '../../../src/shared/api/reports';
import { chartSeries } from '../../../src/shared/domain/chart';
import type { RenderedReport } from '../../../src/shared/domain/report';
import { reportFootnote } from '../../../src/shared/domain/reportFootnote';
import { formatNumber, formatWithLetters } from '../../../src/shared/domain/tableFormat';
import { itWithLibreOffice, libreOfficeConvert } from '../../support/libreOffice';
import { builtWorkerPath, tempFolder } from '../../support/studyDb';
import { cli, createStudy, writableDb } from '../import/studyHelpers';
import { FinishedJobs } from '../../support/finishedJobs';

let folder: string;
let cleanup: () => void;
let study: string;
let session: StudySession;
let rendered: RenderedReport;
const finished = new FinishedJobs();
let onProgress: (job: EventMap['job.progress']) => void = () => undefined;

function jobResult(jobId: string): Promise<EventMap['job.finished']> {
  return finished.wait(jobId);
}

async function exportJob(
  input: Parameters<StudySession['workerClient']['call']>[1] & object,
): Promise<EventMap['job.finished']> {
  const jobId = session.startJob('report', (id) =>
    session.workerClient.call('reports.export', input as never, id),
  );
  return jobResult(jobId);
}

async function exported(format: 'pptx' | 'xlsx' | 'pdf'): Promise<string> {
  const file = path.join(folder, `demo.${format}`);
  if (existsSync(file)) return file;
  const done = await exportJob({ name: DEMO_REPORT, format, path: file });
  expect(done.status, JSON.stringify(done)).toBe('done');
  expect((done.result as ReportExportSummary).files).toEqual([file]);
  return file;
}

/** The text of every table cell on a slide. */
async function slideTableCells(zip: JSZip, slide: number): Promise<string[]> {
  const xml = await zip.file(`ppt/slides/slide${slide}.xml`)!.async('string');
  expect(xml).toContain('<a:tbl>');
  return [...xml.matchAll(/<a:tc[^>]*>[\s\S]*?<\/a:tc>/g)].map((m) =>
    [...m[0].matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(''),
  );
}

/** A PNG of one colour, written by hand (zlib for the pixels, CRC-32 per chunk). */
function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(width).fill(rgb).flat())]);
  const pixels = deflateSync(Buffer.concat(Array(height).fill(row)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The number of pages of a PDF, from its page objects. */
function pdfPages(file: string): number {
  const text = readFileSync(file).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

function libreOfficeToPdf(file: string): string {
  const pdf = libreOfficeConvert(file, 'pdf', path.join(folder, 'lo'));
  expect(existsSync(pdf)).toBe(true);
  return pdf;
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-report-'));
  const opened = createStudy(folder, 'demo');
  await populateDemoStudy(
    writableDb(opened),
    path.join(folder, 'sources'),
    new AbortController().signal,
    () => undefined,
    { customersPerSource: 60, executivesPerSource: 10 },
  );
  closeStudyFile(opened);
  study = opened.path;
  session = new StudySession({
    workerPath: builtWorkerPath,
    appVersion: 'test',
    emit: (event, payload) => {
      if (event === 'job.progress') onProgress(payload as EventMap['job.progress']);
      if (event === 'job.finished') {
        finished.record(payload as EventMap['job.finished']);
      }
    },
  });
  await session.openStudy(study);
  rendered = await session.workerClient.call('reports.render', { name: DEMO_REPORT });
}, 180_000);

afterAll(async () => {
  await session?.dispose();
  cleanup();
});

describe('the demo report', () => {
  it('is saved with the demo, built only of saved charts and tables, seven pages', async () => {
    const [saved] = await session.workerClient.call('reports.saved', {});
    expect(saved?.name).toBe(DEMO_REPORT);
    const items = saved!.report.pages.flatMap((page) => page.items);
    expect(items.every((item) => item.kind !== 'chart' || typeof item.chart === 'string')).toBe(
      true,
    );
    expect(items.every((item) => item.kind !== 'table' || typeof item.table === 'string')).toBe(
      true,
    );
    expect(rendered.pages.map((page) => page.title)).toEqual([
      'Customer energy by country',
      'Customer energy by industry',
      'Change between waves',
      'What creators and contributors do',
      'Positive and negative energy',
      "Executives' view of customer energy",
      'Fatigue with feedback requests',
    ]);
    expect(rendered.pages.flatMap((p) => p.items).filter((i) => i.kind === 'problem')).toEqual([]);
  });

  it('draws each chart from the same table the study gives, with the footnote from the one formatter', async () => {
    const [chart] = rendered.pages[0]!.items;
    if (chart?.kind !== 'chart') throw new Error('page 1 holds a chart');
    const table = await session.workerClient.call('tables.run', { spec: chart.spec.table });
    expect(chart.data).toEqual(chartSeries(table, chart.spec));
    expect(chart.data.categories).toEqual(['Germany', 'Italy', 'France', 'South Korea']);
    expect(chart.data.series.map((s) => s.name)).toEqual(['Creators', 'Contributors', 'Viewers']);
    expect(chart.footnote).toBe(reportFootnote(chart.facts));
    const base = table.stubBases?.find((b) => b.variable === 'energy')?.bases[0] ?? table.bases[0]!;
    expect(chart.footnote).toContain(`unweighted ${formatNumber(base.n, 'base')}`);
    expect(chart.footnote).toContain('Question: energy: Customer energy.');
    expect(chart.footnote).toContain('Weight: none (unweighted).');
    expect(chart.footnote).toContain(
      'Source: waves 2025, 2026; countries Germany, Italy, France, South Korea.',
    );
  });

  it('repeats a page for each country, that country added to its tables’ filters', async () => {
    const saved = (await session.workerClient.call('reports.saved', {}))[0]!.report;
    const report = { ...saved, pages: [{ ...saved.pages[2]!, repeatEach: 'country' }] };
    const each = await session.workerClient.call('reports.render', { report });
    expect(each.pages.map((page) => page.title)).toEqual([
      'Change between waves — Germany',
      'Change between waves — Italy',
      'Change between waves — France',
      'Change between waves — South Korea',
    ]);
    const korea = each.pages[3]!.items[0]!;
    if (korea.kind !== 'chart') throw new Error('a chart');
    // South Korea joined in 2026: nothing stands in its 2025 column.
    expect(korea.data.categories).toEqual(['2025', '2026']);
    expect(korea.data.bases[0]).toBe(0);
    expect(korea.data.series.map((s) => s.values[0])).toEqual([null, null, null]);
    expect(korea.footnote).toContain('Base: country = South Korea with an answer');
    const table = await session.workerClient.call('tables.run', {
      spec: { ...korea.spec.table, filter: 'country = 4' },
    });
    expect(korea.data).toEqual(chartSeries(table, korea.spec));
  });

  it('repeats the whole report for each wave, page after page', async () => {
    const saved = (await session.workerClient.call('reports.saved', {}))[0]!.report;
    const report = { ...saved, pages: saved.pages.slice(0, 2), repeatEach: 'wave' };
    const each = await session.workerClient.call('reports.render', { report });
    expect(each.pages.map((page) => page.title)).toEqual([
      'Customer energy by country — 2025',
      'Customer energy by industry — 2025',
      'Customer energy by country — 2026',
      'Customer energy by industry — 2026',
    ]);
    const first = each.pages[0]!.items[0]!;
    if (first.kind !== 'chart') throw new Error('a chart');
    // South Korea joined in 2026: no respondents of its own in the 2025 copy.
    expect(first.facts.countries).toEqual(['Germany', 'Italy', 'France']);
    expect(first.facts.waves).toEqual(['2025']);
  });

  it('follows the label language asked for', async () => {
    const german = await session.workerClient.call('reports.render', {
      name: DEMO_REPORT,
      language: 'de',
    });
    expect(german.language).toBe('de');
    const [chart] = german.pages[0]!.items;
    if (chart?.kind !== 'chart') throw new Error('a chart');
    const table = await session.workerClient.call('tables.run', {
      spec: chart.spec.table,
      language: 'de',
    });
    expect(chart.data.categories).toEqual(chartSeries(table, chart.spec).categories);
    expect(chart.data.categories).toContain('Deutschland');
  });
});

describe('the PowerPoint deck', () => {
  let zip: JSZip;
  beforeAll(async () => {
    zip = await JSZip.loadAsync(readFileSync(await exported('pptx')));
  }, 120_000);

  it('has one slide per page', () => {
    const slides = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slides).toHaveLength(rendered.pages.length);
  });

  it('carries native charts whose series are the chart’s proportions with a percent format, with an embedded workbook', async () => {
    const [chart] = rendered.pages[0]!.items;
    if (chart?.kind !== 'chart') throw new Error('a chart');
    const xml = await zip.file('ppt/charts/chart1.xml')!.async('string');
    expect(xml).toContain('<c:grouping val="percentStacked"/>');
    expect(xml).toContain('formatCode="0%"');
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((m) => m[1]!);
    expect(series).toHaveLength(3);
    series.forEach((ser, s) => {
      const values = ser.match(/<c:val>[\s\S]*?<\/c:val>/)![0];
      const points = [...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]));
      const expected = chart.data.series[s]!.values.map((v) => (v ?? 0) / 100);
      expect(points).toHaveLength(expected.length);
      points.forEach((p, i) => expect(p).toBeCloseTo(expected[i]!, 12));
    });
    const rels = await zip.file('ppt/charts/_rels/chart1.xml.rels')!.async('string');
    const embedded = rels.match(/Target="\.\.\/embeddings\/([^"]+\.xlsx)"/)![1]!;
    expect(zip.file(`ppt/embeddings/${embedded}`)).not.toBeNull();
  });

  it('carries native tables with every number as the table formats it, letters beside it', async () => {
    const table = rendered.pages[2]!.items[1]!;
    if (table.kind !== 'table') throw new Error('page 3 holds a table');
    const cells = await slideTableCells(zip, 3);
    for (const row of table.result.rows)
      for (const cell of row.cells)
        expect(cells).toContain(
          formatWithLetters(formatNumber(cell.colPct, 'percent'), cell.sig, cell.marks),
        );
    const xml = await zip.file('ppt/slides/slide3.xml')!.async('string');
    expect(xml).toContain(rendered.pages[2]!.takeaway!);
  });

  it('keeps significance letters beside the numbers of a table given in place', async () => {
    // South Korea is only in wave 2026: its share differs between the waves for sure.
    const spec = { rows: ['country'], columns: [{ variables: ['wave'] }] };
    const saved = (await session.workerClient.call('reports.saved', {}))[0]!.report;
    await session.workerClient.call('reports.save', {
      report: {
        name: 'Letters',
        template: saved.template,
        pages: [{ id: 'p', title: 'Countries by wave', items: [{ kind: 'table', table: spec }] }],
      },
    });
    const file = path.join(folder, 'letters.pptx');
    const done = await exportJob({ name: 'Letters', format: 'pptx', path: file });
    expect(done.status, JSON.stringify(done)).toBe('done');
    const result = await session.workerClient.call('tables.run', { spec });
    const lettered = result.rows.flatMap((row) =>
      row.cells
        .filter((cell) => cell.sig !== '')
        .map((cell) =>
          formatWithLetters(formatNumber(cell.colPct, 'percent'), cell.sig, cell.marks),
        ),
    );
    expect(lettered.length).toBeGreaterThan(0);
    const cells = await slideTableCells(await JSZip.loadAsync(readFileSync(file)), 1);
    for (const text of lettered) expect(cells).toContain(text);
  });

  it('prints a footnote the user wrote instead of the automatic one, which is still drawn beside it', async () => {
    const saved = (await session.workerClient.call('reports.saved', {}))[0]!.report;
    const own = 'Source: Customer Energy survey, all four countries.';
    await session.workerClient.call('reports.save', {
      report: {
        name: 'Own footnote',
        template: saved.template,
        pages: [
          {
            id: 'p',
            title: 'Countries',
            items: [{ kind: 'table', table: { rows: ['country'], columns: [] }, footnote: own }],
          },
        ],
      },
    });
    const drawn = await session.workerClient.call('reports.render', { name: 'Own footnote' });
    const item = drawn.pages[0]!.items[0]!;
    expect(item.kind === 'table' && item.ownFootnote).toBe(own);
    expect(item.kind === 'table' && item.footnote).toContain('Question: country');
    const file = path.join(folder, 'own-footnote.pptx');
    const done = await exportJob({ name: 'Own footnote', format: 'pptx', path: file });
    expect(done.status, JSON.stringify(done)).toBe('done');
    const slide = await (
      await JSZip.loadAsync(readFileSync(file))
    )
      .file('ppt/slides/slide1.xml')!
      .async('string');
    expect(slide).toContain(own);
    expect(slide).not.toContain('Question: country');
  });

  itWithLibreOffice(
    'opens in LibreOffice Impress, which prints one page per slide',
    () => {
      const pdf = libreOfficeToPdf(path.join(folder, 'demo.pptx'));
      expect(pdfPages(pdf)).toBe(rendered.pages.length);
    },
    180_000,
  );
});

describe('the template', () => {
  it('sets the slide size, the brand colours and font, and puts the logo on every slide', async () => {
    const logo = path.join(folder, 'logo.png');
    writeFileSync(logo, solidPng(40, 20, [0x1f, 0x3a, 0x5f]));
    await session.workerClient.call('reports.save', {
      report: {
        name: 'Branded',
        template: {
          colours: {
            primary: '#8a1538',
            accent: '#00777a',
            text: '#202020',
            background: '#fafaf5',
          },
          font: 'Georgia',
          logoPath: logo,
          slideSize: 'A4',
        },
        pages: [
          {
            id: 'a',
            title: 'First',
            takeaway: 'One',
            items: [{ kind: 'chart', chart: 'Energy segments by wave' }],
          },
          { id: 'b', title: 'Second', items: [{ kind: 'text', text: 'Notes' }] },
        ],
      },
    });
    const file = path.join(folder, 'branded.pptx');
    const done = await exportJob({ name: 'Branded', format: 'pptx', path: file });
    expect(done.status, JSON.stringify(done)).toBe('done');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    // A4 landscape, 11.69 × 8.27 inches, in EMU (914,400 per inch).
    expect(presentation).toMatch(/<p:sldSz cx="1068\d{4}" cy="756\d{4}"/);
    for (const slide of [1, 2]) {
      const xml = await zip.file(`ppt/slides/slide${slide}.xml`)!.async('string');
      expect(xml).toContain('<p:pic>');
      expect(xml).toContain('8A1538');
      expect(xml).toContain('typeface="Georgia"');
    }
    expect(Object.keys(zip.files).some((name) => /^ppt\/media\/.+\.png$/.test(name))).toBe(true);
    const pdf = path.join(folder, 'branded.pdf');
    expect((await exportJob({ name: 'Branded', format: 'pdf', path: pdf })).status).toBe('done');
    expect(pdfPages(pdf)).toBe(2);
    // 11.69 × 8.27 inches in points.
    expect(readFileSync(pdf).toString('latin1')).toMatch(
      /\/MediaBox\s*\[\s*0 0 84[12](\.\d+)? 59[456](\.\d+)?\s*\]/,
    );
  }, 120_000);
});

describe('the Excel tab book of the report', () => {
  it('has a sheet per table and per chart’s table, numbers as numbers and letters', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exported('xlsx'));
    const items = rendered.pages.flatMap((p) => p.items).filter((i) => i.kind !== 'text');
    expect(book.worksheets.length).toBe(items.length + 1);
    expect(book.worksheets[0]!.name).toBe('Contents');
    const sheet = book.worksheets[1]!;
    const values: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    const [chart] = rendered.pages[0]!.items;
    if (chart?.kind !== 'chart') throw new Error('a chart');
    const germanCreators = chart.result.rows[0]!.cells[1]!;
    expect(
      values.some(
        (v) => typeof v === 'number' && Math.abs(v - germanCreators.colPct! / 100) < 1e-12,
      ),
    ).toBe(true);
    const letters = chart.result.rows.flatMap((r) => r.cells.map((c) => c.sig)).filter(Boolean);
    for (const sig of letters)
      expect(values.some((v) => typeof v === 'string' && v.startsWith(sig))).toBe(true);
    expect(values).toContain(chart.footnote);
  });

  itWithLibreOffice(
    'opens in LibreOffice Calc, which prints it to PDF',
    async () => {
      const pdf = libreOfficeToPdf(await exported('xlsx'));
      expect(pdfPages(pdf)).toBeGreaterThan(0);
    },
    180_000,
  );
});

describe('the PDF', () => {
  it('has one page per report page, at the slide size', async () => {
    const file = await exported('pdf');
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPages(file)).toBe(rendered.pages.length);
    // 16:9 at 13.333 × 7.5 in is 960 × 540 points.
    expect(readFileSync(file).toString('latin1')).toMatch(
      /\/MediaBox\s*\[\s*0 0 96\d(\.\d+)? 54\d(\.\d+)?\s*\]/,
    );
    if (spawnSync('pdftoppm', ['-v']).status === 0) {
      const png = path.join(folder, 'pdf-page');
      expect(
        spawnSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', file, png]).status,
      ).toBe(0);
    }
  }, 120_000);

  it('prints the pages the worker drew with a printer in the main process (the desktop app’s seam), one file per country', async () => {
    const out = path.join(folder, 'printed');
    const documents = await session.workerClient.call('reports.printable', {
      name: DEMO_REPORT,
      format: 'pdf',
      path: out,
      each: 'country',
    });
    const summary = await printDocuments(documents, browserPrinter(findBrowser()), {
      path: out,
      each: 'country',
      signal: new AbortController().signal,
      progress: () => undefined,
    });
    expect(summary.files.map((file) => path.basename(file))).toEqual(
      ['Germany', 'Italy', 'France', 'South Korea'].map((c) => `${DEMO_REPORT}-${c}.pdf`),
    );
    for (const file of summary.files) expect(pdfPages(file)).toBe(rendered.pages.length);
  }, 120_000);

  it('says which browsers it looked for when the one named does not exist', async () => {
    const file = path.join(folder, 'nobrowser.pdf');
    const done = await exportJob({
      name: DEMO_REPORT,
      format: 'pdf',
      path: file,
      browser: path.join(folder, 'no-such-browser'),
    });
    expect(done.status).toBe('failed');
    expect(done.error).toContain('no-such-browser: no such file');
    expect(existsSync(file)).toBe(false);
  });
});

describe('finding a browser', () => {
  it('looks for Chrome, Chromium and Edge in each platform’s usual places', () => {
    expect(browserCandidates('linux', {})).toContain('/usr/bin/chromium');
    expect(browserCandidates('darwin', {})).toContain(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(browserCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' })).toContain(
      path.join('C:\\Program Files', 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    );
  });
});

describe('failed and cancelled exports', () => {
  it('leave no file when the folder does not exist', async () => {
    const file = path.join(folder, 'missing', 'demo.pptx');
    const done = await exportJob({ name: DEMO_REPORT, format: 'pptx', path: file });
    expect(done.status).toBe('failed');
    expect(done.error).toContain('no such folder');
    expect(existsSync(path.dirname(file))).toBe(false);
  });

  it('leave nothing at the target, not even a partial file, when cancelled', async () => {
    const out = path.join(folder, 'cancelled');
    const jobId = session.startJob('report', (id) =>
      session.workerClient.call(
        'reports.export',
        { name: DEMO_REPORT, format: 'pptx', path: out, each: 'industry' },
        id,
      ),
    );
    await session.cancelJob(jobId);
    const done = await jobResult(jobId);
    expect(done.status).toBe('cancelled');
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  });

  it('remove the files already written when cancelled after the first of several', async () => {
    const out = path.join(folder, 'cancelled-later');
    let jobId = '';
    const cancelled = new Promise<void>((resolve) => {
      onProgress = (job) => {
        // The first PDF is in the folder; the second is printing (a browser each time).
        if (job.jobId === jobId && job.done >= 1) {
          onProgress = () => undefined;
          void session.cancelJob(jobId).then(() => resolve());
        }
      };
    });
    jobId = session.startJob('report', (id) =>
      session.workerClient.call(
        'reports.export',
        { name: DEMO_REPORT, format: 'pdf', path: out, each: 'industry' },
        id,
      ),
    );
    await cancelled;
    const done = await jobResult(jobId);
    expect(done.status).toBe('cancelled');
    expect(readdirSync(out)).toEqual([]);
  }, 120_000);
});

describe('cew export', () => {
  it('writes one file per country with --each country, named <report>-<country>.pptx', () => {
    const out = path.join(folder, 'each');
    const run = cli(
      [
        'export',
        study,
        '--report',
        DEMO_REPORT,
        '--format',
        'pptx',
        '--out',
        out,
        '--each',
        'country',
        '--json',
      ],
      folder,
    );
    expect(run.code, run.stderr).toBe(0);
    const names = ['Germany', 'Italy', 'France', 'South Korea'].map(
      (country) => `${DEMO_REPORT}-${country}.pptx`,
    );
    expect(readdirSync(out).sort()).toEqual([...names].sort());
    expect((JSON.parse(run.stdout) as ReportExportSummary).files).toEqual(
      names.map((name) => path.join(out, name)),
    );
  });

  it('exports the demo report in all three formats, in German with --lang de', async () => {
    for (const format of ['pptx', 'xlsx', 'pdf'] as const) {
      const out = path.join(folder, `cli-de.${format}`);
      const run = cli(
        [
          'export',
          study,
          '--report',
          DEMO_REPORT,
          '--format',
          format,
          '--out',
          out,
          '--lang',
          'de',
        ],
        folder,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`Wrote ${out} (7 pages)`);
    }
    const zip = await JSZip.loadAsync(readFileSync(path.join(folder, 'cli-de.pptx')));
    expect(await zip.file('ppt/charts/chart1.xml')!.async('string')).toContain('Deutschland');
  }, 180_000);

  it('lists the saved reports and shows one drawn on the data', () => {
    const list = cli(['report', study, '--list'], folder);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(`${DEMO_REPORT}  (7 pages, saved `);
    const show = cli(['report', study, '--show', DEMO_REPORT, '--json'], folder);
    expect(show.code, show.stderr).toBe(0);
    const shown = JSON.parse(show.stdout) as RenderedReport;
    expect(shown.pages.map((page) => page.title)).toEqual(rendered.pages.map((page) => page.title));
    expect(shown.pages[0]!.items.map((item) => item.kind === 'chart' && item.footnote)).toEqual(
      rendered.pages[0]!.items.map((item) => item.kind === 'chart' && item.footnote),
    );
  });

  it('names the report it cannot find', () => {
    const run = cli(
      [
        'export',
        study,
        '--report',
        'Nope',
        '--format',
        'pptx',
        '--out',
        path.join(folder, 'x.pptx'),
      ],
      folder,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('no saved report named Nope');
    expect(existsSync(path.join(folder, 'x.pptx'))).toBe(false);
  });
});
