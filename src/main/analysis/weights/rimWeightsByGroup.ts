/**
 * RIM weights raked separately within groups (per country, or country × wave as one derived
 * code), each group to its own targets, then optionally combined across groups, with diagnostics
 * per group and overall — the shape the `weight --rim --by` command and the Weights view report.
 * Each group is raked on its own rows only (a counting sort splits the rows once), so a group's
 * weights are exactly what raking that group alone would give.
 */
import { type CodeColumn, rowsByCode } from './codeColumn';
import { type CombineOptions, combineWeights } from './combineWeights';
import { type RimOptions, type RimSummary, type RimTargets, rakeInto } from './rimWeights';
import { type WeightDiagnostics, weightDiagnostics } from './weightDiagnostics';

export interface RimByGroupInput {
  readonly columns: ReadonlyMap<string, CodeColumn>;
  /** The group of every row (e.g. country). */
  readonly group: CodeColumn;
  /** Targets per group code; each group may rake on its own set of variables. */
  readonly targets: ReadonlyMap<number, RimTargets>;
  readonly baseWeight?: Float64Array;
  readonly options?: RimOptions;
  /** How groups are put together (default: as weighted). */
  readonly combine?: CombineOptions;
}

export interface RimGroupResult {
  readonly group: number;
  readonly rim: RimSummary;
  /** On the final (combined) weights of the group's rows. */
  readonly diagnostics: WeightDiagnostics;
}

export interface RimByGroupResult {
  /** One weight per row; NaN for rows not weighted (no group, no targets, excluded in raking). */
  readonly weights: Float64Array;
  readonly groups: RimGroupResult[];
  /** Over every weighted row: converged when every group did; iterations: the most of any group. */
  readonly overall: WeightDiagnostics;
  /** Rows whose group is missing or has no targets. */
  readonly rowsWithoutGroup: number;
}

export function rimWeightsByGroup(input: RimByGroupInput): RimByGroupResult {
  const n = input.group.length;
  const codes = [...input.targets.keys()];
  for (const targets of input.targets.values()) {
    for (const name of targets.keys()) {
      const length = input.columns.get(name)?.length;
      if (length !== undefined && length !== n) {
        throw new Error(`rimWeightsByGroup: ${name} has ${length} rows, the group ${n}`);
      }
    }
  }
  const rowsOf = rowsByCode(input.group, codes);
  let weights: Float64Array = new Float64Array(n).fill(Number.NaN);
  const summaries = codes.map((code, k) =>
    rakeInto(
      {
        columns: input.columns,
        targets: input.targets.get(code) as RimTargets,
        baseWeight: input.baseWeight,
        options: input.options,
      },
      rowsOf[k] as Int32Array,
      weights,
    ),
  );
  if (input.combine) weights = combineWeights(weights, input.group, input.combine).weights;
  const groups = codes.map((code, k) => {
    const rim = summaries[k] as RimSummary;
    return {
      group: code,
      rim,
      diagnostics: weightDiagnostics(weights, rim, rowsOf[k] as Int32Array),
    };
  });
  const grouped = rowsOf.reduce((a, rows) => a + rows.length, 0);
  return {
    weights,
    groups,
    overall: weightDiagnostics(weights, {
      converged: summaries.every((s) => s.converged),
      iterations: summaries.reduce((a, s) => Math.max(a, s.iterations), 0),
    }),
    rowsWithoutGroup: n - grouped,
  };
}
