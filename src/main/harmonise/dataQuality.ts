/**
 * The data-quality check across countries and waves (issue 8; rules and thresholds in
 * docs/data-quality.md): variables missing in a source, codes answered in one country only, small
 * bases, and code frames that changed between waves. It reads only study variables and stored
 * codes, so a variable renamed by a source's mapping is already the same variable here.
 *
 * A study can hold a million respondents × 200 variables: codes are counted one chunk at a time
 * (one variable of one source), and only the counts per source are kept.
 */
import {
  DATA_QUALITY_KINDS,
  type DataQualityFinding,
  type DataQualityKind,
  type DataQualityReport,
  type DataQualitySeverity,
  type DataQualitySource,
} from '../../shared/domain/dataQuality';
import { pickLabelJson } from '../../shared/domain/labels';
import { MISSING_U16, MISSING_U8 } from '../study/columnStore';
import { readLabelLanguage } from '../study/labelLanguage';
import { missingCodeRows } from '../study/missingCodes';
import { statement } from '../study/statementCache';
import type { ReadableStudyDb } from '../study/studyDb';

/** Executives are few by design, so their groups get a lower threshold than customers'. */
export const DEFAULT_SMALL_BASE = { customer: 100, executive: 30 } as const;

export interface DataQualityOptions {
  /** Customers per country × wave below which a base is small. */
  smallBase?: number;
  /** The same for executives. */
  smallExecutiveBase?: number;
}

interface Source extends DataQualitySource {
  waveOrder: number;
}

interface CodedVariable {
  id: number;
  name: string;
  order: number;
}

/** Respondents per code, per source, for one variable (user-missing codes left out). */
type CodeCounts = Map<number, Map<number, number>>;

const SEVERITY_RANK: Record<DataQualitySeverity, number> = { warning: 0, info: 1 };

function readSources(db: ReadableStudyDb): Source[] {
  return db
    .prepare(
      `SELECT s.id, s.file_name AS fileName, s.country_code AS country, w.code AS wave,
              s.respondent_type AS respondentType, s.row_count AS rows,
              coalesce(w.sort_order, 0) AS waveOrder
       FROM sources s LEFT JOIN waves w ON w.id = s.wave_id
       ORDER BY s.sort_order, s.id`,
    )
    .all() as Source[];
}

