/**
 * `reports.export`: draws a report on the study's data and writes it as pptx, xlsx (a tab book of
 * its tables and its charts' tables) or pdf — or, with `each`, one file per value of a variable
 * into a folder, named `<report>-<value>.<ext>`. Every file goes through a temporary file renamed
 * into place, and a failed or cancelled export removes the files it already wrote: it leaves
 * nothing at the target.
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ReportExportSummary, ReportFormat } from '../../shared/api/reports';
import type { RenderedReport, RepeatValue, Report } from '../../shared/domain/report';
import { printedFootnote } from '../../shared/domain/reportFootnote';
import { atomicTarget } from '../export/atomicTarget';
import { writeTabBook } from '../export/tabBook';
import { renderReport, type ReportData } from './renderReport';
import { reportHtml } from './reportHtml';
import { reportPptx } from './reportPptx';
import { browserPrinter, findBrowser, type PagePrinter } from './pagePrinter';
import { slideLayout } from '../../shared/domain/slideLayout';

export interface ReportExportOptions {
  format: ReportFormat;
  path: string;
  each?: string;
  /** The browser for PDF (--browser); found on the machine when left out. */
  browser?: string;
  /** Prints the PDF; a browser through playwright-core unless given (Electron's printToPDF). */
  printer?: PagePrinter;
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted)
    throw Object.assign(new Error('the export was cancelled'), { name: 'AbortError' });
}

/** A file name part: no path separators or characters Windows refuses. */
export function fileNamePart(text: string): string {
  const cleaned = [...text]
    .map((char) => (char.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(char) ? '-' : char))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  return cleaned === '' ? 'report' : cleaned;
}

/** The tables of a rendered report as tab-book tables: charts' tables too, with the report's footnotes. */
export function reportTabBookTables(rendered: RenderedReport) {
  return rendered.pages.flatMap((page) =>
    page.items.flatMap((item) =>
      item.kind === 'chart'
        ? [
            {
              title: item.title,
              result: { ...item.result, footnote: printedFootnote(item) },
              spec: item.spec.table,
            },
          ]
        : item.kind === 'table'
          ? [
              {
                title: item.title,
                result: { ...item.result, footnote: printedFootnote(item) },
                spec: item.spec,
              },
            ]
          : [],
    ),
  );
}

async function writeOne(
  rendered: RenderedReport,
  file: string,
  options: ReportExportOptions,
  data: ReportData,
): Promise<void> {
  throwIfCancelled(options.signal);
  if (options.format === 'xlsx') {
    await writeTabBook(file, reportTabBookTables(rendered), {
      title: rendered.name,
      variableLabel: data.variableLabel,
      signal: options.signal,
    });
    return;
  }
  await atomicTarget(file, async (partial) => {
    if (options.format === 'pptx') {
      const bytes = await reportPptx(rendered);
      throwIfCancelled(options.signal);
      await writeFile(partial, bytes);
      return;
    }
    const printer = options.printer ?? browserPrinter(findBrowser(options.browser));
    const { width, height } = slideLayout(rendered.template.slideSize, 0, false);
    await printer.print(reportHtml(rendered), partial, { width, height });
    throwIfCancelled(options.signal);
  });
}

/** One output of an export: a report drawn for a value (or for all the data) and its file. */
interface ExportTarget {
  rendered: RenderedReport;
  file: string;
  pages: number;
}

/** The files an export writes, each with its report drawn, in order (one per value with `each`). */
function* exportTargets(
  report: Report,
  data: ReportData,
  options: Pick<ReportExportOptions, 'format' | 'path' | 'each' | 'signal'>,
): Generator<ExportTarget, void, undefined> {
  const target = path.resolve(options.path);
  const values: Array<RepeatValue | undefined> = options.each
    ? data.values(options.each)
    : [undefined];
  if (options.each && values.length === 0)
    throw new Error(`${options.each} has no values in the data: nothing to export`);
  for (const value of values) {
    throwIfCancelled(options.signal);
    const rendered = renderReport(report, data, {
      ...(value ? { each: value } : {}),
      signal: options.signal,
    });
    const file = value
      ? path.join(
          target,
          `${fileNamePart(report.name)}-${fileNamePart(value.label)}.${options.format}`,
        )
      : target;
    yield { rendered, file, pages: rendered.pages.length };
  }
}

function countTargets(data: ReportData, each: string | undefined): number {
  return each ? data.values(each).length : 1;
}

/**
 * Writes each target; when one fails or the export is cancelled, removes the files already
 * written, so nothing is left at the target.
 */
async function writeAll<Target extends { file: string; pages: number }>(
  targets: Iterable<Target>,
  options: Pick<ReportExportOptions, 'format' | 'path' | 'each' | 'signal' | 'progress'>,
  total: number,
  write: (target: Target) => Promise<void>,
): Promise<ReportExportSummary> {
  const written: string[] = [];
  let pages = 0;
  options.progress(0, total);
  try {
    if (options.each) await mkdir(path.resolve(options.path), { recursive: true });
    for (const target of targets) {
      await write(target);
      written.push(target.file);
      pages += target.pages;
      options.progress(written.length, total);
      // Let a cancel message reach the worker between files.
      await new Promise((resolve) => setImmediate(resolve));
      throwIfCancelled(options.signal);
    }
  } catch (error) {
    await Promise.all(written.map((file) => rm(file, { force: true })));
    throw error;
  }
  return { format: options.format, files: written, pages };
}

export async function exportReport(
  report: Report,
  data: ReportData,
  options: ReportExportOptions,
): Promise<ReportExportSummary> {
  // Find the browser before any work, so a machine without one hears so at once.
  const printer =
    options.format === 'pdf'
      ? (options.printer ?? browserPrinter(findBrowser(options.browser)))
      : undefined;
  const settings = { ...options, ...(printer ? { printer } : {}) };
  return writeAll(
    exportTargets(report, data, options),
    options,
    countTargets(data, options.each),
    ({ rendered, file }) => writeOne(rendered, file, settings, data),
  );
}

/** A report page set as HTML to print, with its file and page size (inches). */
export interface PrintableDocument {
  file: string;
  html: string;
  width: number;
  height: number;
  pages: number;
}

/**
 * The PDF export's documents without printing them: for a printer that lives elsewhere (the
 * desktop app prints with Electron's printToPDF in the main process; see printDocuments).
 */
export function printableDocuments(
  report: Report,
  data: ReportData,
  options: Pick<ReportExportOptions, 'path' | 'each' | 'signal'>,
): PrintableDocument[] {
  return [...exportTargets(report, data, { ...options, format: 'pdf' })].map(
    ({ rendered, file, pages }) => {
      const { width, height } = slideLayout(rendered.template.slideSize, 0, false);
      return { file, html: reportHtml(rendered), width, height, pages };
    },
  );
}

/** Prints documents with `printer`, atomically, all or nothing (as exportReport writes). */
export async function printDocuments(
  documents: readonly PrintableDocument[],
  printer: PagePrinter,
  options: Pick<ReportExportOptions, 'path' | 'each' | 'signal' | 'progress'>,
): Promise<ReportExportSummary> {
  return writeAll(documents, { ...options, format: 'pdf' }, documents.length, (document) =>
    atomicTarget(document.file, (partial) =>
      printer.print(document.html, partial, { width: document.width, height: document.height }),
    ),
  );
}
