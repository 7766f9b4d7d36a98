/**
 * The check before computing RIM weights: everything about targets and data that makes raking
 * fail, fail to converge, or quietly produce weights the user did not mean — listed as structured
 * problems with a message, so the Weights view and the CLI show them before (not after) a long
 * computation. Errors mean raking cannot meet the targets; warnings mean it will, but some rows or
 * categories deserve a look.
 *
 * Counts use the rows raking will actually use (every raking variable has a code with a target,
 * and the base weight is usable), because a category that only occurs next to a missing value is
 * as absent as one that never occurs.
 */
import {
  type CodeColumn,
  type RowSubset,
  categoryIndexes,
  codeCounts,
  codeLookup,
  isMissingCode,
  rowsByCode,
} from './codeColumn';
import {
  type RimTargets,
  type TargetKind,
  COUNT_TOTAL_TOLERANCE,
  resolveTargets,
  weightTotal,
} from './rimTargets';

export type WeightProblemKind =
  /** Targets name a variable that is not in the data. */
  | 'unknownVariable'
  /** A raking variable has no targets. */
  | 'noTargets'
  /** A target is negative, infinite or not a number. */
  | 'invalidTarget'
  /** A target is given for the column's missing-value code. */
  | 'missingCodeTarget'
  /** A code with a positive target occurs in no row that can be raked: it cannot be met. */
  | 'targetCodeAbsent'
  /** Rows carry a code that has no target: they get no weight. */
  | 'dataCodeWithoutTarget'
  /** A code with target 0 occurs: its rows get weight 0. */
  | 'zeroTargetWithRows'
  /** Count targets of different variables sum to different totals: they cannot all be met. */
  | 'inconsistentTotals'
  /** Shares that sum to about, not exactly, 1 or 100: they are scaled to sum exactly. */
  | 'sharesRounded'
  /** Some variables are shares and some counts: the counts fix the total. */
  | 'mixedKinds'
  /** Rows with a raking variable missing: they get no weight. */
  | 'missingValues'
  /** Rows whose base weight is missing, negative or infinite: they get no weight. */
  | 'invalidBaseWeight'
  /** A category with a positive target has fewer rows than the minimum. */
  | 'smallCategory'
  /** A group (or the whole data) has fewer rows to rake than the minimum. */
  | 'smallGroup'
  /** No row can be raked at all. */
  | 'noRows'
  /** Rows whose group code is missing or has no targets: they get no weight. */
  | 'groupWithoutTargets'
  /** Targets are given for a group that does not occur in the data. */
  | 'targetGroupAbsent';

export interface WeightProblem {
  readonly kind: WeightProblemKind;
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly group?: number;
  readonly variable?: string;
  readonly code?: number;
  /** Rows concerned, where that is a count of rows. */
  readonly rows?: number;
}

export interface WeightCheckOptions {
  /** A category with a positive target and fewer rows than this is flagged (default 30). */
  readonly minCategoryCount?: number;
  /** A group with fewer rows to rake than this is flagged (default 100). */
  readonly minGroupSize?: number;
  /** As in RimOptions: force shares or counts. */
  readonly targetsAre?: TargetKind;
}

export const DEFAULT_MIN_CATEGORY_COUNT = 30;
export const DEFAULT_MIN_GROUP_SIZE = 100;

export interface WeightCheckInput {
  readonly columns: ReadonlyMap<string, CodeColumn>;
  readonly targets: RimTargets;
  readonly baseWeight?: Float64Array;
}

