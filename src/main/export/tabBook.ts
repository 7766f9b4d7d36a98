/**
 * An Excel tab book: a contents sheet, then one sheet per table (tabBookSheet.ts). Written
 * through atomicTarget, so a cancelled or failed export leaves nothing at the target; cancelling
 * is checked between tables.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { atomicTarget } from './atomicTarget';
import { addContentsSheet, CONTENTS_SHEET } from './tabBookContents';
import { addTableSheet, type TabBookTable } from './tabBookSheet';
import { tabBookSheetNames } from './tabBookSheetNames';

export type { TabBookTable } from './tabBookSheet';

export interface TabBookOptions {
  /** The book's title on the contents sheet. */
  title?: string;
  /** A variable's label (its question text), or null; variable names alone without it. */
  variableLabel?: (name: string) => string | null;
  signal?: AbortSignal;
  /** Called after each table's sheet: (tables done, tables). */
  onProgress?: (done: number, total: number) => void;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw Object.assign(new Error('the export was cancelled'), { name: 'AbortError' });
}

export async function writeTabBook(
  file: string,
  tables: readonly TabBookTable[],
  options: TabBookOptions = {},
): Promise<{ path: string; sheets: string[] }> {
  const sheets = tabBookSheetNames(
    tables.map((table) => table.title),
    [CONTENTS_SHEET],
  );
  const context = {
    variableLabel: options.variableLabel ?? (() => null),
    contentsSheet: CONTENTS_SHEET,
  };
  await atomicTarget(file, async (partial) => {
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Customer Energy Workbench';
    addContentsSheet(workbook, options.title ?? 'Tables', tables, sheets);
    for (const [index, table] of tables.entries()) {
      // Let a cancel reach the worker between tables.
      await new Promise((resolve) => setImmediate(resolve));
      throwIfCancelled(options.signal);
      addTableSheet(workbook, sheets[index]!, table, context);
      options.onProgress?.(index + 1, tables.length);
    }
    throwIfCancelled(options.signal);
    await workbook.xlsx.writeFile(partial);
  });
  return { path: path.resolve(file), sheets };
}
