/**
 * A table as tab-separated text for pasting into Excel. Numbers are written as they read on
 * screen ("29%", "1,964"), which Excel turns into numbers (a percentage, a grouped integer).
 * Letters go in a column of their own right of each number column, headed by that column's
 * letter: "29% AB" would paste as text and could not be summed or charted, while "29%" beside
 * "AB" stays a number. The footnote and the engine's notes follow after an empty line.
 */
import type { Decimals } from '../../../../../shared/domain/tableFormat';
import { formatNumber } from '../../../../../shared/domain/tableFormat';
import type { TableResult } from '../../../../../shared/domain/table';
import { cellText, type CellContent } from './cellText';
import { extraNotes } from './tableNotes';

export interface TsvLabels {
  base: string;
  weightedBase: string;
  effectiveBase: string;
}

/** Tabs and line breaks inside a label would shift Excel's cells: they become spaces. */
function clean(text: string): string {
  return text.replace(/[\t\r\n]+/g, ' ');
}

export function tableTsv(
  result: TableResult,
  content: CellContent,
  decimals: Decimals,
  labels: TsvLabels,
): string {
  const withLetters = result.rows.some((row) => row.cells.some((c) => c.sig || c.marks));
  const lettered = (i: number) => withLetters && result.columns[i]!.letter !== null;
  const line = (stub: string, values: string[], letters: string[]) =>
    [
      clean(stub),
      ...values.flatMap((value, i) => (lettered(i) ? [value, letters[i] ?? ''] : [value])),
    ].join('\t');

  const lines: string[] = [];
  lines.push(
    line(
      '',
      result.columns.map((c) => clean(c.label)),
      result.columns.map((c) => (c.letter ? `(${c.letter})` : '')),
    ),
  );
  for (const row of result.rows) {
    lines.push(
      line(
        `${row.variable}: ${row.label}`,
        row.cells.map((cell) => cellText(row, cell, content, decimals)),
        row.cells.map((cell) => `${cell.sig}${cell.marks ?? ''}`),
      ),
    );
  }
  const none = result.bases.map(() => '');
  lines.push(
    line(
      labels.base,
      result.bases.map((b) => formatNumber(b.n, 'base') + (b.lowBase ? '*' : '')),
      none,
    ),
  );
  const weighted = result.bases.some((b) => Math.abs(b.wn - b.n) > 1e-9);
  if (weighted) {
    lines.push(
      line(
        labels.weightedBase,
        result.bases.map((b) => formatNumber(b.wn, 'weightedCount')),
        none,
      ),
    );
    lines.push(
      line(
        labels.effectiveBase,
        result.bases.map((b) => formatNumber(b.effective, 'weightedCount')),
        none,
      ),
    );
  }
  const notes = [result.footnote, ...extraNotes(result)].map(clean);
  return `${lines.join('\n')}\n\n${notes.join('\n')}\n`;
}
