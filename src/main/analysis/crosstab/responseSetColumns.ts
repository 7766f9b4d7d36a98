/**
 * Multiple-response sets as banner columns: one column per answer, a respondent counted in every
 * column whose answer they chose, so columns overlap. This is a slower path than the fused kernel:
 * each answer is counted as its own one-column banner group (values 1 = chosen, else missing, so
 * the column's base is those who chose it, filter applied), the groups are then merged back into
 * one group with letters A, B, … and the kernel sums joined. The overlap of each pair of columns
 * (respondents who chose both) is counted here respondent by respondent, and the significance
 * module corrects the column tests with it: V = p̄(1 − p̄)(1/e1 + 1/e2 − 2·e0/(e1·e2)), e0 = W0²/Q0 of
 * the respondents in both columns (Dimensions' column proportions test with overlap, as quantipy's
 * Test._se_prop_pooled/_overlap computes it; docs/statistics.md, "Multiple-response sets as banner
 * columns").
 */
import type { TableColumn, TableSpec } from '../../../shared/domain/table';
import type { ColumnOverlap } from '../significance/index';
import { columnLetter } from './bannerColumns';
import type { BuiltTable, TableInputs } from './buildTable';
import type { CellSums } from './crosstabKernel';
import { hasResponseSets, type ResponseSet } from './multiResponse';
import { userMissingTest, type TableData, type TableVariable } from './tableData';

const SEPARATOR = '|';

export interface BannerSet {
  set: ResponseSet;
  /** Index of the set's first answer group in the expanded spec's columns. */
  firstGroup: number;
}

/** Overlaps of a merged multiple-response group, per row variable (stub or means variable). */
export interface MultipleResponseGroup {
  group: number;
  overlaps(variable: string): ColumnOverlap[];
}

function answerColumnVariable(
  set: ResponseSet,
  answer: ResponseSet['answers'][number],
): TableVariable {
  const values = new Float64Array(answer.chosen.length);
  for (let i = 0; i < values.length; i++) values[i] = answer.chosen[i] === 1 ? 1 : Number.NaN;
  return {
    name: `${set.name}${SEPARATOR}${answer.code}`,
    type: 'single',
    label: set.label,
    valueLabels: [
      {
        code: 1,
        label: answer.label,
        ...(answer.labelLanguage ? { labelLanguage: answer.labelLanguage } : {}),
      },
    ],
    missing: [],
    values,
  };
}

/** Replaces every set in the banner by one single-column group per answer. */
export function expandBannerSets(
  data: TableData,
  spec: TableSpec,
): { data: TableData; spec: TableSpec; bannerSets: BannerSet[] } {
  if (!hasResponseSets(data)) return { data, spec, bannerSets: [] };
  const bannerSets: BannerSet[] = [];
  const answers = new Map<string, TableVariable>();
  const columns: TableSpec['columns'] = [];
  for (const group of spec.columns) {
    const sets = group.variables.map((name) => data.responseSet(name));
    if (sets.every((set) => set === null)) {
      columns.push(group);
      continue;
    }
    const set = sets[0];
    if (group.variables.length > 1 || !set) {
      throw new Error(
        `banner group ${group.variables.join('/')}: a multiple-response set cannot be nested`,
      );
    }
    bannerSets.push({ set, firstGroup: columns.length });
    for (const answer of set.answers) {
      const variable = answerColumnVariable(set, answer);
      answers.set(variable.name.toLowerCase(), variable);
      columns.push({ ...group, variables: [variable.name] });
    }
  }
  if (bannerSets.length === 0) return { data, spec, bannerSets };
  return {
    data: {
      rows: data.rows,
      variable: (name) => answers.get(name.toLowerCase()) ?? data.variable(name),
      responseSet: (name: string) => data.responseSet(name),
    } as TableData,
    spec: { ...spec, columns },
    bannerSets,
  };
}

/** Joins the one-column sums of a set's answers into one group's sums (answers, then Total). */
function joinSums(parts: CellSums[], rowCount: number): CellSums {
  const columnCount = parts.length + 1;
  const joined = {
    ...parts[0]!,
    columnCount,
    n: new Float64Array(rowCount * columnCount),
    sumW: new Float64Array(rowCount * columnCount),
    sumW2: new Float64Array(rowCount * columnCount),
  };
  for (let r = 0; r < rowCount; r++) {
    parts.forEach((part, k) => {
      for (const [to, from] of [[k, 0], ...(k === 0 ? [[parts.length, 1]] : [])] as Array<
        [number, number]
      >) {
        joined.n[r * columnCount + to] = part.n[r * part.columnCount + from]!;
        joined.sumW[r * columnCount + to] = part.sumW[r * part.columnCount + from]!;
        joined.sumW2[r * columnCount + to] = part.sumW2[r * part.columnCount + from]!;
      }
    });
  }
  return joined;
}