function readCountryNames(db: ReadableStudyDb): Map<string, string> {
  const rows = db.prepare('SELECT code, names_json FROM countries').all() as Array<{
    code: string;
    names_json: string;
  }>;
  const language = readLabelLanguage(db);
  return new Map(
    rows.map((row) => {
      const name = pickLabelJson(row.names_json, language)?.text ?? row.code;
      return [row.code, name === row.code ? row.code : `${name} (${row.code})`];
    }),
  );
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function people(respondentType: string | null, n?: number): string {
  const noun = respondentType === 'executive' ? 'executive' : 'customer';
  return n === undefined ? `${noun}s` : plural(n, noun);
}

/** Codes in numeric order: code 10 after code 9. */
function byCode(a: number, b: number): number {
  return a - b;
}

class Describer {
  constructor(private readonly countries: Map<string, string>) {}

  country(code: string | null): string {
    return code === null ? 'no country' : (this.countries.get(code) ?? code);
  }

  /** "it-2026.csv (Italy (IT), wave 2026, customers)". */
  source(source: Source): string {
    return `${source.fileName} (${this.country(source.country)}, wave ${source.wave ?? '–'}, ${people(source.respondentType)})`;
  }
}

function publicSource({
  id,
  fileName,
  country,
  wave,
  respondentType,
  rows,
}: Source): DataQualitySource {
  return { id, fileName, country, wave, respondentType, rows };
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

// ---- missing-in-source -------------------------------------------------------------------------

function missingInSource(
  db: ReadableStudyDb,
  sources: Source[],
  describe: Describer,
): Array<DataQualityFinding & { variableOrder: number }> {
  const present = new Map<number, { name: string; order: number; sources: Set<number> }>();
  // Served by the (variable_id, source_id) index: no chunk data is read.
  const rows = db
    .prepare(
      `SELECT v.id, v.name, v.sort_order AS variableOrder, c.source_id AS sourceId
       FROM variables v JOIN column_chunks c ON c.variable_id = v.id
       WHERE v.is_system = 0 AND v.origin = 'imported'`,
    )
    .all() as Array<{ id: number; name: string; variableOrder: number; sourceId: number }>;
  for (const row of rows) {
    const entry = present.get(row.id) ?? {
      name: row.name,
      order: row.variableOrder,
      sources: new Set<number>(),
    };
    entry.sources.add(row.sourceId);
    present.set(row.id, entry);
  }
  const findings: Array<DataQualityFinding & { variableOrder: number }> = [];
  for (const variable of present.values()) {
    // Only respondent types the variable was asked of: executives' questions are not missing for customers.
    const askedOf = new Set(
      sources.filter((s) => variable.sources.has(s.id)).map((s) => s.respondentType),
    );
    const peers = sources.filter((s) => askedOf.has(s.respondentType));
    const missing = peers.filter((s) => !variable.sources.has(s.id));
    if (missing.length === 0) continue;
    const having = peers.length - missing.length;
    findings.push({
      kind: 'missing-in-source',
      severity: 'warning',
      variable: variable.name,
      sources: missing.map(publicSource),
      message:
        `${variable.name} has no data in ${list(missing.map((s) => describe.source(s)))}, ` +
        `though ${having === 1 ? 'another source' : `${having} other sources`} of the same respondents ${having === 1 ? 'has' : 'have'} it.`,
      action:
        `If ${variable.name} was asked there under another name, map that variable onto ${variable.name} in the source's mapping and import it again; ` +
        `if it was not asked, tables of ${variable.name} count only the sources that have it — filter the others out or footnote it.`,
      variableOrder: variable.order,
    });
  }
  return findings;
}

// ---- counting codes, one chunk at a time ------------------------------------------------------

function userMissing(db: ReadableStudyDb, variableId: number): (code: number) => boolean {
  const rows = missingCodeRows(db, variableId);
  const values = new Set(rows.filter((r) => r.kind === 'value').map((r) => Number(r.value)));
  const ranges = rows
    .filter((r) => r.kind === 'range')
    .map((r) => ({ low: r.low ?? -Infinity, high: r.high ?? Infinity }));
  return (code) => values.has(code) || ranges.some((r) => code >= r.low && code <= r.high);
}

/** A chunk's codes as a typed array; copied first when SQLite's buffer is not aligned for it. */
function codesOf(encoding: string, blob: Buffer): Uint8Array | Uint16Array | Float64Array | null {
  const width = encoding === 'u8' ? 1 : encoding === 'u16' ? 2 : encoding === 'f64' ? 8 : 0;
  if (width === 0) return null;
  const bytes = blob.byteOffset % width === 0 ? blob : new Uint8Array(blob);
  const length = Math.floor(bytes.byteLength / width);
  if (width === 1) return new Uint8Array(bytes.buffer, bytes.byteOffset, length);
  if (width === 2) return new Uint16Array(bytes.buffer, bytes.byteOffset, length);
  return new Float64Array(bytes.buffer, bytes.byteOffset, length);
}

/** Scratch tallies for narrow codes, reused across chunks: a u16 chunk needs no Map per value. */
const tally = new Uint32Array(MISSING_U16 + 1);

function countChunk(values: Uint8Array | Uint16Array | Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (value === value) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return counts;
  }
  const missing = values instanceof Uint8Array ? MISSING_U8 : MISSING_U16;
  const seen: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (tally[value] === 0) seen.push(value);
    tally[value]!++;
  }
  for (const code of seen) {
    if (code !== missing) counts.set(code, tally[code]!);
    tally[code] = 0;
  }
  return counts;
}

function countCodes(db: ReadableStudyDb, variableId: number): CodeCounts {
  const isMissing = userMissing(db, variableId);
  const bySource: CodeCounts = new Map();
  const chunks = statement(
    db,
    'SELECT source_id AS sourceId, encoding, data FROM column_chunks WHERE variable_id = ?',
  ).iterate(variableId) as IterableIterator<{ sourceId: number; encoding: string; data: Buffer }>;
  for (const chunk of chunks) {
    const values = codesOf(chunk.encoding, chunk.data);
    if (!values) continue;
    const counts = countChunk(values);
    for (const code of counts.keys()) if (isMissing(code)) counts.delete(code);
    bySource.set(chunk.sourceId, counts);
  }
  return bySource;
}

function addInto(total: Map<number, number>, counts: Map<number, number> | undefined): void {
  for (const [code, n] of counts ?? []) total.set(code, (total.get(code) ?? 0) + n);
}

function codeLabels(db: ReadableStudyDb, variableId: number): Map<number, string> {
  const rows = statement(
    db,
    'SELECT code, labels_json FROM value_labels WHERE variable_id = ?',
  ).all(variableId) as Array<{ code: string; labels_json: string }>;
  const language = readLabelLanguage(db);
  const labels = new Map<number, string>();
  for (const row of rows) {
    const label = pickLabelJson(row.labels_json, language)?.text;
    if (label !== undefined) labels.set(Number(row.code), label);
  }
  return labels;
}

function codeText(code: number, labels: Map<number, string>): string {
  const label = labels.get(code);
  return label === undefined ? `code ${code}` : `code ${code} ("${label}")`;
}

