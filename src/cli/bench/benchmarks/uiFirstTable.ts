/**
 * ui-first-table: in Chromium against browser mode, the time from choosing a 50-stub × 20-column
 * table in the Tables view (opening it from the saved tables) until its numbers are on screen,
 * and until its frame (labels, no numbers) is. The study is the generated benchmark survey
 * (CEW_BENCH_RESPONDENTS respondents, 100,000 by default: a large multi-country study) imported
 * into a fresh study. Two tables of different variables alternate, so each choice runs a table;
 * the first choice is reported on its own (columns not yet loaded in the worker). Reported, not
 * gated: targets are for ../shared/PERFORMANCE.md to set.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Playwright from 'playwright-core';
import { createAppHost } from '../../../main/appHost';
import { importFile } from '../../../main/import/importFile';
import { closeStudyFile, createStudyFile } from '../../../main/study/studyFile';
import type { TableSpec } from '../../../shared/domain/table';
import { startWebServer } from '../../../web/webServer';
import { peakRssMb, type BenchResult } from '../benchTiming';
import { benchmarkSav, generateSurvey } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 100_000);
const CHROMIUM = process.env.CEW_CHROMIUM ?? '/usr/bin/chromium';
const STUBS = 50;
const COLUMNS = 20;
const RUNS = 6;

/** Variables (in order, from `from`) whose category counts add up to exactly `total`. */
function variablesSumming(sizes: number[], from: number, total: number): number[] {
  const chosen: number[] = [];
  let left = total;
  for (let v = from; v < sizes.length && left > 0; v++) {
    const size = sizes[v]!;
    // Take it if what is left can still be made up (the smallest variable has 2 categories).
    if (size <= left && (left - size === 0 || left - size >= 2)) {
      chosen.push(v);
      left -= size;
    }
  }
  if (left !== 0) throw new Error(`ui-first-table: no variables add up to ${total} categories`);
  return chosen;
}

function tableSpecs(): TableSpec[] {
  const survey = generateSurvey(1);
  const names = survey.dictionary.variables.map((v) => v.name);
  const sizes = survey.dictionary.variables.map((v) => v.valueLabels.length);
  return [0, 100].map((from) => {
    const banner = variablesSumming(sizes, from, COLUMNS);
    const stubs = variablesSumming(sizes, from + 40, STUBS);
    return {
      rows: stubs.map((v) => names[v]!),
      columns: banner.map((v) => ({ variables: [names[v]!] })),
      sigLevels: [0.95],
    };
  });
}

async function importStudy(folder: string): Promise<string> {
  const file = await benchmarkSav(RESPONDENTS);
  const study = path.join(folder, 'ui-first-table.cew');
  const open = createStudyFile(study, 'ui-first-table', 'bench');
  await importFile(
    open.writable!,
    file,
    { country: 'DE', wave: '2026', respondentType: 'customer' },
    new AbortController().signal,
    () => undefined,
  );
  closeStudyFile(open);
  return study;
}

async function loadPlaywright(): Promise<typeof Playwright> {
  const name = 'playwright-core';
  return (await import(/* @vite-ignore */ name)) as typeof Playwright;
}

/** Milliseconds in the page from the choice to the frame and to the numbers. */
interface Timing {
  frame: number;
  numbers: number;
}

/**
 * Runs in the page (kept as text: this bundle is compiled without the DOM's types). Chooses a
 * saved table in the "Open a saved table" select and watches the DOM with the page's own clock:
 * the frame is there when the body has the stub rows, the numbers when aria-busy turns false.
 */
const CHOOSE_AND_TIME = `({ name, stubRows }) => new Promise((resolve, reject) => {
  const open = [...document.querySelectorAll('select')].find((s) =>
    [...s.options].some((o) => o.value === name));
  if (!open) return reject(new Error('no saved table ' + name + ' to open'));
  let frame = -1;
  const start = performance.now();
  const check = () => {
    const scroll = document.querySelector('.table-scroll');
    const rows = document.querySelectorAll('.cross-table tbody tr').length;
    if (!scroll || rows < stubRows) return false;
    if (frame < 0) frame = performance.now() - start;
    if (scroll.getAttribute('aria-busy') !== 'false') return false;
    resolve({ frame, numbers: performance.now() - start });
    return true;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  open.value = name;
  open.dispatchEvent(new Event('change', { bubbles: true }));
  setTimeout(() => { observer.disconnect(); reject(new Error('no table within 120 s')); }, 120000);
})`;

function chooseAndTime(page: Playwright.Page, name: string, stubRows: number): Promise<Timing> {
  return page.evaluate(
    `(${CHOOSE_AND_TIME})(${JSON.stringify({ name, stubRows })})`,
  ) as Promise<Timing>;
}

function summary(name: string, samples: number[]): BenchResult {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    name,
    n: samples.length,
    median_ms: round(median),
    min_ms: round(sorted[0]!),
    max_ms: round(sorted[sorted.length - 1]!),
    peak_rss_mb: peakRssMb(),
  };
}

export async function uiFirstTable(report: (result: BenchResult) => void): Promise<void> {
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-ui-'));
  const host = createAppHost({ mode: 'browser', settingsFolder: folder });
  let browser: Playwright.Browser | null = null;
  let server: Awaited<ReturnType<typeof startWebServer>> | null = null;
  try {
    const study = await importStudy(folder);
    const opened = await host.dispatch('study.open', { path: study });
    if (!opened.ok) throw new Error(opened.error.message);
    const specs = tableSpecs();
    const names = specs.map((_, i) => `bench ${i + 1}`);
    for (const [i, spec] of specs.entries()) {
      const saved = await host.dispatch('tables.save', { name: names[i]!, tables: [spec] });
      if (!saved.ok) throw new Error(saved.error.message);
    }
    server = await startWebServer({ host, rendererDir: path.join(__dirname, '..', 'renderer') });
    const { chromium } = await loadPlaywright();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.url);
    await page
      .getByRole('navigation', { name: 'Study views' })
      .getByRole('button', { name: 'Tables' })
      .click();
    await page.getByRole('option', { name: names[1]! }).waitFor({ state: 'attached' });

    const first = await chooseAndTime(page, names[0]!, STUBS);
    report(summary('ui-first-table/first', [first.numbers]));
    report(summary('ui-first-table/first-frame', [first.frame]));
    const numbers: number[] = [];
    const frames: number[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const timing = await chooseAndTime(page, names[run % 2]!, STUBS);
      numbers.push(timing.numbers);
      frames.push(timing.frame);
    }
    report(summary('ui-first-table', numbers));
    report(summary('ui-first-table/frame', frames));
  } finally {
    await browser?.close();
    await server?.close();
    await host.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}
