/**
 * Writes one imported dataset into a study as one source, in one transaction: the source row,
 * its wave, country and industry, the system variables every respondent gets (source, wave,
 * country, respondent_type, industry), the file's variables (already mapped onto the study's
 * codebook, so matched by name; value labels merged per language, storage widened where a new
 * source needs larger codes) and one column chunk per variable. Any error rolls everything back:
 * the study is exactly as it was.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type { ValidationIssue } from '../../shared/domain/dataset';
import { countryNames } from '../../shared/domain/countries';
import type { SourceMapping } from '../../shared/domain/mapping';
import type { VariableType } from '../../shared/domain/study';
import { appendAudit } from '../study/auditLog';
import { loadColumn, writeChunk, type ColumnData, type ColumnEncoding } from '../study/columnStore';
import type { WritableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import { encodeColumn, encodeNarrowest, widenChunk, widerEncoding } from './columnEncoding';
import { isIdentifying } from './identifyingColumns';
import {
  codeKey,
  type ImportedDataset,
  type ImportedVariable,
  type MissingSpec,
} from './importedDataset';
import type { RespondentIdChoice } from './respondentId';
import { ensureIndustry, industryColumn } from './industryColumn';
import { SYSTEM_LABELS, SYSTEM_VARIABLES, type SystemVariable } from './systemVariables';

export { SYSTEM_VARIABLES };
export type RespondentType = 'customer' | 'executive';

export interface SourceMeta {
  fileName: string;
  fileSize: number;
  sha256: string;
  reader: string;
  country: string;
  wave: string;
  respondentType: RespondentType;
  /** Language of the file's labels (labels are stored per language). */
  language: string;
  /** The validation report shown before the import, kept with the source. */
  validation?: ValidationIssue[];
  /** An industry fixed for the whole source; else the file's `industry` variable feeds it. */
  industry?: string;
  /** The mapping applied, saved for the next wave of the same country. */
  mapping?: SourceMapping;
  /** Study codes the file labelled, by study variable (to spot dropped answers next wave). */
  labelledCodes?: Record<string, number[]>;
}

export interface WrittenSource {
  sourceId: number;
  rows: number;
  variablesAdded: number;
  variablesMatched: number;
  identifying: string[];
  warnings: string[];
}

interface StudyVariableRow {
  id: number;
  name: string;
  type: VariableType;
  storage: ColumnEncoding;
  is_system: number;
}

function idOf(db: WritableStudyDb, sql: string, ...params: unknown[]): number {
  return (statement(db, sql).get(...params) as { id: number }).id;
}

function ensureWave(db: WritableStudyDb, code: string): number {
  statement(
    db,
    'INSERT INTO waves (code, label, sort_order) VALUES (?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM waves)) ON CONFLICT (code) DO NOTHING',
  ).run(code, code);
  return idOf(db, 'SELECT id FROM waves WHERE code = ?', code);
}

function ensureCountry(db: WritableStudyDb, code: string): number {
  statement(
    db,
    'INSERT INTO countries (code, names_json) VALUES (?, ?) ON CONFLICT (code) DO NOTHING',
  ).run(code, JSON.stringify(countryNames(code)));
  return idOf(db, 'SELECT id FROM countries WHERE code = ?', code);
}

function nextSortOrder(db: WritableStudyDb, table: 'variables' | 'sources'): number {
  return (
    statement(db, `SELECT coalesce(max(sort_order), 0) + 1 AS n FROM ${table}`).get() as {
      n: number;
    }
  ).n;
}

