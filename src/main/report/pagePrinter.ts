/**
 * Prints report HTML to PDF with a Chromium-family browser. The seam: a `PagePrinter` takes the
 * HTML and the page size and writes the PDF. The CLI, browser mode and the worker use
 * `browserPrinter` (playwright-core driving a browser found on the machine); the desktop app can
 * pass one built on Electron's webContents.printToPDF (src/main/electron may import electron).
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type * as Playwright from 'playwright-core';
import { ApiError } from '../../shared/api/apiTypes';

export interface PagePrinter {
  /** Writes `html` as a PDF to `file`, pages of `size` inches (the HTML's @page says the same). */
  print(html: string, file: string, size: { width: number; height: number }): Promise<void>;
}

let desktopPrinter: PagePrinter | null = null;

/**
 * The desktop app registers a printer built on Electron's webContents.printToPDF here at start-up
 * (src/main/electron); PDF exports then print in the main process with it. The CLI and browser
 * mode register none and print with a browser found on the machine.
 */
export function useDesktopPagePrinter(printer: PagePrinter | null): void {
  desktopPrinter = printer;
}

export function desktopPagePrinter(): PagePrinter | null {
  return desktopPrinter;
}

/** Where a Chromium-family browser is looked for, in order, per platform. */
export function browserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform === 'win32') {
    const roots = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    return [
      ...roots.flatMap((root) => [
        path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.join(root, 'Chromium', 'Application', 'chrome.exe'),
        path.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      ]),
    ];
  }
  if (platform === 'darwin')
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  return [
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
  ];
}

/** The browser to print with: `explicit` (--browser) if given, else the first one found. */
export function findBrowser(explicit?: string): string {
  if (explicit) {
    if (!existsSync(explicit))
      throw new ApiError('not-found', `--browser ${explicit}: no such file`);
    return explicit;
  }
  const candidates = browserCandidates();
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found)
    throw new ApiError(
      'not-found',
      `no Chromium-family browser to print the PDF with; looked for: ${candidates.join(', ')}. ` +
        'Install Chrome, Chromium or Edge, or name one with --browser PATH',
    );
  return found;
}

/**
 * playwright-core, loaded only when a PDF is printed (a runtime dependency, kept out of the
 * bundle): the CLI and browser mode need it, the desktop app prints with Electron instead.
 */
async function loadPlaywright(): Promise<typeof Playwright> {
  const name = 'playwright-core';
  try {
    return (await import(/* @vite-ignore */ name)) as typeof Playwright;
  } catch (error) {
    throw new ApiError(
      'unavailable',
      `printing a PDF needs playwright-core, which could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** A printer driving the browser at `executablePath` headless through playwright-core. */
export function browserPrinter(executablePath: string): PagePrinter {
  return {
    async print(html, file, size) {
      const { chromium } = await loadPlaywright();
      const browser = await chromium.launch({ executablePath, headless: true });
      try {
        const page = await browser.newPage();
        // The document carries everything (SVG charts, the logo as a data URL): nothing to fetch.
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({
          width: `${size.width}in`,
          height: `${size.height}in`,
          printBackground: true,
          preferCSSPageSize: true,
          margin: { top: '0', right: '0', bottom: '0', left: '0' },
        });
        await writeFile(file, pdf);
      } finally {
        await browser.close();
      }
    },
  };
}
