/**
 * The part every column test shares once the pairwise statistics are computed: adjusting the
 * p-values per the preset (Bonferroni within each row of a group for "spss", Benjamini–Hochberg
 * over the whole table for "q", none for "dimensions"), deciding the level each comparison
 * reaches, turning column comparisons into letters and the total/previous-wave comparisons into
 * marks, and writing the notes that say what was not tested and why.
 */
import { benjaminiHochberg, bonferroni } from './adjust';
import { columnLetters, joinLetters } from './letters';
import { formatLevel, levelMet, type PresetRules } from './presets';
import type {
  CellSignificance,
  ComparisonKind,
  Mark,
  PairTest,
  SignificanceResult,
  SkippedPair,
  SkipReason,
  TestName,
} from './types';

/** A comparison before adjustment. Columns are positions within the group; b = -1 is the Total. */
export interface RawTest {
  readonly kind: ComparisonKind;
  readonly group: number;
  readonly row: number;
  readonly a: number;
  readonly b: number;
  readonly test: TestName;
  readonly statistic: number;
  readonly df: number | null;
  readonly p: number;
  readonly overlapCorrected: boolean;
}

export interface RawSkip {
  readonly kind: ComparisonKind;
  readonly group: number;
  readonly row: number;
  readonly a: number;
  readonly b: number;
  readonly reason: SkipReason;
}

export interface TableShape {
  readonly rowKeys: readonly string[];
  readonly groups: ReadonlyArray<{
    readonly columnIds: readonly string[];
    readonly multipleResponse?: boolean;
  }>;
  readonly totalId: string | null;
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

function adjust(raw: readonly RawTest[], rules: PresetRules): number[] {
  const adjusted = raw.map((t) => t.p);
  if (rules.adjustment === 'none') return adjusted;
  if (rules.adjustment === 'bonferroni') {
    // The family is the comparisons of one kind made within one row of one group. A numeric key
    // keeps this cheap: it runs for every comparison of every table.
    const kinds = { columns: 0, total: 1, previous: 2 } as const;
    let groups = 0;
    let rows = 0;
    for (const t of raw) {
      groups = Math.max(groups, t.group + 1);
      rows = Math.max(rows, t.row + 1);
    }
    const key = (t: RawTest): number => (kinds[t.kind] * groups + t.group) * rows + t.row;
    const familySize = new Uint32Array(3 * groups * rows);
    for (const t of raw) familySize[key(t)]!++;
    return raw.map((t) => bonferroni(t.p, familySize[key(t)]!));
  }
  // Benjamini–Hochberg: the family is every comparison of one kind in the table.
  for (const kind of ['columns', 'total', 'previous'] as const) {
    const indexes = raw.flatMap((t, i) => (t.kind === kind ? [i] : []));
    const bh = benjaminiHochberg(indexes.map((i) => raw[i]!.p));
    indexes.forEach((i, k) => (adjusted[i] = bh[k]!));
  }
  return adjusted;
}

export function assemble(
  shape: TableShape,
  raw: readonly RawTest[],
  skips: readonly RawSkip[],
  rules: PresetRules,
  describeTest: string,
): SignificanceResult {
  const letters = shape.groups.map((group) => columnLetters(group.columnIds.length));
  const columnId = (group: number, column: number): string =>
    column < 0 ? shape.totalId! : shape.groups[group]!.columnIds[column]!;

  const adjusted = adjust(raw, rules);
  const pairs: PairTest[] = raw.map((t, i) => ({
    kind: t.kind,
    rowKey: shape.rowKeys[t.row]!,
    group: t.group,
    a: columnId(t.group, t.a),
    b: columnId(t.group, t.b),
    test: t.test,
    statistic: t.statistic,
    df: t.df,
    p: t.p,
    adjustedP: adjusted[i]!,
    adjustment: rules.adjustment,
    level: levelMet(adjusted[i]!, rules),
    overlapCorrected: t.overlapCorrected,
  }));

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
  raw.forEach((t, i) => {
    const level = pairs[i]!.level;
    if (level === null || t.statistic === 0) return;
    const cellsOfRow = working[t.group]![t.row]!;
    const higher = t.statistic > 0;
    if (t.kind === 'columns') {
      const [winner, loser] = higher ? [t.a, t.b] : [t.b, t.a];
      const letter = letters[t.group]![loser]!;
      // One level: upper case. Two: upper case at the stricter, lower case at the looser only.
      const shown = !twoLevels || level === strictest ? letter : letter.toLowerCase();
      cellsOfRow[winner]!.higher.push({ column: loser, letter: shown, level });
    } else if (t.kind === 'total') {
      cellsOfRow[t.a]!.vsTotal = {
        direction: higher ? 'higher' : 'lower',
        symbol: higher ? '+' : '-',
        level,
      };
    } else {
      cellsOfRow[t.a]!.vsPrevious = {
        direction: higher ? 'higher' : 'lower',
        symbol: higher ? '↑' : '↓',
        level,
      };
    }
  });
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

  const skipped: SkippedPair[] = skips.map((s) => ({
    kind: s.kind,
    rowKey: shape.rowKeys[s.row]!,
    group: s.group,
    a: columnId(s.group, s.a),
    b: columnId(s.group, s.b),
    reason: s.reason,
  }));

  return {
    preset: rules.preset,
    levels: rules.levels,
    letters,
    cells,
    pairs,
    skipped,
    notes: notes(raw, skips),
    footnote: footnote(rules, describeTest),
  };
}

function notes(raw: readonly RawTest[], skips: readonly RawSkip[]): string[] {
  const out: string[] = [];
  const corrected = raw.filter((t) => t.overlapCorrected).length;
  if (corrected > 0) {
    out.push(
      `Multiple-response columns: overlap correction applied (${corrected} comparison${corrected === 1 ? '' : 's'}).`,
    );
  }
  const counts = new Map<string, number>();
  for (const s of skips) {
    const key = `${s.kind}|${s.reason}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const [key, count] of counts) {
    const [kind, reason] = key.split('|') as [ComparisonKind, SkipReason];
    out.push(
      `${count} ${KIND_TEXT[kind]} comparison${count === 1 ? '' : 's'} not tested: ${REASON_TEXT[reason]}.`,
    );
  }
  return out;
}

function footnote(rules: PresetRules, describeTest: string): string {
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
