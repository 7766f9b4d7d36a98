// Our RIM weights against R's survey package (rake, svytotal) on survey's api data and on seeded
// data, row by row. The expected numbers were produced by test/reference/weights/rim-reference.R
// and are committed beside it, so these tests need no R (the api data is read from the shared
// fixtures, the same CSV files the R script read).
import { describe, expect, it } from 'vitest';
import type { CodeColumn } from '../../../../../src/main/analysis/weights/codeColumn';
import type { CombineMode } from '../../../../../src/main/analysis/weights/combineWeights';
import { rimWeights } from '../../../../../src/main/analysis/weights/rimWeights';
import { rimWeightsByGroup } from '../../../../../src/main/analysis/weights/rimWeightsByGroup';
import type { RimTargets } from '../../../../../src/main/analysis/weights/rimTargets';
import {
  type WeightSummary,
  weightDiagnostics,
} from '../../../../../src/main/analysis/weights/weightDiagnostics';
import { describeWithFixtures } from '../../../../support/fixtures';
import {
  type ReferenceDiagnostics,
  cases,
  codedColumn,
  maxRelativeDifference,
  numberColumn,
  readTable,
  reference,
  referenceWeights,
  relativeDifference,
  typedTargets,
} from './referenceCases';

// The brief: weights row by row to ~1e-8 relative. Both sides converge far tighter (margins
// within 1e-10 here, survey::rake's epsilon 1e-13 of the total there).
const TOLERANCE = 1e-8;

function expectDiagnostics(ours: WeightSummary, theirs: ReferenceDiagnostics): void {
  expect(ours.n).toBe(theirs.n);
  for (const key of ['sum', 'min', 'max', 'mean', 'effectiveBase', 'efficiency'] as const) {
    expect(relativeDifference(ours[key], theirs[key]), key).toBeLessThan(TOLERANCE);
  }
}

function run(name: string) {
  const spec = cases.cases.find((c) => c.name === name);
  if (!spec) throw new Error(`no case ${name}`);
  const table = readTable(spec.data);
  const columns = new Map<string, CodeColumn>();
  const targets = typedTargets(table, spec.targets, columns);
  const result = rimWeights({
    columns,
    targets,
    baseWeight: spec.baseWeight ? numberColumn(table, spec.baseWeight) : undefined,
    options: spec.cap ? { cap: spec.cap } : {},
  });
  return { spec, table, result };
}

describeWithFixtures('rimWeights against R survey::rake', () => {
  for (const spec of cases.cases) {
    it(`${spec.name}: weights row by row, margins and diagnostics`, () => {
      const { table, result } = run(spec.name);
      const expected = reference.cases[spec.name];
      if (!expected?.diagnostics || !expected.margins) throw new Error('reference missing');

      expect(result.converged).toBe(true);
      expect(result.capsHold).toBe(true);
      expect(result.rowsWeighted).toBe(expected.rowsWeighted);
      expect(result.rowsExcluded).toBe(expected.rowsExcluded);
      expect(relativeDifference(result.total, expected.total as number)).toBeLessThan(1e-12);
      if (spec.cap) expect(result.capRounds).toBe(expected.capRounds);

      const diff = maxRelativeDifference(result.weights, referenceWeights(spec.name));
      expect(diff).toBeLessThan(TOLERANCE);

      for (const margin of result.margins) {
        const { codeOf } = codedColumn(table, margin.variable);
        const theirs = expected.margins[margin.variable] ?? {};
        for (const [label, total] of Object.entries(theirs)) {
          const k = margin.codes.indexOf(codeOf(label));
          expect(relativeDifference(margin.achieved[k] as number, total)).toBeLessThan(TOLERANCE);
        }
      }
      const diagnostics = weightDiagnostics(result.weights, result);
      expectDiagnostics(diagnostics, expected.diagnostics);
      console.log(
        `${spec.name}: max row difference ${diff.toExponential(2)}; sweeps ours ${result.iterations}, ` +
          `survey::rake ${expected.rSweeps}; efficiency ${diagnostics.efficiency.toFixed(6)}`,
      );
    });
  }

  for (const spec of cases.byGroup) {
    for (const mode of ['weighted', 'equal', 'population'] as CombineMode[]) {
      it(`${spec.name}, combined ${mode}: weights, per-group and overall diagnostics`, () => {
        const table = readTable(spec.data);
        const columns = new Map<string, CodeColumn>();
        const targets = new Map<number, RimTargets>(
          Object.entries(spec.targets).map(([g, t]) => [
            Number(g),
            typedTargets(table, t, columns),
          ]),
        );
        const result = rimWeightsByGroup({
          columns,
          group: numberColumn(table, spec.group),
          targets,
          baseWeight: spec.baseWeight ? numberColumn(table, spec.baseWeight) : undefined,
          combine: {
            mode,
            population: new Map(Object.entries(spec.population).map(([g, p]) => [Number(g), p])),
          },
        });
        const name = `${spec.name}-${mode}`;
        const expected = reference.cases[name];
        if (!expected?.groups || !expected.overall) throw new Error('reference missing');

        const diff = maxRelativeDifference(result.weights, referenceWeights(name));
        expect(diff).toBeLessThan(TOLERANCE);
        expect(result.overall.converged).toBe(true);
        expectDiagnostics(result.overall, expected.overall);
        for (const group of expected.groups) {
          const ours = result.groups.find((g) => g.group === Number(group.group));
          if (!ours) throw new Error(`no group ${group.group}`);
          expect(ours.diagnostics.converged).toBe(true);
          expectDiagnostics(ours.diagnostics, group.diagnostics);
        }
        console.log(`${name}: max row difference ${diff.toExponential(2)}`);
      });
    }
  }
});

describe('reference files', () => {
  it('were produced by R survey (provenance recorded)', () => {
    expect(reference.generatedBy).toMatch(/rim-reference\.R with R \S+ survey \S+/);
  });
});
