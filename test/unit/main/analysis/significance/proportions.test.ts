/**
 * Column proportions tests: what each preset does (small hand-made tables whose expected results
 * follow from the rule, not from running the code), then every p-value against R on real survey
 * data (test/reference/significance/r-reference.R).
 */
import { describe, expect, it } from 'vitest';
import {
  columnProportionsTest,
  type PairTest,
  type ProportionsInput,
  type SignificancePreset,
} from '../../../../../src/main/analysis/significance';
import { normalTwoSidedP } from '../../../../../src/main/analysis/significance/distributions';
import { expectClose, expectCloseP, rReference, type RProportionsTable } from './references';

/** Unweighted column: Σw = Σw² = n. */
const base = (n: number) => ({ sumW: n, sumW2: n, n });

/** One group, unweighted, one row: `shares` of 100 respondents per column. */
function oneRow(shares: number[], n = 100): ProportionsInput {
  return {
    rowKeys: ['yes'],
    groups: [
      {
        columnIds: shares.map((_, i) => `c${i}`),
        bases: shares.map(() => base(n)),
        counts: [shares.map((s) => s * n)],
      },
    ],
  };
}

describe('columnProportionsTest — letters', () => {
  it('gives the higher column the letter of the lower one, upper case at a single level', () => {
    // 60% vs 30% of 100 each: z ≈ 4.3, far beyond 95%.
    const result = columnProportionsTest(oneRow([0.6, 0.3]));
    expect(result.letters).toEqual([['A', 'B']]);
    expect(result.cells[0]![0]!.map((c) => c.letters)).toEqual(['B', '']);
    expect(result.cells[0]![0]![0]!.higherThan).toEqual([
      { column: 'c1', letter: 'B', level: 0.95 },
    ]);
  });

  it('with two levels: upper case at the stricter, lower case at the looser only', () => {
    // A vs B: 60% vs 30% (p < 0.0001); A vs C: 60% vs 46% (p ≈ 0.047, 95% but not 99%).
    const result = columnProportionsTest(oneRow([0.6, 0.3, 0.46]), {
      preset: 'dimensions',
      levels: [0.95, 0.99],
    });
    expect(result.levels).toEqual([0.99, 0.95]);
    const a = result.cells[0]![0]![0]!;
    expect(a.letters).toBe('Bc');
    expect(a.higherThan.map((h) => h.level)).toEqual([0.99, 0.95]);
    expect(result.footnote).toContain('upper case: 99%, lower case: 95%');
  });

  it('lists every compared pair with its p-value and level, significant or not', () => {
    const result = columnProportionsTest(oneRow([0.5, 0.52, 0.3]));
    expect(result.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['c0-c1', 'c0-c2', 'c1-c2']);
    const ab = result.pairs[0]!;
    expect(ab.level).toBeNull();
    expect(ab.p).toBeGreaterThan(0.05);
    expect(ab.test).toBe('z-pooled-proportion');
  });

  it('numbers columns past Z as AA, AB', () => {
    const result = columnProportionsTest(oneRow(Array.from({ length: 28 }, () => 0.5)));
    expect(result.letters[0]!.slice(24)).toEqual(['Y', 'Z', 'AA', 'AB']);
  });
});

describe('columnProportionsTest — spss preset', () => {
  it('does not test a column at 0% or 100%, and says so', () => {
    const result = columnProportionsTest(oneRow([0, 0.3, 1]));
    // Only pairs without a 0%/100% column remain: none here.
    expect(result.pairs).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      'zero-or-hundred-percent',
      'zero-or-hundred-percent',
      'zero-or-hundred-percent',
    ]);
    expect(result.notes.join(' ')).toContain('0% or 100%');
  });

  it('multiplies p by the number of pairs compared in the row (Bonferroni)', () => {
    const result = columnProportionsTest(oneRow([0.5, 0.4, 0.3, 0]));
    // Columns 0–2 are tested (3 pairs); column 3 is at 0% and not tested.
    expect(result.pairs).toHaveLength(3);
    for (const pair of result.pairs)
      expect(pair.adjustedP).toBeCloseTo(Math.min(1, 3 * pair.p), 15);
    expect(result.pairs[0]!.adjustment).toBe('bonferroni');
  });

  it('uses the effective base of weighted columns: same shares, fewer effective cases, larger p', () => {
    const unweighted = columnProportionsTest(oneRow([0.6, 0.45]));
    const weighted = columnProportionsTest({
      rowKeys: ['yes'],
      groups: [
        {
          columnIds: ['a', 'b'],
          // Σw = 100 as before but Σw² = 200: effective base (Σw)²/Σw² = 50.
          bases: [
            { sumW: 100, sumW2: 200, n: 100 },
            { sumW: 100, sumW2: 200, n: 100 },
          ],
          counts: [[60, 45]],
        },
      ],
    });
    const z = (r: typeof unweighted) => r.pairs[0]!.statistic;
    // Variance ∝ 1/e1 + 1/e2: halving both effective bases divides z by √2.
    expect(z(weighted)).toBeCloseTo(z(unweighted) / Math.SQRT2, 12);
  });
});

