/**
 * ui-grid-scroll: the Data view of a generated 1,000,000-respondent × 200-variable study, served
 * by browser mode and scrolled in Chromium (playwright-core) with mouse-wheel events for a few
 * seconds, with a jump to a far row now and then as a scrollbar drag does. Frame times are taken
 * in the page with requestAnimationFrame; the result is the usual timing fields over frames plus
 * `frames_over_50ms`, how far the rows went and the page's JS heap. A report, not a gate.
 *
 * CEW_BENCH_RESPONDENTS sets the study's size, CEW_BENCH_GRID_SECONDS the scrolling time (8),
 * CEW_BENCH_GRID_JUMP_EVERY the wheel events between jumps (25; a huge number: wheel only),
 * CEW_CHROMIUM the browser (/usr/bin/chromium). The study is imported once and cached beside the
 * generated survey in the OS temp folder.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type * as Playwright from 'playwright-core';
import { createAppHost } from '../../../main/appHost';
import { importFile } from '../../../main/import/importFile';
import { closeStudyFile, createStudyFile } from '../../../main/study/studyFile';
import { startWebServer } from '../../../web/webServer';
import { peakRssMb, type BenchResult } from '../benchTiming';
import { benchCacheFolder, benchmarkSav, seededRandom } from '../surveyGenerator';

const RESPONDENTS = Number(process.env.CEW_BENCH_RESPONDENTS ?? 1_000_000);
const SECONDS = Number(process.env.CEW_BENCH_GRID_SECONDS ?? 8);
const CHROMIUM = process.env.CEW_CHROMIUM ?? '/usr/bin/chromium';
const WHEEL_DELTA = 1200;
/** Every this many wheel events, a jump to a random row (a scrollbar drag). */
const JUMP_EVERY = Number(process.env.CEW_BENCH_GRID_JUMP_EVERY ?? 25);

/** The benchmark survey imported into a study, cached like the survey itself. */
async function benchmarkStudy(): Promise<string> {
  const sav = await benchmarkSav(RESPONDENTS);
  const file = path.join(benchCacheFolder(), `${path.basename(sav, '.sav')}-grid.cew`);
  if (existsSync(file)) return file;
  process.stderr.write(`bench: importing ${sav} into ${file} (once)\n`);
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  const study = createStudyFile(partial, 'grid bench', 'bench');
  try {
    await importFile(
      study.writable!,
      sav,
      { country: 'DE', wave: '2026', respondentType: 'customer' },
      new AbortController().signal,
      () => undefined,
    );
  } finally {
    closeStudyFile(study);
  }
  renameSync(partial, file);
  return file;
}

/** playwright-core is a development dependency: named at run time, not bundled. */
async function loadPlaywright(): Promise<typeof Playwright> {
  const name = 'playwright-core';
  return (await import(/* @vite-ignore */ name)) as typeof Playwright;
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

// Run in the page (the Node project has no DOM types, so these are page scripts as text).
/** True once the first row's respondent has arrived. */
const NO_ROW_LOADING = `!document.querySelector('[role="grid"] [role="rowheader"]')?.textContent?.includes('…')`;
/** Records the time between animation frames until stopped. */
const START_FRAME_CLOCK = `(() => {
  const state = { frames: [], recording: true };
  window.__gridBench = state;
  let last = performance.now();
  const tick = (now) => {
    state.frames.push(now - last);
    last = now;
    if (state.recording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;
/** Stops the clock and returns the frame times (the first, from the start, is dropped). */
const STOP_FRAME_CLOCK = `(() => {
  window.__gridBench.recording = false;
  return window.__gridBench.frames.slice(1);
})()`;

export async function gridScroll(report: (result: BenchResult) => void): Promise<void> {
  const study = await benchmarkStudy();
  const folder = mkdtempSync(path.join(tmpdir(), 'cew-bench-grid-'));
  const host = createAppHost({ mode: 'browser', settingsFolder: folder });
  const { chromium } = await loadPlaywright();
  try {
    await host.session.openStudy(study);
    const server = await startWebServer({
      host,
      rendererDir: path.join(__dirname, '..', 'renderer'),
    });
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.setDefaultTimeout(120_000);
      await page.goto(server.url);
      await page
        .getByRole('navigation', { name: 'Study views' })
        .getByRole('button', { name: 'Data', exact: true })
        .click();
      const grid = page.getByRole('grid', { name: 'Respondents' });
      // The first rows are in: the grid is ready to scroll.
      await grid.getByRole('gridcell').first().waitFor();
      await page.waitForFunction(NO_ROW_LOADING);
      await grid.hover();

      await page.evaluate(START_FRAME_CLOCK);
      const random = seededRandom(20261127);
      const until = Date.now() + SECONDS * 1000;
      let furthest = 0;
      for (let event = 1; Date.now() < until; event++) {
        if (event % JUMP_EVERY === 0) {
          const fraction = random();
          await grid.evaluate((element, at) => {
            element.scrollTop = at * element.scrollHeight;
          }, fraction);
        } else {
          await page.mouse.wheel(0, WHEEL_DELTA);
        }
        await page.waitForTimeout(16);
        const row = await grid.evaluate((element) => Math.round(element.scrollTop / 26));
        furthest = Math.max(furthest, row);
      }
      const frames = (await page.evaluate(STOP_FRAME_CLOCK)) as number[];
      // Chromium's JS heap in the page: the renderer holds pages of rows, never all of them.
      const heapBytes = (await page.evaluate(
        'performance.memory ? performance.memory.usedJSHeapSize : 0',
      )) as number;
      frames.sort((a, b) => a - b);
      const result: BenchResult & Record<string, number | string> = {
        name: 'ui-grid-scroll',
        n: frames.length,
        median_ms: round(median(frames)),
        min_ms: round(frames[0] ?? 0),
        max_ms: round(frames[frames.length - 1] ?? 0),
        peak_rss_mb: peakRssMb(),
        frames_over_50ms: frames.filter((ms) => ms > 50).length,
        respondents: RESPONDENTS,
        seconds: SECONDS,
        furthest_row: furthest,
        renderer_heap_mb: Math.round((heapBytes / 1024 / 1024) * 10) / 10,
      };
      report(result);
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await host.dispose();
    rmSync(folder, { recursive: true, force: true });
  }
}
