/**
 * The legend under a tab book table: what the letters compare, at which confidence, what the
 * marks and the low-base flag mean — so the sheet reads on its own when it is mailed alone.
 */
import type { TableResult, TableSpec } from '../../shared/domain/table';
import { resolvePreset } from '../analysis/significance/presets';

/** The marker beside a base below the low-base threshold (in its number format, so it stays a number). */
export const LOW_BASE_MARK = '*';

function percent(level: number): string {
  return `${Math.round(level * 1000) / 10}%`;
}

/** "Country: A = Germany, B = Italy" per banner group, from the columns' letters. */
function groupLines(result: TableResult, groupLabel: (group: number) => string): string[] {
  const groups = [...new Set(result.columns.filter((c) => c.letter).map((c) => c.group))];
  return groups.map((group) => {
    const letters = result.columns
      .filter((c) => c.group === group && c.letter)
      .map((c) => `${c.letter} = ${c.label}`);
    return `${groupLabel(group)}: ${letters.join(', ')}`;
  });
}

export function legendLines(
  result: TableResult,
  spec: TableSpec | undefined,
  groupLabel: (group: number) => string,
): string[] {
  const lines: string[] = [];
  const hasLetters = result.rows.some((row) => row.cells.some((cell) => cell.sig !== ''));
  const hasMarks = result.rows.some((row) => row.cells.some((cell) => cell.marks));
  if (result.columns.some((c) => c.letter)) {
    lines.push(
      'Letters (on the line below each percentage): the column is significantly higher than the columns with those letters; columns are compared only within their own banner group.',
      ...groupLines(result, groupLabel),
    );
    if (spec) {
      const { levels } = resolvePreset({
        ...(spec.preset ? { preset: spec.preset } : {}),
        ...(spec.sigLevels ? { levels: spec.sigLevels } : {}),
      });
      lines.push(
        levels.length === 2
          ? `Confidence: upper case (A) at ${percent(levels[0]!)}, lower case (a) at ${percent(levels[1]!)}.`
          : `Confidence: ${percent(levels[0]!)}.`,
      );
    }
  } else if (hasLetters) {
    lines.push('Letters: the column is significantly higher than the columns with those letters.');
  }
  if (hasMarks || result.columns.some((c) => c.letter)) {
    lines.push(
      '+ / - : significantly higher / lower than the rest of the sample; ↑ / ↓ : significantly higher / lower than the previous wave.',
    );
  }
  const bases = [...result.bases, ...(result.stubBases ?? []).flatMap((stub) => stub.bases)];
  if (bases.some((base) => base.lowBase)) {
    lines.push(
      `${LOW_BASE_MARK} Low base: fewer than ${spec?.lowBase ?? 30} respondents — read with caution (its percentages are in grey italics).`,
    );
  }
  // The first note (the test used) is already in the footnote.
  lines.push(...result.tests.notes.filter((note) => !result.footnote.includes(note)));
  return lines;
}