describe('columnProportionsTest — decisions next to the critical value', () => {
  // Far from a critical value a z-test is decided by |z| alone and its p-value is computed only
  // when read; these tables step through the critical values in steps much finer than that band.
  it('gives each pair the level its adjusted p-value reaches, right around the threshold', () => {
    for (const levels of [[0.95], [0.99, 0.95], [0.99999999999, 0.9]]) {
      for (let step = 0; step <= 400; step++) {
        // Column B's share moves from 40% to 20% in steps of 0.05 points; C stays near A.
        const x = 40 - step * 0.05;
        const result = columnProportionsTest(
          {
            rowKeys: ['yes'],
            groups: [
              {
                columnIds: ['a', 'b', 'c'],
                bases: [base(200), base(150), { sumW: 180, sumW2: 260, n: 120 }],
                counts: [[80, x, 70 - step * 0.01]],
              },
            ],
            total: { id: 'total', base: base(1000), counts: [380 - step * 0.2] },
          },
          { levels },
        );
        const alphas = result.levels.map((level) => Number((1 - level).toPrecision(12)));
        for (const pair of result.pairs) {
          const reached = alphas.findIndex((alpha) => pair.adjustedP < alpha);
          expect(pair.level).toBe(reached < 0 ? null : result.levels[reached]);
          expect(pair.p).toBe(normalTwoSidedP(pair.statistic));
        }
      }
    }
  });
});

describe('columnProportionsTest — dimensions and q presets', () => {
  it('dimensions: t-test with df = e1 + e2 − 2, no adjustment, levels only 90/95/99%', () => {
    const result = columnProportionsTest(oneRow([0.6, 0.45]), { preset: 'dimensions' });
    expect(result.pairs[0]).toMatchObject({ test: 't-dimensions-proportion', df: 198 });
    expect(result.pairs[0]!.adjustedP).toBe(result.pairs[0]!.p);
    expect(() =>
      columnProportionsTest(oneRow([0.6, 0.45]), { preset: 'dimensions', levels: [0.8] }),
    ).toThrow(RangeError);
  });

  it('dimensions: equal proportions are not tested; 0% is', () => {
    const result = columnProportionsTest(oneRow([0.3, 0.3, 0]), { preset: 'dimensions' });
    expect(result.skipped.map((s) => [s.a, s.b, s.reason])).toEqual([['c0', 'c1', 'identical']]);
    expect(result.pairs.map((p) => `${p.a}-${p.b}`)).toEqual(['c0-c2', 'c1-c2']);
  });

  it('q: letters at 99.9% and 95% by default, Benjamini–Hochberg over every pair of the table', () => {
    const input: ProportionsInput = {
      rowKeys: ['r1', 'r2'],
      groups: [
        {
          columnIds: ['a', 'b', 'c'],
          bases: [base(200), base(200), base(200)],
          counts: [
            [120, 60, 100],
            [20, 30, 26],
          ],
        },
      ],
    };
    const result = columnProportionsTest(input, { preset: 'q' });
    expect(result.levels).toEqual([0.999, 0.95]);
    const ps = result.pairs.map((p) => p.p);
    // BH by hand: the i-th smallest p times m/i, made monotone from the largest down.
    const m = ps.length;
    const order = ps.map((_, i) => i).sort((i, j) => ps[i]! - ps[j]!);
    const expected = new Array<number>(m);
    let running = 1;
    for (let k = m - 1; k >= 0; k--) {
      running = Math.min(running, (ps[order[k]!]! * m) / (k + 1));
      expected[order[k]!] = running;
    }
    result.pairs.forEach((p, i) => expect(p.adjustedP).toBeCloseTo(expected[i]!, 15));
    expect(result.pairs[0]!.adjustment).toBe('benjamini-hochberg');
  });

  it('rejects a preset it does not know and a third level', () => {
    expect(() =>
      columnProportionsTest(oneRow([0.5, 0.4]), { preset: 'spsss' as SignificancePreset }),
    ).toThrow(RangeError);
    expect(() => columnProportionsTest(oneRow([0.5, 0.4]), { levels: [0.9, 0.95, 0.99] })).toThrow(
      RangeError,
    );
  });
});

