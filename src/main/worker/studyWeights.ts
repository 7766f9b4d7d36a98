/**
 * RIM weights in a study: targets given by code or value label (for `country` also its ISO code),
 * per group with `by`, checked before raking (errors stop it, warnings are reported), raked on the
 * joint cell table, and saved as a weight variable with its definition — recomputed when sources
 * change, so the weights always match the data they stand on.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type {
  WeightDefinition,
  WeightGroupReport,
  WeightReport,
} from '../../shared/domain/dataset';
import { pickLabelJson } from '../../shared/domain/labels';
import { checkRimTargets, checkRimTargetsByGroup } from '../analysis/weights/weightChecks';
import { rimWeights, type CodeColumn, type RimTargets } from '../analysis/weights/rimWeights';
import { rimWeightsByGroup } from '../analysis/weights/rimWeightsByGroup';
import { weightDiagnostics, type WeightDiagnostics } from '../analysis/weights/weightDiagnostics';
import { chunkToNumbers } from '../import/columnEncoding';
import { appendAudit } from '../study/auditLog';
import { replaceStudyColumn } from '../study/columnStore';
import { ownedVariable } from '../study/ownedVariable';
import { readLabelLanguage } from '../study/labelLanguage';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import type { ColumnCache } from './columnCache';

const NAME = /^[A-Za-z_@#$][A-Za-z0-9_.@#$]{0,63}$/;

interface StudyVariable {
  id: number;
  name: string;
}

function findVariable(db: ReadableStudyDb, name: string, where: string): StudyVariable {
  const found = statement(db, 'SELECT id, name FROM variables WHERE lower(name) = lower(?)').get(
    name,
  ) as StudyVariable | undefined;
  if (!found) throw new ApiError('invalid-input', `${where}: no variable named ${name}`);
  return found;
}

/** A target key is a code, or a value label in any language (for country: its ISO code too). */
function codeResolver(
  db: ReadableStudyDb,
  variable: StudyVariable,
): (key: string, where: string) => number {
  const byText = new Map<string, number>();
  const codes = new Set<number>();
  const labels = statement(
    db,
    'SELECT code, labels_json FROM value_labels WHERE variable_id = ?',
  ).all(variable.id) as Array<{
    code: string;
    labels_json: string;
  }>;
  for (const label of labels) {
    const code = Number(label.code);
    codes.add(code);
    for (const text of Object.values(JSON.parse(label.labels_json) as Record<string, string>))
      byText.set(text.trim().toLowerCase(), code);
  }
  if (variable.name === 'country') {
    for (const country of db.prepare('SELECT id, code FROM countries').all() as Array<{
      id: number;
      code: string;
    }>) {
      byText.set(country.code.toLowerCase(), country.id);
    }
  }
  return (key, where) => {
    const text = key.trim().toLowerCase();
    const labelled = byText.get(text);
    if (labelled !== undefined) return labelled;
    const number = Number(key);
    if (key.trim() !== '' && Number.isFinite(number)) return number;
    throw new ApiError(
      'invalid-input',
      `${where}: "${key}" is neither a code nor a value label of ${variable.name}`,
    );
  };
}

function resolveTargets(
  db: ReadableStudyDb,
  targets: Record<string, Record<string, number>>,
  where: string,
): RimTargets {
  const resolved = new Map<string, Map<number, number>>();
  for (const [name, byKey] of Object.entries(targets)) {
    if (typeof byKey !== 'object' || byKey === null)
      throw new ApiError('invalid-input', `${where}: ${name} needs an object of targets`);
    const variable = findVariable(db, name, where);
    const codeOf = codeResolver(db, variable);
    const map = new Map<number, number>();
    for (const [key, value] of Object.entries(byKey)) {
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
        throw new ApiError('invalid-input', `${where}.${name}.${key}: a target is a number ≥ 0`);
      }
      map.set(codeOf(key, `${where}.${name}`), value);
    }
    resolved.set(variable.name, map);
  }
  return resolved;
}

function codeColumn(cache: ColumnCache, name: string): CodeColumn {
  const { column } = cache.get(name);
  return column.encoding === 'u8' || column.encoding === 'u16'
    ? column.values
    : chunkToNumbers(column);
}

function report(group: string, diagnostics: WeightDiagnostics): WeightGroupReport {
  return {
    group,
    converged: diagnostics.converged,
    iterations: diagnostics.iterations,
    min: diagnostics.min,
    max: diagnostics.max,
    mean: diagnostics.mean,
    efficiency: diagnostics.efficiency,
    effectiveBase: diagnostics.effectiveBase,
  };
}

/** A group's name in the report: its value label in the study's label language. */
function labelOfCode(db: ReadableStudyDb, variable: StudyVariable, code: number): string {
  const row = statement(
    db,
    `SELECT l.labels_json, v.source_language FROM value_labels l JOIN variables v ON v.id = l.variable_id
     WHERE l.variable_id = ? AND l.code = ?`,
  ).get(variable.id, String(code)) as
    { labels_json: string; source_language: string | null } | undefined;
  if (!row) return String(code);
  const picked = pickLabelJson(row.labels_json, readLabelLanguage(db), row.source_language);
  return picked?.text ?? String(code);
}

