/**
 * RIM (raking) weights: weights whose weighted margins on a few variables hit given targets,
 * as close as possible to a starting weight (equal, or a base weight) — iterative proportional
 * fitting, the same estimator as R survey::rake and the SPSS/Quantipy "rim" weights.
 *
 * The work is done on the table of joint cells, not on respondents (../shared/PERFORMANCE.md):
 * every row's joint cell is built once and base weights summed per cell (jointCells.ts), IPF runs
 * on those few hundred cells (ipf.ts), and the cell factors are applied to the rows once. Raking
 * only ever multiplies all rows of a joint cell by the same factor, so this is exactly row-by-row
 * raking, at a fraction of the cost.
 *
 * Rows that cannot be raked — a raking variable missing, a code with no target, or a base weight
 * that is missing, infinite or negative — get weight NaN (system-missing) and do not count towards
 * the total. R's survey::rake refuses incomplete data (na.fail) and SPSS drops cases whose weight
 * is missing, so "no weight" is what both audiences expect, and it keeps such rows out of weighted
 * tables instead of silently giving them the base weight. The pre-check (weightChecks.ts) lists
 * them first.
 *
 * Caps (on the weight relative to the mean weight, e.g. 0.2–5) are applied after raking; the
 * capped weights then become the start of another raking, and so on until both the margins and the
 * caps hold (each within `tolerance`, relative) or the iteration budget is spent: the usual
 * rake–trim–rake loop, reproduced in R around survey::rake for the reference tests.
 */
import { type CodeColumn, type RowSubset, isMissingCode } from './codeColumn';
import {
  DEFAULT_MAX_ITERATIONS,
  DEFAULT_TOLERANCE,
  type IpfMargin,
  ipf,
  ipfMaxRelativeError,
} from './ipf';
import { buildJointCells, byCellId } from './jointCells';
import {
  type RimTargets,
  type TargetKind,
  absoluteTargets,
  resolveTargets,
  weightTotal,
} from './rimTargets';

export type { CodeColumn, RowSubset } from './codeColumn';
export type { RimTargets, TargetKind } from './rimTargets';

export interface WeightCap {
  /** Smallest weight, as a multiple of the mean weight (e.g. 0.2). */
  readonly min: number;
  /** Largest weight, as a multiple of the mean weight (e.g. 5). */
  readonly max: number;
}

export interface RimOptions {
  /** Every margin within this of its target, relative (default 1e-10); also the slack on caps. */
  readonly tolerance?: number;
  /** IPF sweeps at most, over all capping rounds (default 1,000). */
  readonly maxIterations?: number;
  readonly cap?: WeightCap;
  /** Shares or counts for every variable; absent: per variable, by its sum (1 or 100: shares). */
  readonly targetsAre?: TargetKind;
}

export interface RimInput {
  /** Coded columns by variable name; every name in `targets` must be here. */
  readonly columns: ReadonlyMap<string, CodeColumn>;
  readonly targets: RimTargets;
  /** Starting weights (default: 1 for every row). */
  readonly baseWeight?: Float64Array;
  readonly options?: RimOptions;
}

export interface RimMargin {
  readonly variable: string;
  readonly kind: TargetKind;
  readonly codes: number[];
  /** Targets in weight units (shares scaled to the total). */
  readonly targets: number[];
  /** Weighted totals reached. */
  readonly achieved: number[];
}

/** Raking of one set of rows, without the weights themselves. */
export interface RimSummary {
  readonly converged: boolean;
  /** IPF sweeps done, over all capping rounds. */
  readonly iterations: number;
  /** Rakings done (1 without caps; each further one follows a capping). */
  readonly capRounds: number;
  /** Largest |margin − target| / target at the end. */
  readonly maxRelativeError: number;
  /** Whether every weight lies within the caps (true without caps). */
  readonly capsHold: boolean;
  /** What the weights sum to: the count targets' total, else the base total of the rows raked. */
  readonly total: number;
  readonly rowsWeighted: number;
  /** Rows given NaN: raking variable missing, code without a target, or base weight unusable. */
  readonly rowsExcluded: number;
  /** Joint cells that occur among the rows weighted. */
  readonly cells: number;
  readonly margins: RimMargin[];
}

export interface RimResult extends RimSummary {
  /** One weight per row; NaN for rows not weighted. */
  readonly weights: Float64Array;
}

