/**
 * The joint cells of a raking: which combination of raking categories each row falls in, built
 * once so that IPF can run on cells and the result be applied to rows in one pass
 * (../shared/PERFORMANCE.md). This is the one part of RIM weighting that touches every row, so it
 * is written for speed:
 * - while the product of category counts is small (the usual case), a row's cell id is its
 *   mixed-radix number, built one variable at a time over blocks of rows that stay in L1 cache,
 *   with Σ base weight and row count gathered in the same block;
 * - integer columns read a lookup table covering every possible value (missing sentinel included),
 *   so the inner loop is a load, a table read and a multiply-add, two variables per pass;
 * - beyond that size, cells are refined variable by variable, numbering only combinations that
 *   occur, so any number of raking variables works.
 * IPF then runs on the cells that hold rows only, numbered densely (`denseOf`).
 */
import { MISSING_U16, MISSING_U8 } from '../../study/columnStore';
import {
  type CodeColumn,
  type CodeLookup,
  type RowSubset,
  categoryIndexes,
  codeLookup,
} from './codeColumn';

// Up to this many possible cells a row's cell is its mixed-radix number (tables of this size are
// cheap); beyond it, cells are refined over the combinations that occur.
const MAX_DIRECT_CELLS = 1 << 16;

// Rows per block: the block's cell ids (16 KB) stay in L1 while each variable updates them.
const BLOCK = 4096;

export interface JointCells {
  /** Cell id of each row in scope, in scope order (−1 = not weighted). */
  readonly cellOfRow: Int32Array;
  /** Dense cell of each cell id (−1 = no row to weight there). */
  readonly denseOf: Int32Array;
  /** Category index of each dense cell, per raking variable. */
  readonly categories: Int32Array[];
  /** Σ base weight per dense cell. */
  readonly seed: Float64Array;
  /** Rows per dense cell. */
  readonly rowCount: Float64Array;
  readonly rowsWeighted: number;
}

/** A per-variable reader: a full table for integer storage, table-or-Map for Float64. */
type Reader =
  | { readonly kind: 'int'; readonly column: Uint8Array | Uint16Array; readonly table: Int32Array }
  | { readonly kind: 'f64'; readonly column: Float64Array; readonly lookup: CodeLookup };

function readerFor(column: CodeColumn, codes: readonly number[]): Reader {
  const lookup = codeLookup(codes);
  if (column instanceof Float64Array) return { kind: 'f64', column, lookup };
  const table = new Int32Array(column instanceof Uint8Array ? 0x100 : 0x10000).fill(-1);
  table.set(lookup.table.subarray(0, table.length));
  for (const [code, j] of lookup.other) if (code >= 0 && code < table.length) table[code] = j;
  table[column instanceof Uint8Array ? MISSING_U8 : MISSING_U16] = -1;
  return { kind: 'int', column, table };
}

/**
 * cell = cell × k + the row's category index, rows start…end−1; −1 once any variable has none
 * (`(c | j) < 0` tests both signs at once: cheaper than two tests in this, the hottest loop).
 */
function accumulate(
  reader: Reader,
  k: number,
  rows: RowSubset | null,
  cell: Int32Array,
  first: boolean,
  start: number,
  end: number,
): void {
  if (reader.kind === 'int') {
    const { column, table } = reader;
    if (first) {
      for (let i = start; i < end; i++) {
        cell[i] = table[column[rows === null ? i : (rows[i] as number)] as number] as number;
      }
      return;
    }
    for (let i = start; i < end; i++) {
      const j = table[column[rows === null ? i : (rows[i] as number)] as number] as number;
      const c = cell[i] as number;
      cell[i] = (c | j) < 0 ? -1 : c * k + j;
    }
    return;
  }
  const { column } = reader;
  const { table, other } = reader.lookup;
  const size = table.length;
  const hasOther = other.size > 0;
  for (let i = start; i < end; i++) {
    const v = column[rows === null ? i : (rows[i] as number)] as number;
    const t = v | 0;
    // NaN | 0 is 0 and 0 !== NaN, so missing falls through to −1 (or the Map, which lacks NaN).
    const j =
      t === v && t >= 0 && t < size ? (table[t] as number) : hasOther ? (other.get(v) ?? -1) : -1;
    const c = first ? 0 : (cell[i] as number);
    cell[i] = (c | j) < 0 ? -1 : c * k + j;
  }
}