describe('columnProportionsTest — total and previous wave are marks, not letters', () => {
  it('marks each column against the rest of the sample with + or -', () => {
    // Total 300: column a 60/100, column b 30/100, the rest (100 outside the banner) 45/100.
    const result = columnProportionsTest({
      rowKeys: ['yes'],
      groups: [{ columnIds: ['a', 'b'], bases: [base(100), base(100)], counts: [[60, 30]] }],
      total: { id: 'total', base: base(300), counts: [135] },
    });
    const [a, b] = result.cells[0]![0]!;
    // a: 60% vs rest (30+45)/200 = 37.5%: higher. b: 30% vs (60+45)/200 = 52.5%: lower.
    expect(a!.vsTotal).toEqual({ direction: 'higher', symbol: '+', level: 0.95 });
    expect(b!.vsTotal).toEqual({ direction: 'lower', symbol: '-', level: 0.95 });
    expect(a!.letters).toBe('B');
    const totals = result.pairs.filter((p) => p.kind === 'total');
    expect(totals.map((p) => [p.a, p.b])).toEqual([
      ['a', 'total'],
      ['b', 'total'],
    ]);
  });

  it('marks each wave against the previous one with arrows', () => {
    const result = columnProportionsTest({
      rowKeys: ['aware'],
      groups: [
        {
          columnIds: ['w1', 'w2', 'w3'],
          bases: [base(400), base(400), base(400)],
          counts: [[120, 200, 196]],
          waves: true,
        },
      ],
    });
    const marks = result.cells[0]![0]!.map((c) => c.vsPrevious?.symbol ?? null);
    expect(marks).toEqual([null, '↑', null]);
    expect(result.pairs.filter((p) => p.kind === 'previous').map((p) => [p.a, p.b])).toEqual([
      ['w2', 'w1'],
      ['w3', 'w2'],
    ]);
  });
});

describe('columnProportionsTest — multiple-response columns', () => {
  const input = (withOverlap: boolean): ProportionsInput => ({
    rowKeys: ['yes'],
    groups: [
      {
        columnIds: ['a', 'b'],
        bases: [base(100), base(100)],
        counts: [[60, 45]],
        multipleResponse: true,
        ...(withOverlap ? { overlaps: [{ a: 0, b: 1, sumW: 50, sumW2: 50, n: 50 }] } : {}),
      },
    ],
  });

  it('without overlap counts: not tested, and the table says so', () => {
    const result = columnProportionsTest(input(false));
    expect(result.pairs).toEqual([]);
    expect(result.skipped[0]!.reason).toBe('no-overlap-data');
    expect(result.notes.join(' ')).toContain('without overlap counts');
  });

  it('with overlap counts: the covariance of the shared respondents is subtracted', () => {
    const independent = columnProportionsTest({
      ...input(false),
      groups: [{ ...input(false).groups[0]!, multipleResponse: false }],
    });
    const result = columnProportionsTest(input(true));
    const pair = result.pairs[0]!;
    expect(pair.overlapCorrected).toBe(true);
    // 1/100 + 1/100 − 2·50/(100·100) = 0.01: half the independent variance, z larger by √2.
    expect(pair.statistic).toBeCloseTo(independent.pairs[0]!.statistic * Math.SQRT2, 12);
    expect(result.notes[0]).toContain('overlap correction applied');
  });
});

describe('columnProportionsTest — grids', () => {
  it('uses the correlation of row membership among overlap respondents', () => {
    const group = (rows?: Array<{ inA: number; inB: number; inBoth: number }>) => ({
      columnIds: ['a', 'b'],
      bases: [base(200), base(200)],
      counts: [[120, 90]],
      multipleResponse: true,
      overlaps: [{ a: 0, b: 1, sumW: 100, sumW2: 100, n: 100, ...(rows ? { rows } : {}) }],
    });
    const run = (rows?: Array<{ inA: number; inB: number; inBoth: number }>) =>
      columnProportionsTest({ rowKeys: ['r'], groups: [group(rows)] }).pairs[0]!.statistic;
    const independent = columnProportionsTest({
      rowKeys: ['r'],
      groups: [{ ...group(), multipleResponse: false }],
    }).pairs[0]!.statistic;
    // Same rows under both columns: r = 1, the ordinary multiple-response case.
    expect(run([{ inA: 60, inB: 60, inBoth: 60 }])).toBeCloseTo(run(), 12);
    // 50 of 100 in the row under each column, 25 under both: uncorrelated, r = 0.
    expect(run([{ inA: 50, inB: 50, inBoth: 25 }])).toBeCloseTo(independent, 12);
  });
});