/** Computes the weights of a definition over every respondent (NaN for respondents not weighted). */
export function computeWeights(
  db: ReadableStudyDb,
  cache: ColumnCache,
  definition: WeightDefinition,
): { weights: Float64Array; report: WeightReport } {
  const raking = new Set<string>();
  const options = definition.cap ? { cap: definition.cap } : {};
  const baseWeight = definition.baseWeight
    ? chunkToNumbers(cache.get(findVariable(db, definition.baseWeight, 'baseWeight').name).column)
    : undefined;
  const warnings: string[] = [];
  const stop = (problems: Array<{ severity: string; message: string }>) => {
    const errors = problems.filter((p) => p.severity === 'error').map((p) => p.message);
    warnings.push(...problems.filter((p) => p.severity !== 'error').map((p) => p.message));
    if (errors.length > 0)
      throw new ApiError('invalid-input', `the targets cannot be met: ${errors.join('; ')}`);
  };
  if (!definition.by) {
    const targets = resolveTargets(
      db,
      definition.targets as Record<string, Record<string, number>>,
      'targets',
    );
    for (const name of targets.keys()) raking.add(name);
    const columns = new Map([...raking].map((name) => [name, codeColumn(cache, name)]));
    stop(checkRimTargets({ columns, targets, ...(baseWeight ? { baseWeight } : {}) }));
    const result = rimWeights({ columns, targets, ...(baseWeight ? { baseWeight } : {}), options });
    const overall = weightDiagnostics(result.weights, {
      converged: result.converged,
      iterations: result.iterations,
    });
    const { group: _group, ...overallReport } = report('all', overall);
    return {
      weights: result.weights,
      report: {
        name: definition.name,
        groups: [report('all', overall)],
        overall: overallReport,
        warnings,
      },
    };
  }
  const by = findVariable(db, definition.by, 'by');
  const groupCode = codeResolver(db, by);
  const perGroup = new Map<number, RimTargets>();
  for (const [key, targets] of Object.entries(
    definition.targets as Record<string, Record<string, Record<string, number>>>,
  )) {
    const resolved = resolveTargets(db, targets, `targets.${key}`);
    for (const name of resolved.keys()) raking.add(name);
    perGroup.set(groupCode(key, `targets (${by.name})`), resolved);
  }
  const columns = new Map([...raking].map((name) => [name, codeColumn(cache, name)]));
  const group = codeColumn(cache, by.name);
  stop(
    checkRimTargetsByGroup({
      columns,
      group,
      targets: perGroup,
      ...(baseWeight ? { baseWeight } : {}),
    }),
  );
  const population = definition.population
    ? new Map(
        Object.entries(definition.population).map(([key, size]) => [
          groupCode(key, 'population'),
          size,
        ]),
      )
    : undefined;
  const result = rimWeightsByGroup({
    columns,
    group,
    targets: perGroup,
    ...(baseWeight ? { baseWeight } : {}),
    options,
    ...(definition.combine
      ? { combine: { mode: definition.combine, ...(population ? { population } : {}) } }
      : {}),
  });
  const { group: _all, ...overall } = report('all', result.overall);
  return {
    weights: result.weights,
    report: {
      name: definition.name,
      groups: result.groups.map((g) => report(labelOfCode(db, by, g.group), g.diagnostics)),
      overall,
      warnings,
    },
  };
}

function storeWeights(db: WritableStudyDb, variableId: number, weights: Float64Array): void {
  replaceStudyColumn(db, variableId, weights, (part) => ({ encoding: 'f64', values: part }));
}

export function saveWeights(
  db: WritableStudyDb,
  cache: ColumnCache,
  definition: WeightDefinition,
): WeightReport {
  if (!NAME.test(definition.name))
    throw new ApiError(
      'invalid-input',
      `name: ${JSON.stringify(definition.name)} is not a variable name`,
    );
  const { weights, report: result } = computeWeights(db, cache, definition);
  db.transaction(() => {
    const { id, existed } = ownedVariable(db, definition.name, 'weight', {
      type: 'numeric',
      storage: 'f64',
      labels: { en: `RIM weight ${definition.name}` },
    });
    statement(db, 'UPDATE variables SET definition_json = ? WHERE id = ?').run(
      JSON.stringify({ method: 'rim', ...definition }),
      id,
    );
    storeWeights(db, id, weights);
    appendAudit(db, existed ? 'weight.updated' : 'weight.created', {
      definition,
      overall: result.overall,
    });
  })();
  cache.invalidate([definition.name]);
  return result;
}

/** Recomputes every saved weight over the current sources, inside the caller's transaction. */
export function recomputeWeights(db: WritableStudyDb, cache: ColumnCache): string[] {
  const saved = db
    .prepare(
      "SELECT id, name, definition_json FROM variables WHERE origin = 'weight' ORDER BY sort_order, id",
    )
    .all() as Array<{
    id: number;
    name: string;
    definition_json: string | null;
  }>;
  for (const variable of saved) {
    if (!variable.definition_json) continue;
    const { method: _method, ...definition } = JSON.parse(
      variable.definition_json,
    ) as WeightDefinition & { method: string };
    storeWeights(db, variable.id, computeWeights(db, cache, definition).weights);
    cache.invalidate([variable.name]);
  }
  return saved.map((v) => v.name);
}

export function listWeights(
  db: ReadableStudyDb,
): Array<{ name: string; definition: WeightDefinition }> {
  const rows = db
    .prepare(
      "SELECT name, definition_json FROM variables WHERE origin = 'weight' ORDER BY sort_order, id",
    )
    .all() as Array<{ name: string; definition_json: string | null }>;
  return rows.map((row) => {
    const { method: _method, ...definition } = JSON.parse(
      row.definition_json ?? '{}',
    ) as WeightDefinition & { method?: string };
    return { name: row.name, definition };
  });
}