/**
 * Two integer variables in one pass: cell = (cell × ka + ja) × kb + jb. Halving the passes over
 * the cell ids measured about 30 % faster than one variable at a time.
 */
function accumulatePair(
  a: Reader & { kind: 'int' },
  ka: number,
  b: Reader & { kind: 'int' },
  kb: number,
  rows: RowSubset | null,
  cell: Int32Array,
  first: boolean,
  start: number,
  end: number,
): void {
  const { column: ca, table: ta } = a;
  const { column: cb, table: tb } = b;
  for (let i = start; i < end; i++) {
    const r = rows === null ? i : (rows[i] as number);
    const ja = ta[ca[r] as number] as number;
    const jb = tb[cb[r] as number] as number;
    const c = first ? 0 : (cell[i] as number);
    cell[i] = (c | ja | jb) < 0 ? -1 : (c * ka + ja) * kb + jb;
  }
}

/**
 * Adds each row's base weight and count to its cell id, rows start…end−1 (without a base weight,
 * only the count: the caller uses it as the seed); a row whose base weight is missing, negative or
 * infinite leaves its cell (−1). Returns rows counted.
 */
function gather(
  cell: Int32Array,
  base: Float64Array | undefined,
  rows: RowSubset | null,
  seedById: Float64Array,
  countById: Float64Array,
  start: number,
  end: number,
): number {
  let counted = 0;
  if (!base) {
    // Without a base weight Σ weight is the row count: one array to update, copied at the end.
    for (let i = start; i < end; i++) {
      const c = cell[i] as number;
      if (c < 0) continue;
      countById[c] = (countById[c] as number) + 1;
      counted++;
    }
    return counted;
  }
  for (let i = start; i < end; i++) {
    const c = cell[i] as number;
    if (c < 0) continue;
    const b = base[rows === null ? i : (rows[i] as number)] as number;
    // NaN fails both comparisons; negative or infinite weights cannot be scaled meaningfully.
    if (!(b >= 0 && b < Number.POSITIVE_INFINITY)) {
      cell[i] = -1;
      continue;
    }
    seedById[c] = (seedById[c] as number) + b;
    countById[c] = (countById[c] as number) + 1;
    counted++;
  }
  return counted;
}

/** Cell ids by variable-by-variable refinement over the combinations that occur. */
function refinedIds(
  columns: readonly CodeColumn[],
  codes: readonly (readonly number[])[],
  rows: RowSubset | null,
  cellOfRow: Int32Array,
): Int32Array[] {
  const m = cellOfRow.length;
  const index = new Int32Array(m);
  let categories: Int32Array[] = [];
  let cellCount = 0;
  columns.forEach((column, v) => {
    const k = (codes[v] as number[]).length;
    categoryIndexes(column, codeLookup(codes[v] as number[]), rows, index);
    if (v === 0) {
      cellOfRow.set(index);
      categories = [Int32Array.from({ length: k }, (_, j) => j)];
      cellCount = k;
      return;
    }
    const dense = new Int32Array(cellCount * k).fill(-1);
    const capacity = Math.min(cellCount * k, m);
    const parent = new Int32Array(capacity);
    const category = new Int32Array(capacity);
    let next = 0;
    for (let i = 0; i < m; i++) {
      const c = cellOfRow[i] as number;
      if (c < 0) continue;
      const j = index[i] as number;
      if (j < 0) {
        cellOfRow[i] = -1;
        continue;
      }
      const key = c * k + j;
      let d = dense[key] as number;
      if (d < 0) {
        d = next++;
        dense[key] = d;
        parent[d] = c;
        category[d] = j;
      }
      cellOfRow[i] = d;
    }
    categories = categories.map((old) => {
      const refined = new Int32Array(next);
      for (let d = 0; d < next; d++) refined[d] = old[parent[d] as number] as number;
      return refined;
    });
    categories.push(category.slice(0, next));
    cellCount = next;
  });
  return categories;
}

