/**
 * The desktop app's PagePrinter (src/main/report/pagePrinter.ts): Electron's own Chromium prints
 * the report, so the desktop app needs no second browser and no playwright-core. Each document is
 * laid out in a hidden, sandboxed window without Node, preload or JavaScript (window.ts), loaded
 * from a data: URL — the session lets data: through and nothing else leaves the app (security.ts)
 * — printed with webContents.printToPDF at the report's page size, and the window is destroyed.
 *
 * Not run on our build machines (no Electron binary there): the pure parts are unit-tested, the
 * Electron calls are checked by the type checker and the electronegativity scan only.
 */
import { writeFile } from 'node:fs/promises';
import type { PrintToPDFOptions } from 'electron';
import { ApiError } from '../../shared/api/apiTypes';
import type { PagePrinter } from '../report/pagePrinter';
import { createPrintWindow } from './window';

/** Chromium's longest URL (url::kMaxURLChars): a longer data: URL does not load. */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024;

/** The document as a data: URL (base64: a third longer than the HTML, whatever its characters). */
export function printableDataUrl(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_DATA_URL_CHARS)
    throw new ApiError(
      'failed',
      `the report's printable page is ${(url.length / 1024 / 1024).toFixed(1)} MB as a URL, over ` +
        `Chromium's 2 MB limit: export it in parts (one file for each value), or print the PDF ` +
        'with the command line (`cew report … --format pdf`)',
    );
  return url;
}

/** printToPDF's options: the page size in inches, backgrounds printed, no margins of its own. */
export function printToPdfOptions(size: { width: number; height: number }): PrintToPDFOptions {
  return {
    pageSize: { width: size.width, height: size.height },
    printBackground: true,
    preferCSSPageSize: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

export function createDesktopPagePrinter(): PagePrinter {
  return {
    async print(html, file, size) {
      const url = printableDataUrl(html);
      const window = createPrintWindow();
      try {
        await window.webContents.loadURL(url);
        const pdf = await window.webContents.printToPDF(printToPdfOptions(size));
        await writeFile(file, pdf);
      } finally {
        window.destroy();
      }
    },
  };
}