function validate(input: RimInput, rowCount: number): void {
  if (input.targets.size === 0) throw new Error('rimWeights: no raking variables');
  for (const [name, targets] of input.targets) {
    const column = input.columns.get(name);
    if (!column) throw new Error(`rimWeights: no column for raking variable ${name}`);
    if (column.length !== rowCount) {
      throw new Error(`rimWeights: ${name} has ${column.length} rows, expected ${rowCount}`);
    }
    if (targets.size === 0) throw new Error(`rimWeights: ${name} has no targets`);
    for (const [code, value] of targets) {
      if (!Number.isFinite(value) || value < 0) {
        throw new Error(`rimWeights: target ${value} for ${name} = ${code} is not a number ≥ 0`);
      }
      if (isMissingCode(column, code)) {
        throw new Error(`rimWeights: target code ${code} of ${name} is the missing-value code`);
      }
    }
  }
  if (input.baseWeight && input.baseWeight.length !== rowCount) {
    throw new Error(
      `rimWeights: base weight has ${input.baseWeight.length} rows, expected ${rowCount}`,
    );
  }
  const o = input.options ?? {};
  if (o.tolerance !== undefined && !(o.tolerance > 0)) {
    throw new Error('rimWeights: tolerance must be > 0');
  }
  if (
    o.maxIterations !== undefined &&
    !(Number.isInteger(o.maxIterations) && o.maxIterations >= 1)
  ) {
    throw new Error('rimWeights: maxIterations must be an integer ≥ 1');
  }
  if (o.cap && !(o.cap.min >= 0 && o.cap.min <= 1 && o.cap.max >= 1)) {
    // On the mean-1 scale a minimum above 1 (or a maximum below 1) can never hold.
    throw new Error(`rimWeights: cap ${o.cap.min}–${o.cap.max} must have min ≤ 1 ≤ max, min ≥ 0`);
  }
}

/** Number of rows the input describes (the length of its columns). */
function rowCountOf(input: RimInput): number {
  const first = input.targets.keys().next();
  const column = first.done ? undefined : input.columns.get(first.value);
  return column?.length ?? 0;
}

/** fitted / seed per cell; 1 where the cell carries no weight (its rows keep weight 0). */
function cellFactors(fitted: Float64Array, seed: Float64Array): Float64Array {
  const factor = new Float64Array(seed.length);
  for (let c = 0; c < seed.length; c++) {
    const s = seed[c] as number;
    factor[c] = s > 0 ? (fitted[c] as number) / s : 1;
  }
  return factor;
}

interface CapOutcome {
  converged: boolean;
  capsHold: boolean;
  iterations: number;
  capRounds: number;
}

/**
 * Rake, cap, rake again… on "units" that share one weight: the cells themselves when there is no
 * base weight (every row of a cell has the same weight, so the loop never touches rows), else the
 * rows. `value` holds each unit's current weight per row and is updated in place.
 */
function rakeWithCaps(
  unitCell: Int32Array | null,
  unitMass: Float64Array,
  value: Float64Array,
  cellCount: number,
  margins: IpfMargin[],
  bounds: { lo: number; hi: number },
  tolerance: number,
  maxIterations: number,
): CapOutcome {
  const cellOf = (u: number) => (unitCell === null ? u : (unitCell[u] as number));
  const sums = new Float64Array(cellCount);
  const lo = bounds.lo * (1 - tolerance);
  const hi = bounds.hi * (1 + tolerance);
  let iterations = 0;
  let capRounds = 0;
  for (;;) {
    capRounds++;
    sums.fill(0);
    for (let u = 0; u < value.length; u++) {
      sums[cellOf(u)] =
        (sums[cellOf(u)] as number) + (unitMass[u] as number) * (value[u] as number);
    }
    const fit = ipf(sums, margins, { tolerance, maxIterations: maxIterations - iterations });
    iterations += fit.iterations;
    const factor = cellFactors(fit.fitted, sums);
    let outside = false;
    for (let u = 0; u < value.length; u++) {
      const w = (value[u] as number) * (factor[cellOf(u)] as number);
      value[u] = w;
      // Zero weights (zero base weight, zero target) stay zero: a cap must not bring them back.
      if (w !== 0 && (w < lo || w > hi)) outside = true;
    }
    if (!fit.converged) return { converged: false, capsHold: !outside, iterations, capRounds };
    if (!outside) return { converged: true, capsHold: true, iterations, capRounds };
    if (iterations >= maxIterations) {
      return { converged: false, capsHold: false, iterations, capRounds };
    }
    for (let u = 0; u < value.length; u++) {
      const w = value[u] as number;
      if (w !== 0) value[u] = Math.min(bounds.hi, Math.max(bounds.lo, w));
    }
  }
}

/**
 * Rakes the rows in `rows` (every row when null) and writes their weights into `out` (indexed by
 * row, so several groups can share one output); other entries of `out` are left alone.
 */