describe('columnProportionsTest — input checks', () => {
  it('rejects arrays that do not match the columns', () => {
    const bad: ProportionsInput = {
      rowKeys: ['r'],
      groups: [{ columnIds: ['a', 'b'], bases: [base(10)], counts: [[1, 2]] }],
    };
    expect(() => columnProportionsTest(bad)).toThrow(/bases/);
  });
});

// -----------------------------------------------------------------------------------------------
// Against R (prop.test, p.adjust, and the weighted formulas computed by hand in R).

const reference = rReference();

function inputOf(table: RProportionsTable): ProportionsInput {
  return {
    rowKeys: table.rows,
    groups: [
      {
        columnIds: table.columns,
        bases: table.bases,
        counts: table.counts,
        multipleResponse: table.multipleResponse,
        ...(table.overlaps === null ? {} : { overlaps: table.overlaps }),
      },
    ],
    total: { id: 'total', base: table.total.base, counts: table.total.counts },
  };
}

function byKey(pairs: readonly PairTest[]): Map<string, PairTest> {
  return new Map(pairs.map((p) => [`${p.kind}|${p.rowKey}|${p.a}|${p.b}`, p]));
}

describe.each(reference.proportions)('against R: $name', (table) => {
  const key = (kind: string, row: number, a: number, b: number | null): string =>
    `${kind}|${table.rows[row]}|${table.columns[a]}|${b === null ? 'total' : table.columns[b]}`;
  const run = (preset: SignificancePreset) =>
    byKey(columnProportionsTest(inputOf(table), { preset }).pairs);

  it('spss: the same pairs as R, z and p as prop.test, Bonferroni as p.adjust', () => {
    const ours = run('spss');
    const columns = [...ours.values()].filter((p) => p.kind === 'columns');
    expect(columns).toHaveLength(table.z.length);
    for (const r of table.z) {
      const pair = ours.get(key('columns', r.row!, r.a, r.b))!;
      expectClose(pair.statistic, r.statistic!, 1e-9);
      expectCloseP(pair.p, r.p);
      expectCloseP(pair.adjustedP, r.pBonferroni!);
    }
  });

  it('spss: each column vs the rest of the sample as prop.test, Bonferroni per row', () => {
    const ours = run('spss');
    const totals = [...ours.values()].filter((p) => p.kind === 'total');
    expect(totals).toHaveLength(table.totalZ.length);
    for (const r of table.totalZ) {
      const pair = ours.get(key('total', r.row!, r.a, null))!;
      expectClose(pair.statistic, r.statistic, 1e-9);
      expectCloseP(pair.p, r.p);
      expectCloseP(pair.adjustedP, r.pBonferroni!);
    }
  });

  it('q: Benjamini–Hochberg over every pair of the table as p.adjust("BH")', () => {
    const ours = run('q');
    expect([...ours.values()].filter((p) => p.kind === 'columns')).toHaveLength(table.zAll.length);
    for (const r of table.zAll) {
      const pair = ours.get(key('columns', r.row!, r.a, r.b))!;
      expectCloseP(pair.p, r.p);
      expectCloseP(pair.adjustedP, r.pBH!);
    }
    for (const r of table.totalAll) {
      expectCloseP(ours.get(key('total', r.row!, r.a, null))!.adjustedP, r.pBH);
    }
  });

  it('dimensions: t and its df = e1 + e2 − e0 − 2 as computed in R', () => {
    const ours = run('dimensions');
    expect([...ours.values()].filter((p) => p.kind === 'columns')).toHaveLength(
      table.tDimensions.length,
    );
    for (const r of table.tDimensions) {
      const pair = ours.get(key('columns', r.row!, r.a, r.b))!;
      expectClose(pair.statistic, r.statistic!, 1e-9);
      expectClose(pair.df!, r.df!, 1e-12);
      expectCloseP(pair.p, r.p);
    }
  });
});
