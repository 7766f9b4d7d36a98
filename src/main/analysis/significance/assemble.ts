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
import { benjaminiHochberg } from './adjust';
import {
  type Comparisons,
  KIND_CODE,
  KINDS,
  SKIP_REASONS,
  TEST_CODE,
  TESTED,
  TESTS,
} from './comparisons';
import { normalTwoSidedCritical } from './distributions';
import { columnLetters, joinLetters } from './letters';
import { formatLevel, levelIndexMet, type PresetRules } from './presets';
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

/**
 * A z-test whose statistic is this far (relative to the critical |z|, at least absolutely) from
 * a level's critical value is decided by comparing |z|, without its p-value; closer than that,
 * by its p-value as computed for the table. The band is thousands of times wider than the error
 * of jstat's normal CDF and quantile, so no decision differs from comparing p-values.
 */
const Z_BAND = 1e-3;
/** Below this α/m the lower tail of jstat's CDF has too few digits to trust a critical value. */
const SMALLEST_SHORTCUT_ALPHA = 1e-10;

/**
 * Adjusts the p-values of one table's comparisons (those from `from` on) and finds the strictest
 * level each tested one meets (adjusted p < α): writes c.family, c.adjusted and c.level. z-tests
 * far from every critical value keep their p-value unread (NaN) until pAt()/adjustedAt().
 */
export function decide(c: Comparisons, rules: PresetRules, from = 0): void {
  const { status, family, adjusted, level, statistic } = c;
  const end = c.length;
  const { alphas } = rules;
  level.fill(-1, from, end);
  if (rules.adjustment === 'benjamini-hochberg') {
    // Benjamini–Hochberg: the family is every comparison of one kind in the table.
    for (let kind = 0; kind < KINDS.length; kind++) {
      const indexes: number[] = [];
      for (let i = from; i < end; i++) {
        if (status[i] === TESTED && c.kind[i] === kind) indexes.push(i);
      }
      const bh = benjaminiHochberg(indexes.map((i) => c.pAt(i)));
      indexes.forEach((i, k) => (adjusted[i] = bh[k]!));
    }
    for (let i = from; i < end; i++) {
      if (status[i] === TESTED) level[i] = levelIndexMet(adjusted[i]!, rules);
    }
    return;
  }
  // Bonferroni: the family is the comparisons of one kind made within one row of one group. A
  // numeric key keeps this cheap: it runs for every comparison of every table.
  family.fill(1, from, end);
  adjusted.fill(Number.NaN, from, end);
  if (rules.adjustment === 'bonferroni') {
    let groups = 0;
    let rows = 0;
    for (let i = from; i < end; i++) {
      if (status[i] !== TESTED) continue;
      groups = Math.max(groups, c.group[i]! + 1);
      rows = Math.max(rows, c.row[i]! + 1);
    }
    const key = (i: number): number => (c.kind[i]! * groups + c.group[i]!) * rows + c.row[i]!;
    const sizes = new Uint32Array(3 * groups * rows);
    for (let i = from; i < end; i++) if (status[i] === TESTED) sizes[key(i)]!++;
    for (let i = from; i < end; i++) if (status[i] === TESTED) family[i] = sizes[key(i)]!;
  }
  // Per family size: each level's critical |z| (NaN where the shortcut is not trusted).
  const critical: Array<Float64Array | undefined> = [];
  const criticalFor = (m: number): Float64Array =>
    (critical[m] ??= Float64Array.from(alphas, (alpha) =>
      alpha / m >= SMALLEST_SHORTCUT_ALPHA ? normalTwoSidedCritical(alpha / m) : Number.NaN,
    ));
  const zTest = TEST_CODE['z-pooled-proportion'];
  for (let i = from; i < end; i++) {
    if (status[i] !== TESTED) continue;
    if (c.test[i] !== zTest || !Number.isNaN(c.p[i]!)) {
      level[i] = levelIndexMet(c.adjustedAt(i), rules);
      continue;
    }
    const z = Math.abs(statistic[i]!);
    const zc = criticalFor(family[i]!);
    for (let l = 0; l < alphas.length; l++) {
      const band = Z_BAND * Math.max(1, zc[l]!);
      // NaN critical values fail both comparisons and fall through to the p-value.
      if (z >= zc[l]! + band) {
        level[i] = l;
        break;
      }
      if (z <= zc[l]! - band) continue;
      if (c.adjustedAt(i) < alphas[l]!) {
        level[i] = l;
        break;
      }
    }
  }
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

  decide(c, rules);
  const levelOf = (i: number): number | null => {
    const l = c.level[i]!;
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
      p: c.pAt(i),
      adjustedP: c.adjustedAt(i),
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
export function significanceNotes(c: Comparisons, from = 0): string[] {
  const out: string[] = [];
  let corrected = 0;
  // Per kind and reason, in the order first met.
  const counts = new Map<number, number>();
  for (let i = from; i < c.length; i++) {
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