export function rakeInto(input: RimInput, rows: RowSubset | null, out: Float64Array): RimSummary {
  const rowCount = rowCountOf(input);
  validate(input, rowCount);
  const options = input.options ?? {};
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  const resolved = resolveTargets(input.targets, options.targetsAre);
  const columns = resolved.map((r) => input.columns.get(r.name) as CodeColumn);
  const m = rows === null ? rowCount : rows.length;
  const base = input.baseWeight;

  const cells = buildJointCells(
    columns,
    resolved.map((r) => r.codes),
    base,
    rows,
    m,
  );
  const cellCount = cells.seed.length;
  const { total } = weightTotal(resolved, sumOf(cells.seed));
  const margins: IpfMargin[] = resolved.map((r, v) => ({
    category: cells.categories[v] as Int32Array,
    targets: absoluteTargets(r, total),
  }));

  const rowAt = (i: number) => (rows === null ? i : (rows[i] as number));
  let fitted: Float64Array;
  let outcome: CapOutcome;
  if (options.cap && cells.rowsWeighted > 0) {
    const mean = total / cells.rowsWeighted;
    const bounds = { lo: options.cap.min * mean, hi: options.cap.max * mean };
    if (base) {
      const unitCell = new Int32Array(cells.rowsWeighted);
      const value = new Float64Array(cells.rowsWeighted);
      const position = new Int32Array(cells.rowsWeighted);
      let u = 0;
      for (let i = 0; i < m; i++) {
        const c = cells.cellOfRow[i] as number;
        if (c < 0) continue;
        unitCell[u] = cells.denseOf[c] as number;
        value[u] = base[rowAt(i)] as number;
        position[u++] = rowAt(i);
      }
      const mass = new Float64Array(value.length).fill(1);
      outcome = rakeWithCaps(
        unitCell,
        mass,
        value,
        cellCount,
        margins,
        bounds,
        tolerance,
        maxIterations,
      );
      for (let v = 0; v < value.length; v++) out[position[v] as number] = value[v] as number;
    } else {
      // Every cell holds rows (buildJointCells keeps only those); each starts at weight 1.
      const value = new Float64Array(cellCount).fill(1);
      outcome = rakeWithCaps(
        null,
        cells.rowCount,
        value,
        cellCount,
        margins,
        bounds,
        tolerance,
        maxIterations,
      );
      const valueById = byCellId(cells, value, Number.NaN);
      for (let i = 0; i < m; i++) {
        const c = cells.cellOfRow[i] as number;
        out[rowAt(i)] = c < 0 ? Number.NaN : (valueById[c] as number);
      }
    }
    if (base) {
      for (let i = 0; i < m; i++)
        if ((cells.cellOfRow[i] as number) < 0) out[rowAt(i)] = Number.NaN;
    }
    fitted = new Float64Array(cellCount);
    for (let i = 0; i < m; i++) {
      const c = cells.cellOfRow[i] as number;
      if (c < 0) continue;
      const d = cells.denseOf[c] as number;
      fitted[d] = (fitted[d] as number) + (out[rowAt(i)] as number);
    }
  } else {
    const fit = ipf(cells.seed, margins, { tolerance, maxIterations });
    fitted = fit.fitted;
    outcome = {
      converged: fit.converged,
      capsHold: true,
      iterations: fit.iterations,
      capRounds: 1,
    };
    const factorById = byCellId(cells, cellFactors(fitted, cells.seed), 1);
    applyFactors(cells.cellOfRow, factorById, base, rows, out);
  }

  return {
    converged: outcome.converged,
    iterations: outcome.iterations,
    capRounds: outcome.capRounds,
    capsHold: outcome.capsHold,
    maxRelativeError: ipfMaxRelativeError(fitted, margins),
    total,
    rowsWeighted: cells.rowsWeighted,
    rowsExcluded: m - cells.rowsWeighted,
    cells: cellCount,
    margins: resolved.map((r, v) => {
      const margin = margins[v] as IpfMargin;
      const achieved = new Float64Array(r.codes.length);
      for (let c = 0; c < cellCount; c++) {
        const k = margin.category[c] as number;
        achieved[k] = (achieved[k] as number) + (fitted[c] as number);
      }
      return {
        variable: r.name,
        kind: r.kind,
        codes: r.codes,
        targets: [...margin.targets],
        achieved: [...achieved],
      };
    }),
  };
}

/** The one pass over rows after IPF: weight = base × factor of the row's cell. */
function applyFactors(
  cellOfRow: Int32Array,
  factor: Float64Array,
  base: Float64Array | undefined,
  rows: RowSubset | null,
  out: Float64Array,
): void {
  const m = cellOfRow.length;
  if (rows === null) {
    if (base) {
      for (let i = 0; i < m; i++) {
        const c = cellOfRow[i] as number;
        out[i] = c < 0 ? Number.NaN : (base[i] as number) * (factor[c] as number);
      }
    } else {
      for (let i = 0; i < m; i++) {
        const c = cellOfRow[i] as number;
        out[i] = c < 0 ? Number.NaN : (factor[c] as number);
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const r = rows[i] as number;
    const c = cellOfRow[i] as number;
    out[r] = c < 0 ? Number.NaN : (base ? (base[r] as number) : 1) * (factor[c] as number);
  }
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum;
}

/** RIM weights for every row (see the module comment for the method and its choices). */
export function rimWeights(input: RimInput): RimResult {
  const weights = new Float64Array(rowCountOf(input));
  const summary = rakeInto(input, null, weights);
  return { ...summary, weights };
}
