/**
 * The desktop PDF printer's pure parts, checked in plain Node: the hidden window it prints in has
 * no bridge and no JavaScript, the document travels as a data: URL that decodes to the same HTML
 * (refused with a clear error past Chromium's URL limit), and printToPDF is asked for the
 * report's page size with no margins. The Electron calls themselves run only where the Electron
 * binary exists. 'electron' is replaced by an empty shell: importing the real package outside
 * Electron tries to download the binary.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  MAX_DATA_URL_CHARS,
  printToPdfOptions,
  printableDataUrl,
} from '../../../../src/main/electron/desktopPagePrinter';
import { studyWindowWebPreferences } from '../../../../src/main/electron/window';

vi.mock('electron', () => ({ BrowserWindow: class {} }));

describe('the desktop PDF printer', () => {
  it('lays pages out in a window with no preload bridge, no JavaScript and no Node, sandboxed', () => {
    expect(studyWindowWebPreferences(null)).toStrictEqual({
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      spellcheck: false,
    });
  });

  it('loads the report as a data: URL that decodes to the same HTML, non-ASCII labels included', () => {
    const html = '<!doctype html><h1>Energy — 에너지 · Énergie</h1><svg><text>31% AB</text></svg>';
    const url = printableDataUrl(html);
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    const payload = url.slice(url.indexOf(',') + 1);
    expect(Buffer.from(payload, 'base64').toString('utf8')).toBe(html);
  });

  it('refuses a page too large for a Chromium URL, saying what to do instead', () => {
    const html = `<p>${'x'.repeat(Math.ceil((MAX_DATA_URL_CHARS * 3) / 4))}</p>`;
    expect(() => printableDataUrl(html)).toThrow(
      /printable page is 2\.0 MB as a URL, over Chromium's 2 MB limit: export it in parts/,
    );
  });

  it('prints at the report’s page size in inches, backgrounds on, no margins of its own', () => {
    expect(printToPdfOptions({ width: 13.333, height: 7.5 })).toEqual({
      pageSize: { width: 13.333, height: 7.5 },
      printBackground: true,
      preferCSSPageSize: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  });
});