function insertVariable(
  db: WritableStudyDb,
  fields: {
    name: string;
    type: VariableType;
    storage: ColumnEncoding;
    labels: Record<string, string>;
    language: string | null;
    system: boolean;
    identifying: boolean;
    attributes: Record<string, unknown>;
  },
): number {
  const result = db
    .prepare(
      `INSERT INTO variables (name, type, storage, labels_json, source_language, is_system, is_identifying, format_attributes_json, sort_order, origin)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      fields.name,
      fields.type,
      fields.storage,
      JSON.stringify(fields.labels),
      fields.language,
      fields.system ? 1 : 0,
      fields.identifying ? 1 : 0,
      JSON.stringify(fields.attributes),
      nextSortOrder(db, 'variables'),
      fields.system ? 'system' : 'imported',
    );
  return Number(result.lastInsertRowid);
}

function upsertValueLabel(
  db: WritableStudyDb,
  variableId: number,
  code: string,
  labels: Record<string, string>,
): void {
  statement(
    db,
    `INSERT INTO value_labels (variable_id, code, labels_json, sort_order)
     VALUES (?, ?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM value_labels WHERE variable_id = ?))
     ON CONFLICT (variable_id, code) DO UPDATE SET labels_json = excluded.labels_json`,
  ).run(variableId, code, JSON.stringify(labels), variableId);
}

/**
 * The system variables: created with the first source, their value labels kept current. Industry
 * only once a source has one, so a study without industries exports no empty column.
 */
function ensureSystemVariables(db: WritableStudyDb, withIndustry: boolean): Map<string, number> {
  const ids = new Map<string, number>();
  for (const name of SYSTEM_VARIABLES) {
    const existing = statement(db, 'SELECT id FROM variables WHERE name = ?').get(name) as
      { id: number } | undefined;
    if (name === 'industry' && !existing && !withIndustry) continue;
    ids.set(
      name,
      existing?.id ??
        insertVariable(db, {
          name,
          type: 'single',
          storage: 'u16',
          labels: { en: SYSTEM_LABELS[name] },
          language: 'en',
          system: true,
          identifying: false,
          attributes: {},
        }),
    );
  }
  return ids;
}

function constantColumn(rows: number, code: number): ColumnData {
  return { encoding: 'u16', values: new Uint16Array(rows).fill(code) };
}

function missingRows(missing: MissingSpec[]): Array<{
  kind: 'value' | 'range';
  value: string | null;
  low: number | null;
  high: number | null;
}> {
  return missing.map((spec) =>
    typeof spec === 'object'
      ? { kind: 'range', value: null, low: spec.low, high: spec.high }
      : { kind: 'value', value: codeKey(spec), low: null, high: null },
  );
}

function compatibleType(study: VariableType, incoming: VariableType): VariableType | null {
  if (study === incoming) return study;
  const coded = new Set<VariableType>(['single', 'numeric']);
  if (coded.has(study) && coded.has(incoming)) return 'single';
  return null;
}

/** Rewrites every stored chunk of a variable in a wider encoding (a new source has larger codes). */
function widenStoredChunks(
  db: WritableStudyDb,
  variable: StudyVariableRow,
  to: ColumnEncoding,
): void {
  const sources = db
    .prepare('SELECT source_id FROM column_chunks WHERE variable_id = ?')
    .all(variable.id) as Array<{ source_id: number }>;
  const read = statement(
    db,
    'SELECT data FROM column_chunks WHERE variable_id = ? AND source_id = ?',
  );
  const update = statement(
    db,
    'UPDATE column_chunks SET encoding = ?, data = ? WHERE variable_id = ? AND source_id = ?',
  );
  for (const { source_id } of sources) {
    const { data } = read.get(variable.id, source_id) as { data: Buffer };
    const bytes = new Uint8Array(data.byteLength);
    bytes.set(data);
    const stored: ColumnData =
      variable.storage === 'u8'
        ? { encoding: 'u8', values: bytes }
        : variable.storage === 'u16'
          ? { encoding: 'u16', values: new Uint16Array(bytes.buffer) }
          : { encoding: 'f64', values: new Float64Array(bytes.buffer) };
    const widened = widenChunk(stored, to);
    if (widened.encoding === 'utf8') throw new Error('unreachable: numbers never widen to text');
    update.run(
      to,
      Buffer.from(widened.values.buffer, widened.values.byteOffset, widened.values.byteLength),
      variable.id,
      source_id,
    );
  }
  statement(db, 'UPDATE variables SET storage = ? WHERE id = ?').run(to, variable.id);
  variable.storage = to;
}

function fileVariableName(
  variable: ImportedVariable,
  taken: Set<string>,
  warnings: string[],
): string {
  if (!(SYSTEM_VARIABLES as readonly string[]).includes(variable.name)) return variable.name;
  let candidate = `${variable.name}_source`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${variable.name}_source${n}`;
  warnings.push(
    `variable ${variable.name} is a system variable name; the file's variable is kept as ${candidate}`,
  );
  return candidate;
}

