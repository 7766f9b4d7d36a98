/**
 * The part every column test shares once the pairwise statistics are computed: adjusting the
 * p-values per the preset (Bonferroni within each row of a group for "spss", Benjamini–Hochberg
 * over the whole table for "q", none for "dimensions"), deciding the level each comparison
 * reaches, turning column comparisons into letters and the total/previous-wave comparisons into
 * marks, and writing the notes that say what was not tested and why.
 *
 * decide() works on the comparisons as typed arrays and is all a cross-table needs; assemble()
 * turns them into the objects of SignificanceResult for the callers that want every detail.
 */
import { benjaminiHochberg, bonferroni } from './adjust';
import { type Comparisons, KIND_CODE, KINDS, SKIP_REASONS, TESTED, TESTS } from './comparisons';
import { columnLetters, joinLetters } from './letters';
import { formatLevel, type PresetRules } from './presets';
import type {
  CellSignificance,
  ComparisonKind,
  Mark,
  PairTest,
  SignificanceResult,
  SkippedPair,
  SkipReason,
} from './types';

export interface TableShape {
  readonly rowKeys: readonly string[];
  readonly groups: ReadonlyArray<{
    readonly columnIds: readonly string[];
    readonly multipleResponse?: boolean;
  }>;
  readonly totalId: string | null;
}

/** Per comparison (by its index; meaningful where tested): adjusted p and the level it meets. */
export interface Decisions {
  readonly adjusted: Float64Array;
  /** Index into rules.levels of the strictest level met, else -1. */
  readonly level: Int8Array;
}

const REASON_TEXT: Record<SkipReason, string> = {
  'empty-column': 'a column has no respondents',
  'zero-or-hundred-percent': 'a column proportion is 0% or 100% (not tested, as in SPSS)',
  identical: 'the two values are equal (not tested, as in Dimensions)',
  'no-variance': 'no variance to test',
  'too-few-cases': 'too few respondents for the degrees of freedom',
  'no-overlap-data': 'multiple-response columns without overlap counts: not tested',
};

const KIND_TEXT: Record<ComparisonKind, string> = {
  columns: 'column pairs',
  total: 'column vs rest of sample',
  previous: 'wave vs previous wave',
};

function adjust(c: Comparisons, rules: PresetRules): Float64Array {
  const adjusted = c.p.slice(0, c.length);
  if (rules.adjustment === 'none') return adjusted;
  if (rules.adjustment === 'bonferroni') {
    // The family is the comparisons of one kind made within one row of one group. A numeric key
    // keeps this cheap: it runs for every comparison of every table.
    let groups = 0;
    let rows = 0;
    for (let i = 0; i < c.length; i++) {
      if (c.status[i] !== TESTED) continue;
      groups = Math.max(groups, c.group[i]! + 1);
      rows = Math.max(rows, c.row[i]! + 1);
    }
    const key = (i: number): number => (c.kind[i]! * groups + c.group[i]!) * rows + c.row[i]!;
    const familySize = new Uint32Array(3 * groups * rows);
    for (let i = 0; i < c.length; i++) if (c.status[i] === TESTED) familySize[key(i)]!++;
    for (let i = 0; i < c.length; i++) {
      if (c.status[i] === TESTED) adjusted[i] = bonferroni(c.p[i]!, familySize[key(i)]!);
    }
    return adjusted;
  }
  // Benjamini–Hochberg: the family is every comparison of one kind in the table.
  for (let kind = 0; kind < KINDS.length; kind++) {
    const indexes: number[] = [];
    for (let i = 0; i < c.length; i++) {
      if (c.status[i] === TESTED && c.kind[i] === kind) indexes.push(i);
    }
    const bh = benjaminiHochberg(indexes.map((i) => c.p[i]!));
    indexes.forEach((i, k) => (adjusted[i] = bh[k]!));
  }
  return adjusted;
}

/** Adjusts the p-values and finds the strictest level each tested comparison meets (p < α). */
export function decide(c: Comparisons, rules: PresetRules): Decisions {
  const adjusted = adjust(c, rules);
  const level = new Int8Array(c.length).fill(-1);
  const { alphas } = rules;
  for (let i = 0; i < c.length; i++) {
    if (c.status[i] !== TESTED) continue;
    const p = adjusted[i]!;
    for (let l = 0; l < alphas.length; l++) {
      if (p < alphas[l]!) {
        level[i] = l;
        break;
      }
    }
  }
  return { adjusted, level };
}