// ---- code-in-one-country ----------------------------------------------------------------------

function codesInOneCountry(
  variable: CodedVariable,
  counts: CodeCounts,
  sources: Source[],
  labels: Map<number, string>,
  describe: Describer,
): DataQualityFinding[] {
  const byCountry = new Map<string, Map<number, number>>();
  for (const source of sources) {
    if (source.country === null || !counts.has(source.id)) continue;
    const total = byCountry.get(source.country) ?? new Map<number, number>();
    addInto(total, counts.get(source.id));
    byCountry.set(source.country, total);
  }
  const answering = [...byCountry].filter(([, total]) => total.size > 0);
  if (answering.length < 2) return [];
  const codes = new Set(answering.flatMap(([, total]) => [...total.keys()]));
  const findings: DataQualityFinding[] = [];
  for (const code of [...codes].sort(byCode)) {
    const where = answering.filter(([, total]) => total.has(code));
    if (where.length !== 1) continue;
    const [country, total] = where[0]!;
    const others = answering
      .filter(([other]) => other !== country)
      .map(([c]) => describe.country(c));
    findings.push({
      kind: 'code-in-one-country',
      severity: 'warning',
      variable: variable.name,
      country,
      code: String(code),
      message:
        `${variable.name} ${codeText(code, labels)} was answered by ${plural(total.get(code)!, 'respondent')} ` +
        `in ${describe.country(country)} and by no one in ${list(others)}.`,
      action:
        `If it is an answer that ${list(others)} code${others.length === 1 ? 's' : ''} differently, merge code ${code} into that code in the mapping of the sources from ${describe.country(country)}; ` +
        'if it is a local answer, footnote it or filter it out of cross-country tables.',
    });
  }
  return findings;
}

// ---- code-frame-changed -----------------------------------------------------------------------

function codeFramesChanged(
  variable: CodedVariable,
  counts: CodeCounts,
  sources: Source[],
  labels: Map<number, string>,
  describe: Describer,
): DataQualityFinding[] {
  // Per country and respondent type: the codes answered in each wave, in the study's wave order.
  const groups = new Map<string, Map<string, { order: number; codes: Map<number, number> }>>();
  for (const source of sources) {
    const counted = counts.get(source.id);
    if (!counted || source.wave === null) continue;
    const key = JSON.stringify([source.country, source.respondentType]);
    const waves = groups.get(key) ?? new Map();
    const wave = waves.get(source.wave) ?? { order: source.waveOrder, codes: new Map() };
    addInto(wave.codes, counted);
    waves.set(source.wave, wave);
    groups.set(key, waves);
  }
  const findings: DataQualityFinding[] = [];
  for (const [key, waves] of groups) {
    const [country, respondentType] = JSON.parse(key) as [string | null, string | null];
    // A wave without answers is missing-in-source's business, not a change of code frame.
    const answered = [...waves]
      .filter(([, wave]) => wave.codes.size > 0)
      .sort(([a, x], [b, y]) => x.order - y.order || a.localeCompare(b));
    for (let i = 1; i < answered.length; i++) {
      const [before, earlier] = answered[i - 1]!;
      const [after, later] = answered[i]!;
      const added = [...later.codes.keys()].filter((c) => !earlier.codes.has(c)).sort(byCode);
      const dropped = [...earlier.codes.keys()].filter((c) => !later.codes.has(c)).sort(byCode);
      if (added.length === 0 && dropped.length === 0) continue;
      const changes = [
        ...added.map(
          (c) =>
            `${codeText(c, labels)} is new (${plural(later.codes.get(c)!, 'respondent')} in ${after})`,
        ),
        ...dropped.map(
          (c) =>
            `${codeText(c, labels)} is no longer answered (${plural(earlier.codes.get(c)!, 'respondent')} in ${before})`,
        ),
      ];
      findings.push({
        kind: 'code-frame-changed',
        severity: 'warning',
        variable: variable.name,
        ...(country === null ? {} : { country }),
        ...(respondentType === null ? {} : { respondentType }),
        previousWave: before,
        wave: after,
        codesAdded: added.map(String),
        codesDropped: dropped.map(String),
        message:
          `${variable.name} changed for ${people(respondentType)} in ${describe.country(country)} ` +
          `between waves ${before} and ${after}: ${list(changes)}.`,
        action:
          `Check wave ${after}'s questionnaire: if answers were recoded, map the old codes onto the new ones in the source's mapping; ` +
          `otherwise compare only the codes both waves share, or merge the codes with a derived variable.`,
      });
    }
  }
  return findings;
}

// ---- small-base -------------------------------------------------------------------------------