/**
 * Merges each set's answer groups back into one banner group (letters A, B, … over its answers;
 * later groups renumbered) and returns how to count the overlaps of its columns.
 */
export function mergeBannerSets(
  built: BuiltTable,
  data: TableData,
  bannerSets: BannerSet[],
  inputs: TableInputs,
): MultipleResponseGroup[] {
  if (bannerSets.length === 0) return [];
  const { result } = built;
  // Expanded group number → merged group number and, for a set, the answer's position.
  const groupMap = new Map<number, { group: number; answer: number | null }>();
  let expanded = 0;
  let merged = 0;
  const groupsExpanded = Math.max(-1, ...result.columns.map((c) => c.group)) + 1;
  while (expanded < groupsExpanded) {
    const set = bannerSets.find((s) => s.firstGroup === expanded);
    if (set) {
      set.set.answers.forEach((_, k) => groupMap.set(expanded + k, { group: merged, answer: k }));
      expanded += set.set.answers.length;
    } else {
      groupMap.set(expanded, { group: merged, answer: null });
      expanded += 1;
    }
    merged += 1;
  }
  const setOfGroup = new Map(
    bannerSets.map((s) => [groupMap.get(s.firstGroup)?.group ?? -1, s.set]),
  );
  result.columns = result.columns.map((column): TableColumn => {
    if (column.group < 0) return column;
    const place = groupMap.get(column.group)!;
    if (place.answer === null) return { ...column, group: place.group };
    const set = setOfGroup.get(place.group)!;
    const answer = set.answers[place.answer]!;
    return {
      ...column,
      id: `${set.name}:${answer.code}`,
      variable: set.name,
      code: answer.code,
      label: answer.label,
      letter: columnLetter(place.answer),
      group: place.group,
    };
  });
  // Kernel sums: one joined entry per stub and set group; other groups renumbered.
  const sums: BuiltTable['sums'] = [];
  for (const entry of built.sums) {
    const place = groupMap.get(entry.group)!;
    if (place.answer === null) sums.push({ ...entry, group: place.group });
    else if (place.answer === 0) {
      const parts = built.sums
        .filter(
          (s) => s.variable === entry.variable && groupMap.get(s.group)?.group === place.group,
        )
        .sort((a, b) => a.group - b.group)
        .map((s) => s.sums);
      sums.push({ ...entry, group: place.group, sums: joinSums(parts, entry.codes.length) });
    }
  }
  built.sums = sums;

  const { weights, mask } = inputs;
  return [...setOfGroup].map(([group, set]) => ({
    group,
    overlaps(variableName: string): ColumnOverlap[] {
      const variable = data.variable(variableName);
      const rowCodes = new Set(
        result.rows
          .filter((r) => r.variable === variable.name && r.code !== null)
          .map((r) => r.code),
      );
      const isMissing = userMissingTest(variable.missing);
      // A stub's rows name its valid codes; a means variable is valid when not missing.
      const valid = (x: number): boolean =>
        rowCodes.size > 0 ? rowCodes.has(x) : !Number.isNaN(x) && !isMissing(x);
      const k = set.answers.length;
      const n = new Float64Array(k * k);
      const sumW = new Float64Array(k * k);
      const sumW2 = new Float64Array(k * k);
      const chosen: number[] = [];
      for (let i = 0; i < data.rows; i++) {
        if (mask !== null && mask[i] === 0) continue;
        const w = weights === null ? 1 : weights[i]!;
        if (!(w > 0) || !valid(variable.values[i]!)) continue;
        chosen.length = 0;
        for (let a = 0; a < k; a++) if (set.answers[a]!.chosen[i] === 1) chosen.push(a);
        for (let x = 0; x < chosen.length; x++) {
          for (let y = x + 1; y < chosen.length; y++) {
            const cell = chosen[x]! * k + chosen[y]!;
            n[cell]! += 1;
            sumW[cell]! += w;
            sumW2[cell]! += w * w;
          }
        }
      }
      const overlaps: ColumnOverlap[] = [];
      for (let a = 0; a < k; a++) {
        for (let b = a + 1; b < k; b++) {
          const cell = a * k + b;
          overlaps.push({ a, b, n: n[cell]!, sumW: sumW[cell]!, sumW2: sumW2[cell]! });
        }
      }
      return overlaps;
    },
  }));
}
