/**
 * Rewrites a read dataset onto the study's codebook by a (reviewed) mapping: source variables take
 * their study names, coded columns their study codes, value labels follow their codes. Variables
 * the mapping lists as new keep their names — or take a free one where the study already uses it
 * for something else; variables the mapping leaves out are not imported, with a warning.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { SourceMapping } from '../../shared/domain/mapping';
import type { VariableType } from '../../shared/domain/study';
import {
  CODES_MISSING,
  numbersOf,
  type ImportedColumn,
  type ImportedDataset,
  type ImportedVariable,
} from '../import/importedDataset';
import { SYSTEM_VARIABLES } from '../import/systemVariables';

function recodeNumbers(values: Float64Array, codes: Record<string, number>): Float64Array {
  const table = new Map(Object.entries(codes).map(([from, to]) => [Number(from), to]));
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    out[i] = table.get(value) ?? value;
  }
  return out;
}

/**
 * A coded column through a 256-entry table; it stays one byte per answer unless a study code
 * falls outside 0..254, when it widens to numbers.
 */
function recodeCodes(values: Uint8Array, codes: Record<string, number>): ImportedColumn {
  const table = new Float64Array(256);
  for (let code = 0; code < 256; code++) table[code] = code === CODES_MISSING ? Number.NaN : code;
  for (const [from, to] of Object.entries(codes)) {
    const code = Number(from);
    if (Number.isInteger(code) && code >= 0 && code < CODES_MISSING) table[code] = to;
  }
  const narrow = table.every(
    (to, code) => code === CODES_MISSING || (Number.isInteger(to) && to >= 0 && to < CODES_MISSING),
  );
  if (!narrow)
    return { kind: 'numeric', values: recodeNumbers(numbersOf({ kind: 'codes', values }), codes) };
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const code = values[i]!;
    out[i] = code === CODES_MISSING ? CODES_MISSING : table[code]!;
  }
  return { kind: 'codes', values: out };
}

/** Multiple-response text columns hold the selected codes joined by ';' (see sssDataset). */
function recodeCodeLists(
  values: Array<string | null>,
  codes: Record<string, number>,
): Array<string | null> {
  return values.map((value) =>
    value === null || value === ''
      ? value
      : value
          .split(';')
          .map((code) => (codes[code] === undefined ? code : String(codes[code])))
          .join(';'),
  );
}

function recodeColumn(
  variable: ImportedVariable,
  column: ImportedColumn,
  codes: Record<string, number>,
): ImportedColumn {
  if (Object.keys(codes).length === 0) return column;
  if (column.kind === 'numeric')
    return { kind: 'numeric', values: recodeNumbers(column.values, codes) };
  if (column.kind === 'codes') return recodeCodes(column.values, codes);
  if (variable.type === 'multi')
    return { kind: 'text', values: recodeCodeLists(column.values, codes) };
  return column;
}

/** A coded column as text: each code's label (else the code), for a text study variable. */
function asText(variable: ImportedVariable, column: ImportedColumn): ImportedColumn {
  if (column.kind === 'text') return column;
  const labels = new Map(variable.valueLabels.map((vl) => [vl.code, vl.label]));
  return {
    kind: 'text',
    values: Array.from(numbersOf(column), (value) =>
      Number.isNaN(value) ? null : (labels.get(value) ?? String(value)),
    ),
  };
}

function recodeVariable(
  variable: ImportedVariable,
  name: string,
  codes: Record<string, number>,
): ImportedVariable {
  const recode = (code: number | string) => codes[String(code)] ?? code;
  return {
    ...variable,
    name,
    valueLabels: variable.valueLabels.map((vl) => ({ ...vl, code: recode(vl.code) })),
    missing: variable.missing.map((spec) =>
      typeof spec === 'object' ? spec : (recode(spec) as typeof spec),
    ),
  };
}

export interface MappedDataset {
  dataset: ImportedDataset;
  warnings: string[];
  /** Source name → study name, for every variable imported. */
  names: ReadonlyMap<string, string>;
}

export function applyMapping(
  file: string,
  dataset: ImportedDataset,
  mapping: SourceMapping,
  /** The study's variables and their types; a new variable never silently joins one of them. */
  studyTypes: ReadonlyMap<string, VariableType>,
): MappedDataset {
  const studyNames = new Set(studyTypes.keys());
  const warnings: string[] = [];
  const known = new Set(dataset.variables.map((variable) => variable.name));
  const targets = new Map<string, string>();
  for (const entry of mapping.variables) {
    if (!known.has(entry.source))
      throw new ApiError(
        'invalid-input',
        `${file}: the mapping names ${entry.source}, which the file does not have`,
      );
    if (!studyNames.has(entry.target))
      throw new ApiError(
        'invalid-input',
        `${file}: the mapping maps ${entry.source} to ${entry.target}, which is not a study variable (list it under "new" instead)`,
      );
    if ([...targets.values()].includes(entry.target))
      throw new ApiError(
        'invalid-input',
        `${file}: the mapping maps two variables to ${entry.target}`,
      );
    targets.set(entry.source, entry.target);
  }
  const used = new Set([...studyNames].map((name) => name.toLowerCase()));
  for (const name of mapping.new) {
    if (!known.has(name))
      throw new ApiError(
        'invalid-input',
        `${file}: the mapping lists ${name} as new, but the file does not have it`,
      );
    if (targets.has(name))
      throw new ApiError(
        'invalid-input',
        `${file}: the mapping lists ${name} both as mapped and as new`,
      );
    let free = name;
    for (let n = 2; used.has(free.toLowerCase()) || [...targets.values()].includes(free); n++)
      free = `${name}_${n}`;
    if (free !== name)
      warnings.push(
        `${name} is new to the study, which already has a ${name}: it is imported as ${free}`,
      );
    used.add(free.toLowerCase());
    targets.set(name, free);
  }
  // Columns named like system variables are not mapped: the import renames them or (industry)
  // turns them into the system variable.
  for (const name of SYSTEM_VARIABLES)
    if (known.has(name) && !targets.has(name)) targets.set(name, name);
  const codesOf = new Map(mapping.variables.map((entry) => [entry.source, entry.codes]));
  const variables: ImportedVariable[] = [];
  const columns: ImportedColumn[] = [];
  const skipped: string[] = [];
  dataset.variables.forEach((variable, index) => {
    const target = targets.get(variable.name);
    if (target === undefined) {
      skipped.push(variable.name);
      return;
    }
    const codes = codesOf.get(variable.name) ?? {};
    const column = dataset.columns[index]!;
    if (studyTypes.get(target) === 'text' && variable.type !== 'text') {
      variables.push({ ...variable, name: target, type: 'text', valueLabels: [], missing: [] });
      columns.push(asText(variable, column));
      return;
    }
    variables.push(recodeVariable(variable, target, codes));
    columns.push(recodeColumn(variable, column, codes));
  });
  if (skipped.length > 0)
    warnings.push(`not imported (left out of the mapping): ${skipped.join(', ')}`);
  const multiResponseSets = dataset.multiResponseSets
    .filter((set) => set.variables.every((name) => targets.has(name)))
    .map((set) => ({ ...set, variables: set.variables.map((name) => targets.get(name)!) }));
  return {
    dataset: {
      ...dataset,
      variables,
      columns,
      multiResponseSets,
      warnings: [...dataset.warnings, ...warnings],
    },
    warnings,
    names: targets,
  };
}