function smallBases(
  sources: Source[],
  thresholds: { customer: number; executive: number },
  describe: Describer,
): DataQualityFinding[] {
  const cells = new Map<string, Source[]>();
  for (const source of sources) {
    const key = JSON.stringify([source.country, source.wave, source.respondentType]);
    cells.set(key, [...(cells.get(key) ?? []), source]);
  }
  const findings: DataQualityFinding[] = [];
  const ordered = [...cells.values()].sort(
    (a, b) =>
      (a[0]!.country ?? '').localeCompare(b[0]!.country ?? '') ||
      (a[0]!.respondentType ?? '').localeCompare(b[0]!.respondentType ?? '') ||
      a[0]!.waveOrder - b[0]!.waveOrder,
  );
  for (const cell of ordered) {
    const { country, wave, respondentType } = cell[0]!;
    const threshold = respondentType === 'executive' ? thresholds.executive : thresholds.customer;
    const base = cell.reduce((sum, s) => sum + s.rows, 0);
    const where = `${describe.country(country)}, wave ${wave ?? '–'}`;
    const place = {
      ...(country === null ? {} : { country }),
      ...(wave === null ? {} : { wave }),
      ...(respondentType === null ? {} : { respondentType }),
    };
    if (base < threshold) {
      findings.push({
        kind: 'small-base',
        severity: 'warning',
        ...place,
        sources: cell.map(publicSource),
        base,
        threshold,
        message:
          `Only ${people(respondentType, base)} in ${where} (${list(cell.map((s) => s.fileName))}): ` +
          `below the small base of ${threshold}.`,
        action:
          'Combine waves or countries for this group, or treat its figures with caution: mark or suppress low bases in its tables.',
      });
      continue;
    }
    // A group split over several files can be fine while one of its files is small on its own.
    if (cell.length < 2) continue;
    for (const source of cell.filter((s) => s.rows < threshold)) {
      findings.push({
        kind: 'small-base',
        severity: 'info',
        ...place,
        sources: [publicSource(source)],
        base: source.rows,
        threshold,
        message:
          `${source.fileName} holds only ${people(respondentType, source.rows)} (${where}); ` +
          `its group has ${base} across ${plural(cell.length, 'source')}.`,
        action:
          'Fine as part of its group; do not report this file on its own, or treat its figures with caution.',
      });
    }
  }
  return findings;
}

// ---- the check --------------------------------------------------------------------------------

export function checkDataQuality(
  db: ReadableStudyDb,
  options: DataQualityOptions = {},
): DataQualityReport {
  const thresholds = {
    customer: options.smallBase ?? DEFAULT_SMALL_BASE.customer,
    executive: options.smallExecutiveBase ?? DEFAULT_SMALL_BASE.executive,
  };
  const sources = readSources(db);
  const describe = new Describer(readCountryNames(db));
  const keyed: Array<{ finding: DataQualityFinding; variableOrder: number }> = [];

  for (const { variableOrder, ...finding } of missingInSource(db, sources, describe))
    keyed.push({ finding, variableOrder });

  const coded = db
    .prepare(
      `SELECT id, name, sort_order AS "order" FROM variables
       WHERE type = 'single' AND is_system = 0 AND origin = 'imported'`,
    )
    .all() as CodedVariable[];
  for (const variable of coded) {
    const counts = countCodes(db, variable.id);
    const labels = codeLabels(db, variable.id);
    const findings = [
      ...codesInOneCountry(variable, counts, sources, labels, describe),
      ...codeFramesChanged(variable, counts, sources, labels, describe),
    ];
    for (const finding of findings) keyed.push({ finding, variableOrder: variable.order });
  }

  for (const finding of smallBases(sources, thresholds, describe))
    keyed.push({ finding, variableOrder: Infinity });

  // Warnings first, then by variable in the study's order; the stable sort keeps each rule's order.
  const kindRank = (kind: DataQualityKind) => DATA_QUALITY_KINDS.indexOf(kind);
  keyed.sort(
    (a, b) =>
      SEVERITY_RANK[a.finding.severity] - SEVERITY_RANK[b.finding.severity] ||
      a.variableOrder - b.variableOrder ||
      kindRank(a.finding.kind) - kindRank(b.finding.kind),
  );
  const findings = keyed.map((k) => k.finding);

  const counts = Object.fromEntries(DATA_QUALITY_KINDS.map((kind) => [kind, 0])) as Record<
    DataQualityKind,
    number
  >;
  const severities: Record<DataQualitySeverity, number> = { warning: 0, info: 0 };
  for (const finding of findings) {
    counts[finding.kind]++;
    severities[finding.severity]++;
  }
  return {
    findings,
    counts,
    severities,
    sources: sources.length,
    countries: new Set(sources.map((s) => s.country)).size,
    waves: new Set(sources.map((s) => s.wave)).size,
    thresholds,
  };
}
