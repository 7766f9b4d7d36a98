/**
 * A scheme's conditions as Excel formulas, so the typing tool's sheet computes the segment itself.
 * Excel has no "unknown", so each condition becomes two formulas — whether it surely holds and
 * whether it may hold (it does unless an answered question rules it out) — which carry exactly
 * the three-valued logic of the rules (segmentRules.ts): true = (holds), false = (not may hold),
 * undecided = (may hold, not holds). Then
 *
 *   any:  holds = OR(holds of parts)     may = OR(may of parts)
 *   all:  holds = AND(holds of parts)    may = AND(may of parts)
 *   not:  holds = NOT(may of the part)   may = NOT(holds of the part)
 *
 * and a test on an unanswered question does not hold but may (with `missingAnswers: 'not-met'`
 * it neither holds nor may). Each question is read from a cell that is empty ("") when it was not
 * answered or the answer counts as none, so ISNUMBER says whether it was answered.
 */
import type { CompareOp, SegmentCondition, SegmentScheme } from '../../../shared/domain/segments';
import type { MissingSpec } from '../../../shared/domain/dataset';

export interface ConditionFormulas {
  holds: string;
  may: string;
}

const OPERATOR: Record<CompareOp, string> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

/** A number as Excel reads it: never in exponent form. */
function excelNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(17).replace(/\.?0+$/, '');
}

/**
 * The formulas of a condition; `cellOf(role)` is the cell holding the role's answer (e.g. `K6`).
 */
export function conditionFormulas(
  condition: SegmentCondition,
  cellOf: (role: string) => string,
  missingAnswers: SegmentScheme['missingAnswers'] = 'undecided',
): ConditionFormulas {
  const notMet = missingAnswers === 'not-met';
  const walk = (node: SegmentCondition): ConditionFormulas => {
    if ('role' in node) {
      const cell = cellOf(node.role);
      const cells = [cell];
      let test: string;
      if ('in' in node) {
        test =
          node.in.length === 1
            ? `${cell}=${excelNumber(node.in[0]!)}`
            : `OR(${node.in.map((code) => `${cell}=${excelNumber(code)}`).join(',')})`;
      } else {
        const other =
          typeof node.value === 'number' ? excelNumber(node.value) : cellOf(node.value.role);
        if (typeof node.value !== 'number') cells.push(other);
        test = `${cell}${OPERATOR[node.op]}${other}`;
      }
      const answered = cells.map((c) => `ISNUMBER(${c})`);
      const holds = `AND(${[...answered, test].join(',')})`;
      if (notMet) return { holds, may: holds };
      const unanswered = cells.map((c) => `NOT(ISNUMBER(${c}))`);
      return { holds, may: `OR(${[...unanswered, test].join(',')})` };
    }
    if ('not' in node) {
      const inner = walk(node.not);
      return { holds: `NOT(${inner.may})`, may: `NOT(${inner.holds})` };
    }
    const [fn, parts] = 'any' in node ? ['OR', node.any] : ['AND', node.all];
    const walked = parts.map(walk);
    if (walked.length === 1) return walked[0]!;
    return {
      holds: `${fn}(${walked.map((w) => w.holds).join(',')})`,
      may: `${fn}(${walked.map((w) => w.may).join(',')})`,
    };
  };
  return walk(condition);
}

/**
 * The answer as the rules read it: the typed cell when it holds a number that does not count as
 * no answer (a "don't know" code declared missing), else "".
 */
export function answeredFormula(cell: string, missing: readonly MissingSpec[]): string {
  const tests = [`ISNUMBER(${cell})`];
  for (const spec of missing) {
    if (typeof spec === 'number') tests.push(`${cell}<>${excelNumber(spec)}`);
    else if (typeof spec === 'object') {
      const inside = [
        ...(spec.low !== null ? [`${cell}>=${excelNumber(spec.low)}`] : []),
        ...(spec.high !== null ? [`${cell}<=${excelNumber(spec.high)}`] : []),
      ];
      if (inside.length > 0) tests.push(`NOT(AND(${inside.join(',')}))`);
    }
  }
  return `IF(AND(${tests.join(',')}),${cell},"")`;
}

/**
 * The segment code from the universe's and the rules' cells: outside or undecided universe → "",
 * then the first rule that holds, a rule that may hold (undecided) → "", else the else segment.
 */
export function segmentFormula(
  universe: ConditionFormulas | null,
  rules: ReadonlyArray<{ code: number; cells: ConditionFormulas }>,
  elseCode: number,
): string {
  let formula = String(elseCode);
  for (const rule of [...rules].reverse())
    formula = `IF(${rule.cells.holds},${rule.code},IF(${rule.cells.may},"",${formula}))`;
  return universe ? `IF(${universe.holds},${formula},"")` : formula;
}
