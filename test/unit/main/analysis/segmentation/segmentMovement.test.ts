/**
 * Movement between waves from the cross-tab engine's table of segment by wave: shares, the change
 * in points, and the engine's test of each wave against the previous one — checked by hand on ten
 * respondents a wave.
 */
import { describe, expect, it } from 'vitest';
import { runTable } from '../../../../../src/main/analysis/crosstab/runTable';
import type { TableData, TableVariable } from '../../../../../src/main/analysis/crosstab/tableData';
import { segmentMovement } from '../../../../../src/main/analysis/segmentation/segmentMovement';

function variable(name: string, values: number[], labels: Array<[number, string]>): TableVariable {
  return {
    name,
    type: 'single',
    label: name,
    valueLabels: labels.map(([code, label]) => ({ code, label })),
    missing: [],
    values: Float64Array.from(values),
  };
}

// Wave 2025: 5 of 10 are fans. Wave 2026: 8 of 10. Country 1 in both waves, country 2 only in 2026.
const segment = [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2];
const wave = [...new Array<number>(10).fill(1), ...new Array<number>(10).fill(2)];
const country = [...new Array<number>(15).fill(1), ...new Array<number>(5).fill(2)];
const data: TableData = {
  rows: 20,
  variable: (name) =>
    ({
      fans: variable('fans', segment, [
        [1, 'Fans'],
        [2, 'Others'],
      ]),
      wave: variable('wave', wave, [
        [1, '2025'],
        [2, '2026'],
      ]),
      country: variable('country', country, [
        [1, 'Germany'],
        [2, 'Korea'],
      ]),
    })[name]!,
};

describe('movement between waves', () => {
  it('gives shares per wave, the change in points and the pooled z-test of the change', () => {
    const table = runTable(data, { rows: ['fans'], columns: [{ variables: ['wave'] }] });
    const [overall] = segmentMovement(table, 'fans', 0.95);
    expect(overall!.group).toBe('All respondents');
    expect(overall!.waves).toEqual([
      { code: 1, label: '2025', base: 10 },
      { code: 2, label: '2026', base: 10 },
    ]);
    const fans = overall!.segments[0]!;
    expect(fans.shares).toEqual([50, 80]);
    // Pooled p = 13/20 = 0.65; z = 0.3 / √(0.65 · 0.35 · (1/10 + 1/10)) = 1.4064; p = 0.1596.
    expect(fans.changes).toHaveLength(1);
    expect(fans.changes[0]!.points).toBeCloseTo(30, 12);
    expect(fans.changes[0]!.p).toBeCloseTo(0.1596, 4);
    expect(fans.changes[0]!).toMatchObject({ from: '2025', to: '2026', significant: false });
  });

  it('gives one movement per country for country/wave, leaving out waves a country was not in', () => {
    const table = runTable(data, { rows: ['fans'], columns: [{ variables: ['country', 'wave'] }] });
    const movements = segmentMovement(table, 'fans', 0.95);
    expect(movements.map((m) => [m.group, m.waves.map((w) => w.label)])).toEqual([
      ['Germany', ['2025', '2026']],
      ['Korea', ['2026']],
    ]);
    // Germany: 5 of 10 fans, then all 5.
    expect(movements[0]!.segments[0]!.shares).toEqual([50, 100]);
    expect(movements[1]!.segments[0]!.changes).toEqual([]);
  });
});