export function writeSource(
  db: WritableStudyDb,
  dataset: ImportedDataset,
  meta: SourceMeta,
  respondentId: RespondentIdChoice,
  /** The columns already encoded narrow (encodeNarrowest), when the caller has them. */
  encodedColumns?: readonly ColumnData[],
): WrittenSource {
  const warnings = [...dataset.warnings];
  const identifying: string[] = [];
  let added = 0;
  let matched = 0;
  const run = db.transaction((): number => {
    const waveId = ensureWave(db, meta.wave);
    const countryId = ensureCountry(db, meta.country);
    const typeId = idOf(db, 'SELECT id FROM respondent_types WHERE code = ?', meta.respondentType);
    const sourceId = Number(
      db
        .prepare(
          `INSERT INTO sources (file_name, file_size, sha256, reader, row_count, wave_id, country_code, respondent_type, encoding, imported_at, sort_order, attributes_json, language, industry_code, mapping_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          meta.fileName,
          meta.fileSize,
          meta.sha256,
          meta.reader,
          dataset.cases,
          waveId,
          meta.country,
          meta.respondentType,
          dataset.encoding,
          new Date().toISOString(),
          nextSortOrder(db, 'sources'),
          JSON.stringify({
            ...dataset.fileAttributes,
            respondentId,
            format: dataset.format,
            validation: meta.validation ?? [],
            labelledCodes: meta.labelledCodes ?? {},
          }),
          meta.language,
          meta.industry ?? null,
          meta.mapping ? JSON.stringify(meta.mapping) : null,
        ).lastInsertRowid,
    );

    const industryVariable = meta.industry
      ? -1
      : dataset.variables.findIndex((variable) => variable.name === 'industry');
    const system = ensureSystemVariables(db, meta.industry !== undefined || industryVariable >= 0);
    const systemCodes: Record<Exclude<SystemVariable, 'industry'>, number> = {
      source: sourceId,
      wave: waveId,
      country: countryId,
      respondent_type: typeId,
    };
    for (const name of SYSTEM_VARIABLES)
      if (name !== 'industry')
        writeChunk(
          db,
          system.get(name)!,
          sourceId,
          constantColumn(dataset.cases, systemCodes[name]),
        );
    if (meta.industry) {
      const industryId = ensureIndustry(db, meta.industry);
      writeChunk(db, system.get('industry')!, sourceId, constantColumn(dataset.cases, industryId));
    } else if (industryVariable >= 0) {
      const column = industryColumn(
        db,
        dataset.variables[industryVariable]!,
        dataset.columns[industryVariable]!,
        meta.language,
        meta.fileName,
        warnings,
      );
      writeChunk(db, system.get('industry')!, sourceId, column);
    }
    const industrySystemId = system.get('industry');
    if (industrySystemId !== undefined)
      for (const row of statement(db, 'SELECT id, names_json FROM industries').all() as Array<{
        id: number;
        names_json: string;
      }>)
        upsertValueLabel(db, industrySystemId, String(row.id), JSON.parse(row.names_json));
    upsertValueLabel(db, system.get('source')!, String(sourceId), { en: meta.fileName });
    upsertValueLabel(db, system.get('wave')!, String(waveId), { en: meta.wave });
    upsertValueLabel(db, system.get('country')!, String(countryId), countryNames(meta.country));
    upsertValueLabel(db, system.get('respondent_type')!, String(typeId), {
      en: meta.respondentType === 'customer' ? 'Customer' : 'Executive',
    });

    const taken = new Set(dataset.variables.map((v) => v.name));
    const findVariable = statement(
      db,
      'SELECT id, name, type, storage, is_system FROM variables WHERE name = ?',
    );
    for (const [index, variable] of dataset.variables.entries()) {
      // The file's industry variable became the system variable above.
      if (index === industryVariable) continue;
      const column = dataset.columns[index]!;
      const name = fileVariableName(variable, taken, warnings);
      const encoded = encodedColumns?.[index] ?? encodeNarrowest(variable.type, column);
      const needed = encoded.encoding;
      const existing = findVariable.get(name) as StudyVariableRow | undefined;
      let studyVariable: StudyVariableRow;
      if (!existing) {
        const marked = isIdentifying(variable, column);
        if (marked) identifying.push(name);
        const id = insertVariable(db, {
          name,
          type: variable.type,
          storage: needed,
          labels: variable.label ? { [meta.language]: variable.label } : {},
          language: meta.language,
          system: false,
          identifying: marked,
          attributes: variable.formatAttributes,
        });
        const insertMissing = statement(
          db,
          'INSERT INTO missing_codes (variable_id, kind, value, low, high) VALUES (?, ?, ?, ?, ?)',
        );
        for (const row of missingRows(variable.missing))
          insertMissing.run(id, row.kind, row.value, row.low, row.high);
        studyVariable = { id, name, type: variable.type, storage: needed, is_system: 0 };
        added++;
      } else {
        const type = compatibleType(existing.type, variable.type);
        if (type === null) {
          throw new ApiError(
            'conflict',
            `${meta.fileName}: variable ${name} is ${variable.type} in the file but ${existing.type} in the study`,
          );
        }
        if (type !== existing.type)
          statement(db, 'UPDATE variables SET type = ? WHERE id = ?').run(type, existing.id);
        const storage = widerEncoding(existing.storage, needed);
        if (storage !== existing.storage) widenStoredChunks(db, existing, storage);
        studyVariable = existing;
        matched++;
      }
      for (const valueLabel of variable.valueLabels) {
        const code = codeKey(valueLabel.code);
        const current = db
          .prepare('SELECT labels_json FROM value_labels WHERE variable_id = ? AND code = ?')
          .get(studyVariable.id, code) as { labels_json: string } | undefined;
        const labels = current ? (JSON.parse(current.labels_json) as Record<string, string>) : {};
        if (labels[meta.language] !== undefined && labels[meta.language] !== valueLabel.label) {
          warnings.push(
            `${name}: code ${code} is "${valueLabel.label}" in ${meta.fileName} but "${labels[meta.language]}" in the study; the study's label is kept`,
          );
          continue;
        }
        upsertValueLabel(db, studyVariable.id, code, {
          ...labels,
          [meta.language]: valueLabel.label,
        });
      }
      // Usually the column is already in the study's encoding; a wider study column re-encodes it.
      const chunk =
        encoded.encoding === studyVariable.storage
          ? encoded
          : encodeColumn(column, studyVariable.storage);
      writeChunk(db, studyVariable.id, sourceId, chunk);
    }

    const insertSet = statement(
      db,
      `INSERT INTO multi_response_sets (name, type, counted_value, labels_json, variables_json) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (name) DO NOTHING`,
    );
    for (const set of dataset.multiResponseSets) {
      insertSet.run(
        set.name,
        set.type,
        set.countedValue === undefined ? null : codeKey(set.countedValue),
        JSON.stringify({ [meta.language]: set.label }),
        JSON.stringify(set.variables),
      );
    }
    appendAudit(db, 'import', {
      file: meta.fileName,
      size: meta.fileSize,
      sha256: meta.sha256,
      reader: meta.reader,
      rows: dataset.cases,
      country: meta.country,
      wave: meta.wave,
      respondentType: meta.respondentType,
      variablesAdded: added,
      variablesMatched: matched,
    });
    return sourceId;
  });
  const sourceId = run();
  return {
    sourceId,
    rows: dataset.cases,
    variablesAdded: added,
    variablesMatched: matched,
    identifying,
    warnings,
  };
}

export { loadColumn };