/** Category of each mixed-radix cell id, per variable (first variable most significant). */
function radixCategories(sizes: readonly number[]): Int32Array[] {
  const product = sizes.reduce((a, k) => a * k, 1);
  let stride = product;
  return sizes.map((k) => {
    stride /= k;
    const unit = stride;
    return Int32Array.from({ length: product }, (_, id) => Math.floor(id / unit) % k);
  });
}

/**
 * The joint cells of the rows in scope (`rows`, or all `m` rows), with `codes[v]` the target codes
 * of `columns[v]` (a code's position is its category index).
 */
export function buildJointCells(
  columns: readonly CodeColumn[],
  codes: readonly (readonly number[])[],
  base: Float64Array | undefined,
  rows: RowSubset | null,
  m: number,
): JointCells {
  const sizes = codes.map((c) => c.length);
  const product = sizes.reduce((a, k) => a * k, 1);
  const cellOfRow = new Int32Array(m);
  let categoriesById: Int32Array[];
  let seedById: Float64Array;
  let countById: Float64Array;
  let rowsWeighted = 0;
  if (product <= MAX_DIRECT_CELLS) {
    const readers = columns.map((column, v) => readerFor(column, codes[v] as number[]));
    seedById = new Float64Array(product);
    countById = new Float64Array(product);
    for (let start = 0; start < m; start += BLOCK) {
      const end = Math.min(m, start + BLOCK);
      for (let v = 0; v < readers.length; v++) {
        const reader = readers[v] as Reader;
        const partner = readers[v + 1];
        if (reader.kind === 'int' && partner?.kind === 'int') {
          const [ka, kb] = [sizes[v] as number, sizes[v + 1] as number];
          accumulatePair(reader, ka, partner, kb, rows, cellOfRow, v === 0, start, end);
          v++;
        } else {
          accumulate(reader, sizes[v] as number, rows, cellOfRow, v === 0, start, end);
        }
      }
      rowsWeighted += gather(cellOfRow, base, rows, seedById, countById, start, end);
    }
    categoriesById = radixCategories(sizes);
  } else {
    categoriesById = refinedIds(columns, codes, rows, cellOfRow);
    const idCount = categoriesById[0]?.length ?? 0;
    seedById = new Float64Array(idCount);
    countById = new Float64Array(idCount);
    rowsWeighted = gather(cellOfRow, base, rows, seedById, countById, 0, m);
  }

  const idCount = seedById.length;
  const denseOf = new Int32Array(idCount).fill(-1);
  let cellCount = 0;
  for (let id = 0; id < idCount; id++) if ((countById[id] as number) > 0) denseOf[id] = cellCount++;
  const seed = new Float64Array(cellCount);
  const rowCount = new Float64Array(cellCount);
  const categories = categoriesById.map(() => new Int32Array(cellCount));
  for (let id = 0; id < idCount; id++) {
    const d = denseOf[id] as number;
    if (d < 0) continue;
    seed[d] = (base ? seedById[id] : countById[id]) as number;
    rowCount[d] = countById[id] as number;
    categoriesById.forEach((byId, v) => {
      (categories[v] as Int32Array)[d] = byId[id] as number;
    });
  }
  return { cellOfRow, denseOf, categories, seed, rowCount, rowsWeighted };
}

/** A per-dense-cell array spread back to cell ids (`fill` where no row is). */
export function byCellId(cells: JointCells, dense: Float64Array, fill: number): Float64Array {
  const out = new Float64Array(cells.denseOf.length);
  cells.denseOf.forEach((d, id) => {
    out[id] = d < 0 ? fill : (dense[d] as number);
  });
  return out;
}
