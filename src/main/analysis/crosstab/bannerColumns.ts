/**
 * The banner: Total first, then each group side by side. A group is one variable's categories,
 * or for a nested group (`c/d`) every combination of the outer and inner categories. Returns, per
 * group, each respondent's column within the group, so one counting pass serves a stub × group.
 */
import type { TableColumn } from '../../../shared/domain/table';
import { categorize, NONE, type Categories } from './categorize';
import type { TableData } from './tableData';

export interface BannerGroupIndex {
  group: number;
  columns: TableColumn[];
  /** Per respondent: index into this group's columns, or NONE. */
  index: Uint16Array;
}

export function columnLetter(position: number): string {
  let letter = '';
  let n = position;
  do {
    letter = String.fromCharCode(65 + (n % 26)) + letter;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letter;
}

export function bannerGroups(
  data: TableData,
  groups: ReadonlyArray<{ variables: string[] }>,
): BannerGroupIndex[] {
  return groups.map((group, groupNumber) => {
    const levels = group.variables.map((name) => ({
      variable: data.variable(name),
      categories: categorize(data.variable(name)),
    }));
    const sizes = levels.map((level) => level.categories.codes.length);
    const combinations = sizes.reduce((product, size) => product * size, 1);
    if (combinations >= NONE)
      throw new Error(`banner group ${group.variables.join('/')} has too many columns`);
    // One variable: its category indexes are the columns (shared, kept with its categories).
    const index =
      levels.length === 1 ? levels[0]!.categories.index : nestedIndex(levels, sizes, data.rows);
    const columns: TableColumn[] = [];
    for (let combined = 0; combined < combinations; combined++) {
      const positions: number[] = [];
      let rest = combined;
      for (let l = levels.length - 1; l >= 0; l--) {
        positions.unshift(rest % sizes[l]!);
        rest = Math.floor(rest / sizes[l]!);
      }
      const inner = levels[levels.length - 1]!;
      const innerPosition = positions[positions.length - 1]!;
      const within = levels.slice(0, -1).map((level, l) => {
        const labelLanguage = level.categories.labelLanguages[positions[l]!];
        return {
          variable: level.variable.name,
          code: level.categories.codes[positions[l]!]!,
          label: level.categories.labels[positions[l]!]!,
          ...(labelLanguage ? { labelLanguage } : {}),
        };
      });
      // A nested label is marked when any part of it fell back.
      const labelLanguage = [
        ...within.map((w) => w.labelLanguage),
        inner.categories.labelLanguages[innerPosition],
      ].find((language) => language !== undefined);
      columns.push({
        id: `${group.variables.join('/')}:${positions.map((p, l) => levels[l]!.categories.codes[p]).join('/')}`,
        variable: inner.variable.name,
        code: inner.categories.codes[innerPosition]!,
        label: [...within.map((w) => w.label), inner.categories.labels[innerPosition]!].join(' › '),
        ...(labelLanguage ? { labelLanguage } : {}),
        letter: columnLetter(combined),
        group: groupNumber,
        ...(within.length > 0 ? { within } : {}),
      });
    }
    return { group: groupNumber, columns, index };
  });
}

/** Per respondent, the column of a nested group: the levels' categories as digits. */
function nestedIndex(
  levels: ReadonlyArray<{ categories: Categories }>,
  sizes: readonly number[],
  rows: number,
): Uint16Array {
  const index = new Uint16Array(rows);
  for (let i = 0; i < rows; i++) {
    let combined = 0;
    let valid = true;
    for (let l = 0; l < levels.length; l++) {
      const category = levels[l]!.categories.index[i]!;
      if (category === NONE) {
        valid = false;
        break;
      }
      combined = combined * sizes[l]! + category;
    }
    index[i] = valid ? combined : NONE;
  }
  return index;
}
