/**
 * The counting every table stands on: per (row category, column category) cell, the number of
 * respondents, their summed weight and summed squared weight (for effective bases), plus a Total
 * column that counts everyone with a valid row value whatever their column.
 *
 * crosstabCounts is the plain definition, one pass per table. Tables are counted by the fused
 * kernel of ../shared/PERFORMANCE.md (src/main/kernels/crosstab): stubs and banner groups packed
 * into joint codes, one joint table per (stub pack × banner pack), as WebAssembly on the calling
 * thread and the compute threads, or with its plain-TypeScript reference, which it equals bit
 * for bit (CEW_KERNEL=ts, or where WebAssembly is missing or the table too big for it). Its
 * counts equal crosstabCounts' exactly, and so do unweighted sums; weighted sums are the same
 * sums added in another order (per joint cell, then across joint cells), so they may differ from
 * crosstabCounts' in the last bits (about 1e-14 relative). They are the same on every run and
 * with any number of threads: each joint table is summed in row order by one thread.
 */
import {
  countJoint,
  type BannerInput,
  type CodedColumn,
  type JointCounts,
} from '../../kernels/crosstab/jointCount';
import { jointPlan } from '../../kernels/crosstab/jointPlan';
import { splitJoint, type CellSums, type StubCounts } from '../../kernels/crosstab/jointSplit';
import { wasmCrosstab } from '../../kernels/crosstab/wasmEngine';
import { TooBigForWasm } from '../../kernels/wasmApi';
import { categorize, NONE, type Categories } from './categorize';
import type { TableData, TableVariable } from './tableData';

export type { CellSums, StubCounts };

export function crosstabCounts(
  rowIndex: Uint16Array,
  rowCount: number,
  columnIndex: Uint16Array | null,
  bannerColumns: number,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): CellSums {
  const columnCount = bannerColumns + 1;
  const size = rowCount * columnCount;
  const n = new Float64Array(size);
  const sumW = new Float64Array(size);
  const sumW2 = new Float64Array(size);
  const total = bannerColumns;
  for (let i = 0; i < rowIndex.length; i++) {
    if (mask !== null && mask[i] === 0) continue;
    const r = rowIndex[i]!;
    if (r === NONE) continue;
    const w = weights === null ? 1 : weights[i]!;
    // A missing or zero weight leaves the respondent out, as SPSS WEIGHT does.
    if (!(w > 0)) continue;
    const base = r * columnCount;
    n[base + total]! += 1;
    sumW[base + total]! += w;
    sumW2[base + total]! += w * w;
    if (columnIndex === null) continue;
    const c = columnIndex[i]!;
    if (c === NONE) continue;
    n[base + c]! += 1;
    sumW[base + c]! += w;
    sumW2[base + c]! += w * w;
  }
  return { rowCount, columnCount, n, sumW, sumW2 };
}

/** Which kernel counts: WebAssembly where it runs (the default), or the plain-TypeScript reference. */
export type CrosstabEngine = 'wasm' | 'ts';

/** `alone`: the last `alone` stubs are counted each in a pack of its own (jointPlan). */
function countBatch(
  stubs: readonly CodedColumn[],
  banner: BannerInput,
  engine: CrosstabEngine,
  alone = 0,
): StubCounts[] {
  const stubCategories = stubs.map((stub) => stub.categories);
  const groupColumns = banner.groups.map((group) => group.categories);
  const plan = jointPlan(stubCategories, groupColumns, undefined, alone);
  const wasm = engine === 'wasm' ? wasmCrosstab() : null;
  let counts: JointCounts | null = null;
  if (wasm !== null) {
    try {
      counts = wasm.count(plan, stubs, banner);
    } catch (error) {
      if (!(error instanceof TooBigForWasm)) throw error;
    }
  }
  counts ??= countJoint(plan, stubs, banner);
  return splitJoint(plan, counts, stubCategories, groupColumns);
}

function bannerInput(
  rows: number,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): BannerInput {
  return {
    rows,
    groups: groups.map((group) => ({ index: group.index, categories: group.columns })),
    weights,
    mask,
  };
}

/**
 * Every stub against every banner group at once: per stub, one table per group (Total column
 * last) and the Total column alone. Stubs are given with their number of categories, groups with
 * their number of columns; an index at or past that number (NONE included) is missing.
 */