export function assemble(
  shape: TableShape,
  c: Comparisons,
  rules: PresetRules,
  describeTest: string,
): SignificanceResult {
  const letters = shape.groups.map((group) => columnLetters(group.columnIds.length));
  const columnId = (group: number, column: number): string =>
    column < 0 ? shape.totalId! : shape.groups[group]!.columnIds[column]!;

  const decisions = decide(c, rules);
  const levelOf = (i: number): number | null => {
    const l = decisions.level[i]!;
    return l < 0 ? null : rules.levels[l]!;
  };
  const pairs: PairTest[] = [];
  const skipped: SkippedPair[] = [];
  for (let i = 0; i < c.length; i++) {
    const group = c.group[i]!;
    if (c.status[i] !== TESTED) {
      skipped.push({
        kind: KINDS[c.kind[i]!]!,
        rowKey: shape.rowKeys[c.row[i]!]!,
        group,
        a: columnId(group, c.a[i]!),
        b: columnId(group, c.b[i]!),
        reason: SKIP_REASONS[c.status[i]! - 1]!,
      });
      continue;
    }
    pairs.push({
      kind: KINDS[c.kind[i]!]!,
      rowKey: shape.rowKeys[c.row[i]!]!,
      group,
      a: columnId(group, c.a[i]!),
      b: columnId(group, c.b[i]!),
      test: TESTS[c.test[i]!]!,
      statistic: c.statistic[i]!,
      df: c.dfAt(i),
      p: c.p[i]!,
      adjustedP: decisions.adjusted[i]!,
      adjustment: rules.adjustment,
      level: levelOf(i),
      overlapCorrected: c.overlapCorrected[i] === 1,
    });
  }

  const strictest = rules.levels[0]!;
  const twoLevels = rules.levels.length === 2;
  type MutableCell = {
    higher: Array<{ column: number; letter: string; level: number }>;
    vsTotal: Mark | null;
    vsPrevious: Mark | null;
  };
  const working: MutableCell[][][] = shape.groups.map((group) =>
    shape.rowKeys.map(() =>
      group.columnIds.map(() => ({ higher: [], vsTotal: null, vsPrevious: null })),
    ),
  );
  for (let i = 0; i < c.length; i++) {
    const level = levelOf(i);
    const statistic = c.statistic[i]!;
    if (c.status[i] !== TESTED || level === null || statistic === 0) continue;
    const group = c.group[i]!;
    const a = c.a[i]!;
    const b = c.b[i]!;
    const cellsOfRow = working[group]![c.row[i]!]!;
    const higher = statistic > 0;
    if (c.kind[i] === KIND_CODE.columns) {
      const [winner, loser] = higher ? [a, b] : [b, a];
      const letter = letters[group]![loser]!;
      // One level: upper case. Two: upper case at the stricter, lower case at the looser only.
      const shown = !twoLevels || level === strictest ? letter : letter.toLowerCase();
      cellsOfRow[winner]!.higher.push({ column: loser, letter: shown, level });
    } else if (c.kind[i] === KIND_CODE.total) {
      cellsOfRow[a]!.vsTotal = {
        direction: higher ? 'higher' : 'lower',
        symbol: higher ? '+' : '-',
        level,
      };
    } else {
      cellsOfRow[a]!.vsPrevious = {
        direction: higher ? 'higher' : 'lower',
        symbol: higher ? '↑' : '↓',
        level,
      };
    }
  }
  const cells: CellSignificance[][][] = working.map((rows, g) =>
    rows.map((row) =>
      row.map((cell) => {
        const higher = [...cell.higher].sort((x, y) => x.column - y.column);
        return {
          letters: joinLetters(higher.map((h) => h.letter)),
          higherThan: higher.map((h) => ({
            column: columnId(g, h.column),
            letter: h.letter,
            level: h.level,
          })),
          vsTotal: cell.vsTotal,
          vsPrevious: cell.vsPrevious,
        };
      }),
    ),
  );

  return {
    preset: rules.preset,
    levels: rules.levels,
    letters,
    cells,
    pairs,
    skipped,
    notes: significanceNotes(c),
    footnote: significanceFootnote(rules, describeTest),
  };
}

/** What was corrected and what was not tested, and why, in words for the table footer. */
export function significanceNotes(c: Comparisons): string[] {
  const out: string[] = [];
  let corrected = 0;
  // Per kind and reason, in the order first met.
  const counts = new Map<number, number>();
  for (let i = 0; i < c.length; i++) {
    const status = c.status[i]!;
    if (status === TESTED) {
      corrected += c.overlapCorrected[i]!;
      continue;
    }
    const key = c.kind[i]! * 256 + status;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  if (corrected > 0) {
    out.push(
      `Multiple-response columns: overlap correction applied (${corrected} comparison${corrected === 1 ? '' : 's'}).`,
    );
  }
  for (const [key, count] of counts) {
    const kind = KINDS[Math.floor(key / 256)]!;
    const reason = SKIP_REASONS[(key % 256) - 1]!;
    out.push(
      `${count} ${KIND_TEXT[kind]} comparison${count === 1 ? '' : 's'} not tested: ${REASON_TEXT[reason]}.`,
    );
  }
  return out;
}

/** The test, adjustment and levels in one sentence. */
export function significanceFootnote(rules: PresetRules, describeTest: string): string {
  const adjustment =
    rules.adjustment === 'bonferroni'
      ? 'Bonferroni-adjusted for the pairs compared within each row'
      : rules.adjustment === 'benjamini-hochberg'
        ? 'Benjamini–Hochberg (false discovery rate) adjusted over the table'
        : 'not adjusted for multiple comparisons';
  const levels =
    rules.levels.length === 2
      ? `upper case: ${formatLevel(rules.levels[0]!)}, lower case: ${formatLevel(rules.levels[1]!)} confidence`
      : `${formatLevel(rules.levels[0]!)} confidence`;
  return `${describeTest}, ${adjustment}; letters: ${levels}; +/- vs rest of sample, ↑/↓ vs previous wave.`;
}