export interface WeightCheckByGroupInput {
  readonly columns: ReadonlyMap<string, CodeColumn>;
  readonly group: CodeColumn;
  readonly targets: ReadonlyMap<number, RimTargets>;
  readonly baseWeight?: Float64Array;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const have = (n: number) => (n === 1 ? 'has' : 'have');

function checkRows(
  input: WeightCheckInput,
  rows: RowSubset | null,
  group: number | undefined,
  options: WeightCheckOptions,
): WeightProblem[] {
  const problems: WeightProblem[] = [];
  const where = group === undefined ? '' : ` in group ${group}`;
  const add = (p: Omit<WeightProblem, 'group'>) =>
    problems.push(group === undefined ? p : { ...p, group });
  const minCategory = options.minCategoryCount ?? DEFAULT_MIN_CATEGORY_COUNT;
  const minGroup = options.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;

  // Targets on their own.
  const usable = new Map<string, ReadonlyMap<number, number>>();
  for (const [name, targets] of input.targets) {
    const column = input.columns.get(name);
    if (!column) {
      add({
        kind: 'unknownVariable',
        severity: 'error',
        variable: name,
        message: `Targets${where} name ${name}, which is not in the data.`,
      });
      continue;
    }
    if (targets.size === 0) {
      add({
        kind: 'noTargets',
        severity: 'error',
        variable: name,
        message: `${name}${where} has no targets.`,
      });
      continue;
    }
    let valid = true;
    for (const [code, value] of targets) {
      if (!(Number.isFinite(value) && value >= 0)) {
        valid = false;
        add({
          kind: 'invalidTarget',
          severity: 'error',
          variable: name,
          code,
          message: `The target for ${name} = ${code}${where} is ${value}; targets must be numbers ≥ 0.`,
        });
      }
      if (isMissingCode(column, code)) {
        valid = false;
        add({
          kind: 'missingCodeTarget',
          severity: 'error',
          variable: name,
          code,
          message: `${code} is the missing-value code of ${name}; it cannot have a target.`,
        });
      }
    }
    if (valid) usable.set(name, targets);
  }
  if (usable.size === 0) return problems;

  const resolved = resolveTargets(usable, options.targetsAre);
  for (const r of resolved) {
    if (r.kind !== 'shares' || options.targetsAre) continue;
    const unit = Math.abs(r.sum - 1) < Math.abs(r.sum - 100) ? 1 : 100;
    if (Math.abs(r.sum / unit - 1) > COUNT_TOTAL_TOLERANCE) {
      add({
        kind: 'sharesRounded',
        severity: 'warning',
        variable: r.name,
        message: `The shares of ${r.name}${where} sum to ${r.sum}, not ${unit}; they are scaled to sum to ${unit}.`,
      });
    }
  }
  const counts = resolved.filter((r) => r.kind === 'counts');
  if (!weightTotal(resolved, 0).consistent) {
    add({
      kind: 'inconsistentTotals',
      severity: 'error',
      message: `Count targets${where} sum to different totals (${counts
        .map((r) => `${r.name}: ${r.sum}`)
        .join(', ')}); raking cannot meet them all.`,
    });
  }
  if (counts.length > 0 && counts.length < resolved.length) {
    const countNames = counts.map((r) => r.name).join(', ');
    const isAre = counts.length === 1 ? 'is' : 'are';
    const countTotal = counts[0]?.sum;
    add({
      kind: 'mixedKinds',
      severity: 'warning',
      message: `${countNames}${where} ${isAre} counts (sum ${countTotal}), the rest shares: the weights will sum to ${countTotal}.`,
    });
  }

  // Targets against the data: which rows can be raked, and what they carry.
  const m = rows === null ? (input.columns.get(resolved[0]?.name ?? '')?.length ?? 0) : rows.length;
  const complete = new Uint8Array(m).fill(1);
  const indexes = resolved.map((r) => {
    const column = input.columns.get(r.name) as CodeColumn;
    const index = new Int32Array(m);
    categoryIndexes(column, codeLookup(r.codes), rows, index);
    for (let i = 0; i < m; i++) {
      if ((index[i] as number) < 0) complete[i] = 0;
    }
    const present = codeCounts(column, rows);
    let withCode = 0;
    for (const [code, n] of present) {
      withCode += n;
      if (!usable.get(r.name)?.has(code)) {
        add({
          kind: 'dataCodeWithoutTarget',
          severity: 'warning',
          variable: r.name,
          code,
          rows: n,
          message: `${plural(n, 'row')}${where} ${have(n)} ${r.name} = ${code}, which has no target; they get no weight.`,
        });
      }
    }
    const missing = m - withCode;
    if (missing > 0) {
      add({
        kind: 'missingValues',
        severity: 'warning',
        variable: r.name,
        rows: missing,
        message: `${plural(missing, 'row')}${where} ${have(missing)} ${r.name} missing; they get no weight.`,
      });
    }
    return index;
  });
  if (input.baseWeight) {
    let invalid = 0;
    for (let i = 0; i < m; i++) {
      const b = input.baseWeight[rows === null ? i : (rows[i] as number)] as number;
      if (!(b >= 0 && b < Number.POSITIVE_INFINITY)) {
        invalid++;
        complete[i] = 0;
      }
    }
    if (invalid > 0) {
      add({
        kind: 'invalidBaseWeight',
        severity: 'warning',
        rows: invalid,
        message: `${plural(invalid, 'row')}${where} ${have(invalid)} a base weight that is missing, negative or infinite; they get no weight.`,
      });
    }
  }
  let rakeable = 0;
  for (let i = 0; i < m; i++) rakeable += complete[i] as number;
  if (rakeable === 0) {
    add({
      kind: 'noRows',
      severity: 'error',
      rows: 0,
      message: `No row${where} has a usable code on every raking variable.`,
    });
    return problems;
  }
  if (rakeable < minGroup) {
    add({
      kind: 'smallGroup',
      severity: 'warning',
      rows: rakeable,
      message: `Only ${plural(rakeable, 'row')}${where} can be raked (minimum ${minGroup}).`,
    });
  }

  resolved.forEach((r, v) => {
    const index = indexes[v] as Int32Array;
    const perCode = new Float64Array(r.codes.length);
    for (let i = 0; i < m; i++) {
      const k = index[i] as number;
      if (complete[i] === 1) perCode[k] = (perCode[k] as number) + 1;
    }
    r.codes.forEach((code, k) => {
      const n = perCode[k] as number;
      const target = r.given[k] as number;
      if (target > 0 && n === 0) {
        add({
          kind: 'targetCodeAbsent',
          severity: 'error',
          variable: r.name,
          code,
          rows: 0,
          message: `${r.name} = ${code}${where} has a target of ${target} but no row to carry it.`,
        });
      } else if (target > 0 && n < minCategory) {
        add({
          kind: 'smallCategory',
          severity: 'warning',
          variable: r.name,
          code,
          rows: n,
          message: `${r.name} = ${code}${where} has only ${plural(n, 'row')} (minimum ${minCategory}); their weights may be large.`,
        });
      } else if (target === 0 && n > 0) {
        add({
          kind: 'zeroTargetWithRows',
          severity: 'warning',
          variable: r.name,
          code,
          rows: n,
          message: `${r.name} = ${code}${where} has target 0; its ${plural(n, 'row')} get weight 0.`,
        });
      }
    });
  });
  return problems;
}

/** Problems with raking all rows to `targets`. */
export function checkRimTargets(
  input: WeightCheckInput,
  options: WeightCheckOptions = {},
): WeightProblem[] {
  return checkRows(input, null, undefined, options);
}

/** Problems with raking each group to its targets, plus rows and targets that match no group. */
export function checkRimTargetsByGroup(
  input: WeightCheckByGroupInput,
  options: WeightCheckOptions = {},
): WeightProblem[] {
  const problems: WeightProblem[] = [];
  const codes = [...input.targets.keys()];
  const rowsOf = rowsByCode(input.group, codes);
  const present = codeCounts(input.group, null);
  let withoutTargets = input.group.length;
  codes.forEach((code, k) => {
    const rows = rowsOf[k] as Int32Array;
    withoutTargets -= rows.length;
    if (rows.length === 0) {
      problems.push({
        kind: 'targetGroupAbsent',
        severity: 'warning',
        group: code,
        message: `Targets are given for group ${code}, which has no rows.`,
      });
      return;
    }
    const targets = input.targets.get(code) as RimTargets;
    problems.push(
      ...checkRows(
        { columns: input.columns, targets, baseWeight: input.baseWeight },
        rows,
        code,
        options,
      ),
    );
  });
  let inGroupsWithout = 0;
  for (const [code, n] of present) {
    if (input.targets.has(code)) continue;
    inGroupsWithout += n;
    problems.push({
      kind: 'groupWithoutTargets',
      severity: 'warning',
      group: code,
      rows: n,
      message: `${plural(n, 'row')} in group ${code}, which has no targets; they get no weight.`,
    });
  }
  const groupMissing = withoutTargets - inGroupsWithout;
  if (groupMissing > 0) {
    problems.push({
      kind: 'groupWithoutTargets',
      severity: 'warning',
      rows: groupMissing,
      message: `${plural(groupMissing, 'row')} ${have(groupMissing)} no group (missing); they get no weight.`,
    });
  }
  return problems;
}