export function crosstabCountsForStubs(
  stubs: ReadonlyArray<{ index: Uint16Array; categories: number }>,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
  engine: CrosstabEngine = 'wasm',
): StubCounts[] {
  if (stubs.length === 0) return [];
  return countBatch(stubs, bannerInput(stubs[0]!.index.length, groups, weights, mask), engine);
}

/** One stub against every banner group: per group, its table with the Total column last. */
export function crosstabCountsForGroups(
  rowIndex: Uint16Array,
  rowCount: number,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): CellSums[] {
  return crosstabCountsForStubs(
    [{ index: rowIndex, categories: rowCount }],
    groups,
    weights,
    mask,
  )[0]!.groups;
}

/** Per column of the banner, Total first: what columnBases returns. */
export interface ColumnBaseSums {
  n: Float64Array;
  sumW: Float64Array;
  sumW2: Float64Array;
}

let everyoneColumn: Uint16Array | null = null;

/**
 * A stub that everyone answers with its one category: its counts are the banner's bases. One
 * array (never written) serves every table, so the kernel sees the same stub columns again.
 */
function everyoneStub(rows: number): CodedColumn {
  if (everyoneColumn?.length !== rows) everyoneColumn = new Uint16Array(rows);
  return { index: everyoneColumn, categories: 1 };
}

function basesOf(everyone: StubCounts): ColumnBaseSums {
  const sums = [everyone.total, ...everyone.groups];
  const pick = (field: 'n' | 'sumW' | 'sumW2') =>
    Float64Array.from(
      sums.flatMap((table, t) => Array.from(table[field].subarray(0, t === 0 ? 1 : -1))),
    );
  return { n: pick('n'), sumW: pick('sumW'), sumW2: pick('sumW2') };
}

/**
 * The bases of a banner: per column, Total first then each group's columns in order, the
 * respondents in it (filter applied, positive weight) whatever their answers to any stub.
 * countStubs counts the same along with its first batch of stubs (`onBases`).
 */
export function columnBases(
  rows: number,
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
): ColumnBaseSums {
  // The banner stays in the kernel for the stubs of the same table, and for the next table.
  const [bases] = countBatch(
    [everyoneStub(rows)],
    bannerInput(rows, groups, weights, mask),
    'wasm',
  );
  return basesOf(bases!);
}

/**
 * Stub columns held at once while counting: about 128 MB of category indexes, so a table of up
 * to 67 stubs over 1,000,000 respondents is one batch, whose columns the kernel keeps for the
 * next count of the same table (wasmEngine.ts).
 */
function stubBatch(rows: number): number {
  return Math.max(8, Math.floor((64 * 1024 * 1024) / Math.max(1, rows)));
}

/**
 * The stubs of a table, categorized and counted against the banner groups a batch at a time (all
 * at once up to about 128 MB of category indexes), in the order given. With `onBases`, the first
 * batch also counts the banner's bases (as columnBases, in a pack of their own, so the same sums
 * bit for bit) and hands them over before its stubs: one job for the compute threads, not two.
 */
export function* countStubs(
  data: TableData,
  names: readonly string[],
  groups: ReadonlyArray<{ index: Uint16Array; columns: number }>,
  weights: Float64Array | null,
  mask: Uint8Array | null,
  onBases?: (bases: ColumnBaseSums) => void,
): Generator<{ variable: TableVariable; categories: Categories; counts: StubCounts }> {
  const batch = stubBatch(data.rows);
  const banner = bannerInput(data.rows, groups, weights, mask);
  for (let first = 0; first < names.length; first += batch) {
    const stubs = names.slice(first, first + batch).map((name) => {
      const variable = data.variable(name);
      return { variable, categories: categorize(variable) };
    });
    const withBases = first === 0 && onBases !== undefined;
    const columns: CodedColumn[] = stubs.map(({ categories }) => ({
      index: categories.index,
      categories: categories.codes.length,
    }));
    if (withBases) columns.push(everyoneStub(data.rows));
    const counted = countBatch(columns, banner, 'wasm', withBases ? 1 : 0);
    if (withBases) onBases(basesOf(counted[stubs.length]!));
    for (const [s, stub] of stubs.entries()) yield { ...stub, counts: counted[s]! };
  }
}
