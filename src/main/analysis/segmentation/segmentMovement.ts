/**
 * Movement between waves, read off a cross-table of the segment variable by wave (or by country
 * and wave nested) that runTable computed: each segment's share per wave, the change in points
 * from the previous wave, and the cross-tab engine's own test of that change — the ↑/↓ comparison
 * of each wave with the previous wave (docs/statistics.md: a two-proportion z-test on effective
 * bases, pooled, adjusted as the preset adjusts). Nothing is recomputed here; the table is the
 * single source of the numbers.
 */
import type { SegmentMovement } from '../../../shared/domain/segments';
import type { TableColumn, TableResult } from '../../../shared/domain/table';

/**
 * One movement per outer group of the wave columns: the whole table for a plain wave banner,
 * one per country for country/wave. `level` is the confidence a change must reach.
 */
export function segmentMovement(
  result: TableResult,
  segmentVariable: string,
  level: number,
): SegmentMovement[] {
  const columns = result.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => column.group >= 0);
  const groups = new Map<string, Array<{ column: TableColumn; index: number }>>();
  for (const entry of columns) {
    const outer = entry.column.within?.map((w) => w.label).join(' › ') ?? 'All respondents';
    groups.set(outer, [...(groups.get(outer) ?? []), entry]);
  }
  const rows = result.rows.filter(
    (row) => row.variable.toLowerCase() === segmentVariable.toLowerCase() && row.code !== null,
  );
  const previousTests = result.tests.pairs.filter((pair) => pair.kind === 'previous');
  const out: SegmentMovement[] = [];
  for (const [group, entries] of groups) {
    const waves = entries.filter(({ index }) => (result.bases[index]?.n ?? 0) > 0);
    if (waves.length === 0) continue;
    // A nested column is labelled "Germany › 2025": the wave is the innermost part.
    const waveLabel = (column: TableColumn) => column.label.split(' › ').at(-1)!;
    out.push({
      group,
      waves: waves.map(({ column, index }) => ({
        code: Number(column.code),
        label: waveLabel(column),
        base: result.bases[index]!.n,
      })),
      segments: rows.map((row) => ({
        code: Number(row.code),
        label: row.label,
        shares: waves.map(({ index }) => row.cells[index]!.colPct),
        changes: waves.slice(1).map(({ column, index }, i) => {
          const before = waves[i]!;
          const test = previousTests.find(
            (pair) =>
              pair.row.variable === row.variable &&
              pair.row.code === row.code &&
              pair.a === column.id &&
              pair.b === before.column.id,
          );
          const adjustedP = test ? (test.adjustedP ?? test.p) : null;
          return {
            from: waveLabel(before.column),
            to: waveLabel(column),
            points: (row.cells[index]!.colPct ?? 0) - (row.cells[before.index]!.colPct ?? 0),
            p: test?.p ?? null,
            adjustedP,
            significant: adjustedP === null ? null : adjustedP <= 1 - level,
          };
        }),
      })),
    });
  }
  return out;
}
