/**
 * The Data grid's pages, cut from the worker's in-memory columns. A page reads only its own rows
 * of the columns in view, so scrolling a 1,000,000-respondent study costs a few thousand cell
 * reads per page. Sorting and filtering run over every respondent once per (filter, sort) and
 * the resulting row order is kept (a few per study, dropped whenever the study file changes), so
 * the pages that follow only index into it.
 */
import { ApiError } from '../../shared/api/apiTypes';
import type {
  ColumnFilter,
  GridColumn,
  GridColumns,
  GridPage,
  GridPageInput,
  GridValue,
} from '../../shared/api/grid';
import { pickLabelJson } from '../../shared/domain/labels';
import type { VariableType } from '../../shared/domain/study';
import { spssSecondsToIso } from '../import/sav/savReader';
import { MISSING_U16, MISSING_U8, textAt, type ColumnData } from '../study/columnStore';
import { readLabelLanguage } from '../study/labelLanguage';
import type { ReadableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';
import type { ColumnCache } from './columnCache';
import { filterMask, resolveFilter } from './studyExpressions';

interface VariableRow {
  id: number;
  name: string;
  type: VariableType;
  labels_json: string;
  source_language: string | null;
  is_system: number;
  is_identifying: number;
}

const VARIABLE_COLUMNS =
  'id, name, type, labels_json, source_language, is_system, is_identifying FROM variables';

function valueLabelsOf(
  db: ReadableStudyDb,
  variable: VariableRow,
  language: string,
): Array<{ code: number; label: string }> {
  const rows = statement(
    db,
    'SELECT code, labels_json FROM value_labels WHERE variable_id = ? ORDER BY sort_order, code',
  ).all(variable.id) as Array<{ code: string; labels_json: string }>;
  return rows
    .map((row) => ({
      code: Number(row.code),
      label: pickLabelJson(row.labels_json, language, variable.source_language)?.text ?? row.code,
    }))
    .filter((entry) => !Number.isNaN(entry.code));
}

function columnOf(db: ReadableStudyDb, variable: VariableRow, language: string): GridColumn {
  return {
    name: variable.name,
    label: pickLabelJson(variable.labels_json, language, variable.source_language)?.text ?? null,
    type: variable.type,
    isIdentifying: variable.is_identifying === 1,
    isSystem: variable.is_system === 1,
    valueLabels: valueLabelsOf(db, variable, language),
  };
}

function studyRows(db: ReadableStudyDb): number {
  return (
    statement(db, 'SELECT coalesce(sum(row_count), 0) AS n FROM sources').get() as { n: number }
  ).n;
}

export function gridColumns(
  db: ReadableStudyDb,
  options: { includeIdentifying: boolean; language?: string | undefined },
): GridColumns {
  const language = options.language ?? readLabelLanguage(db);
  const variables = db
    .prepare(`SELECT ${VARIABLE_COLUMNS} ORDER BY sort_order, id`)
    .all() as VariableRow[];
  return {
    respondents: studyRows(db),
    columns: variables
      .filter((variable) => options.includeIdentifying || variable.is_identifying === 0)
      .map((variable) => columnOf(db, variable, language)),
  };
}

// ---- row order: filter, then sort ----

/** A number as the expression language reads it (no locale, no grouping). */
function literal(value: number): string {
  return String(value);
}

function columnFilterExpression(filter: ColumnFilter): string {
  const parts: string[] = [];
  if (filter.codes) parts.push(`${filter.variable} in (${filter.codes.map(literal).join(', ')})`);
  if (filter.min !== undefined || filter.max !== undefined) {
    const low = filter.min === undefined ? '' : literal(filter.min);
    const high = filter.max === undefined ? '' : literal(filter.max);
    parts.push(`${filter.variable} in (${low}..${high})`);
  }
  return parts.join(' and ');
}

/** The whole filter as one expression, or null when nothing is filtered. */
export function gridFilterExpression(
  db: ReadableStudyDb,
  filter: string | undefined,
  columnFilters: readonly ColumnFilter[] | undefined,
): string | null {
  const parts: string[] = [];
  if (filter) parts.push(`(${resolveFilter(db, filter)})`);
  for (const columnFilter of columnFilters ?? []) parts.push(columnFilterExpression(columnFilter));
  return parts.length === 0 ? null : parts.join(' and ');
}

function allRows(count: number): Uint32Array {
  const rows = new Uint32Array(count);
  for (let i = 0; i < count; i++) rows[i] = i;
  return rows;
}

function keptRows(mask: Uint8Array): Uint32Array {
  let kept = 0;
  for (let i = 0; i < mask.length; i++) kept += mask[i]!;
  const rows = new Uint32Array(kept);
  let at = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i] === 1) rows[at++] = i;
  return rows;
}

/** Stable counting sort of small codes; the missing sentinel goes last either way. */
function sortCodes(
  rows: Uint32Array,
  values: Uint8Array | Uint16Array,
  missing: number,
  descending: boolean,
): Uint32Array {
  const counts = new Uint32Array(missing + 2);
  // Bucket order: codes ascending (or descending), then the missing sentinel.
  const bucket = (code: number) =>
    code === missing ? missing : descending ? missing - 1 - code : code;
  for (let i = 0; i < rows.length; i++) counts[bucket(values[rows[i]!]!) + 1]!++;
  for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
  const sorted = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    sorted[counts[bucket(values[row]!)]!++] = row;
  }
  return sorted;
}

/**
 * Stable LSD radix sort of `rows` by 64-bit unsigned keys (`high`, `low`, one pair per row
 * position), 16 bits a pass: a million rows sort in a few passes over typed arrays, where a
 * comparator sort takes seconds. Equal keys keep their order, so ties stay in study order.
 */
function radixSort(rows: Uint32Array, high: Uint32Array | null, low: Uint32Array): Uint32Array {
  let order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  let next = new Uint32Array(rows.length);
  const counts = new Uint32Array(65536 + 1);
  const digits: Array<[Uint32Array, number]> = [
    [low, 0],
    [low, 16],
    ...(high
      ? ([
          [high, 0],
          [high, 16],
        ] as Array<[Uint32Array, number]>)
      : []),
  ];
  for (const [keys, shift] of digits) {
    counts.fill(0);
    for (let i = 0; i < order.length; i++) counts[((keys[order[i]!]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < order.length; i++) {
      const at = order[i]!;
      next[counts[(keys[at]! >>> shift) & 0xffff]!++] = at;
    }
    [order, next] = [next, order];
  }
  for (let i = 0; i < order.length; i++) order[i] = rows[order[i]!]!;
  return order;
}

/** Sorts `present` by number and appends `absent` (the missing rows, in study order). */
function sortNumbers(
  present: Uint32Array,
  absent: Uint32Array,
  values: Float64Array,
  descending: boolean,
): Uint32Array {
  // A double's bits as an unsigned key in numeric order: flip the sign bit of positives and
  // every bit of negatives; descending inverts the key.
  const high = new Uint32Array(present.length);
  const low = new Uint32Array(present.length);
  const number = new Float64Array(1);
  const words = new Uint32Array(number.buffer);
  const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const [lowWord, highWord] = littleEndian ? [0, 1] : [1, 0];
  for (let i = 0; i < present.length; i++) {
    number[0] = values[present[i]!]! + 0; // -0 sorts as 0
    let h = words[highWord]!;
    let l = words[lowWord]!;
    if (h & 0x80000000) {
      h = ~h;
      l = ~l;
    } else h |= 0x80000000;
    if (descending) {
      h = ~h;
      l = ~l;
    }
    high[i] = h >>> 0;
    low[i] = l >>> 0;
  }
  return withAbsent(radixSort(present, high, low), absent);
}

function withAbsent(sorted: Uint32Array, absent: Uint32Array): Uint32Array {
  const all = new Uint32Array(sorted.length + absent.length);
  all.set(sorted);
  all.set(absent, sorted.length);
  return all;
}

/** `rows` in the column's order: missing last either way, ties in the order given. */
export function sortRows(
  rows: Uint32Array,
  column: ColumnData,
  descending: boolean,
  language: string,
): Uint32Array {
  if (column.encoding === 'u8') return sortCodes(rows, column.values, MISSING_U8, descending);
  if (column.encoding === 'u16') return sortCodes(rows, column.values, MISSING_U16, descending);
  if (column.encoding === 'f64') {
    const values = column.values;
    let missing = 0;
    for (let i = 0; i < rows.length; i++) if (Number.isNaN(values[rows[i]!]!)) missing++;
    const present = new Uint32Array(rows.length - missing);
    const absent = new Uint32Array(missing);
    let p = 0;
    let a = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      if (Number.isNaN(values[row]!)) absent[a++] = row;
      else present[p++] = row;
    }
    return sortNumbers(present, absent, values, descending);
  }
  // Text: rank the distinct values once with the label language's collation, then sort by rank.
  const textOf: string[] = new Array<string>(rows.length);
  const distinct = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < rows.length; i++) {
    const text = textAt(column, rows[i]!);
    textOf[i] = text;
    if (text === '') missing++;
    else distinct.set(text, 0);
  }
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: 'base' });
  // Texts the collation holds equal ("Ben", "ben") share a rank, so they stay in study order.
  let rank = -1;
  let previous: string | null = null;
  for (const text of [...distinct.keys()].sort(collator.compare)) {
    if (previous === null || collator.compare(previous, text) !== 0) rank++;
    distinct.set(text, rank);
    previous = text;
  }
  const present = new Uint32Array(rows.length - missing);
  const absent = new Uint32Array(missing);
  const ranks = new Uint32Array(present.length);
  let p = 0;
  let a = 0;
  for (let i = 0; i < rows.length; i++) {
    if (textOf[i] === '') absent[a++] = rows[i]!;
    else {
      ranks[p] = descending ? ~distinct.get(textOf[i]!)! >>> 0 : distinct.get(textOf[i]!)!;
      present[p++] = rows[i]!;
    }
  }
  return withAbsent(radixSort(present, null, ranks), absent);
}

interface RowOrder {
  /** The rows in grid order; null when every row shows in study order. */
  rows: Uint32Array | null;
  total: number;
}

/** A few recent orders per open study, valid while the study file is unchanged. */
const ORDERS_KEPT = 4;
const orderCaches = new WeakMap<ColumnCache, Map<string, RowOrder>>();

/** Rises with every write to the study through this connection (imports, labels, weights …). */
function changeCount(db: ReadableStudyDb): number {
  return (statement(db, 'SELECT total_changes() AS n').get() as { n: number }).n;
}

function rowOrder(
  db: ReadableStudyDb,
  cache: ColumnCache,
  input: GridPageInput,
  sortVariable: VariableRow | null,
  language: string,
): RowOrder {
  const expression = gridFilterExpression(db, input.filter, input.columnFilters);
  const sort = sortVariable
    ? { name: sortVariable.name, descending: input.sort!.descending }
    : null;
  if (expression === null && sort === null) return { rows: null, total: studyRows(db) };
  const key = JSON.stringify({ version: changeCount(db), expression, sort, language });
  let orders = orderCaches.get(cache);
  if (!orders) orderCaches.set(cache, (orders = new Map()));
  const known = orders.get(key);
  if (known) {
    orders.delete(key);
    orders.set(key, known);
    return known;
  }
  let rows =
    expression === null ? allRows(studyRows(db)) : keptRows(filterMask(db, cache, expression));
  if (sort) rows = sortRows(rows, cache.get(sort.name).column, sort.descending, language);
  const order = { rows, total: rows.length };
  orders.set(key, order);
  for (const old of orders.keys()) {
    if (orders.size <= ORDERS_KEPT) break;
    orders.delete(old);
  }
  return order;
}

// ---- cells ----

type CellReader = (row: number) => GridValue;

function cellReader(column: ColumnData, variable: GridColumn, labels: boolean): CellReader {
  const labelOf = new Map(variable.valueLabels.map((entry) => [entry.code, entry.label]));
  const coded = labels && labelOf.size > 0;
  const code = (value: number): GridValue => (coded ? (labelOf.get(value) ?? value) : value);
  switch (column.encoding) {
    case 'u8':
      return (row) => (column.values[row] === MISSING_U8 ? null : code(column.values[row]!));
    case 'u16':
      return (row) => (column.values[row] === MISSING_U16 ? null : code(column.values[row]!));
    case 'f64':
      if (labels && variable.type === 'date')
        return (row) => {
          const value = column.values[row]!;
          return Number.isNaN(value) ? null : (spssSecondsToIso(value) ?? value);
        };
      return (row) => (Number.isNaN(column.values[row]!) ? null : code(column.values[row]!));
    case 'utf8':
      // A multiple answer is stored as its codes, "1;3": as labels it reads "Email; Phone".
      if (coded && variable.type === 'multi')
        return (row) => {
          const text = textAt(column, row);
          if (text === '') return null;
          return text
            .split(';')
            .map((part) => labelOf.get(Number(part)) ?? part)
            .join('; ');
        };
      return (row) => {
        const text = textAt(column, row);
        return text === '' ? null : text;
      };
  }
}

// ---- respondent IDs ----

interface SourceSpan {
  start: number;
  rows: number;
  fileName: string;
  idVariable: string | null;
}

function sourceSpans(db: ReadableStudyDb): SourceSpan[] {
  const sources = statement(
    db,
    'SELECT file_name, row_count, attributes_json FROM sources ORDER BY sort_order, id',
  ).all() as Array<{ file_name: string; row_count: number; attributes_json: string }>;
  const known = new Set(
    (db.prepare('SELECT lower(name) AS name FROM variables').all() as Array<{ name: string }>).map(
      (row) => row.name,
    ),
  );
  let start = 0;
  return sources.map((source) => {
    const attributes = JSON.parse(source.attributes_json) as {
      respondentId?: { variable?: string | null };
    };
    const idVariable = attributes.respondentId?.variable ?? null;
    const span = {
      start,
      rows: source.row_count,
      fileName: source.file_name,
      idVariable: idVariable !== null && known.has(idVariable.toLowerCase()) ? idVariable : null,
    };
    start += source.row_count;
    return span;
  });
}

function spanOf(spans: readonly SourceSpan[], row: number): SourceSpan {
  let low = 0;
  let high = spans.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (spans[middle]!.start <= row) low = middle;
    else high = middle - 1;
  }
  return spans[low]!;
}

function respondentId(cache: ColumnCache, spans: readonly SourceSpan[], row: number): string {
  const span = spanOf(spans, row);
  if (span.idVariable !== null) {
    const { column } = cache.get(span.idVariable);
    const value =
      column.encoding === 'utf8'
        ? textAt(column, row)
        : column.encoding === 'f64'
          ? column.values[row]!
          : column.values[row] === (column.encoding === 'u8' ? MISSING_U8 : MISSING_U16)
            ? Number.NaN
            : column.values[row]!;
    if (value !== '' && !(typeof value === 'number' && Number.isNaN(value))) return String(value);
  }
  return `#${row - span.start + 1} ${span.fileName}`;
}

// ---- the page ----

function findVariable(db: ReadableStudyDb, name: string): VariableRow {
  const row = statement(db, `SELECT ${VARIABLE_COLUMNS} WHERE lower(name) = lower(?)`).get(name) as
    VariableRow | undefined;
  if (!row) throw new ApiError('not-found', `grid: no variable named ${JSON.stringify(name)}`);
  return row;
}

export function gridPage(db: ReadableStudyDb, cache: ColumnCache, input: GridPageInput): GridPage {
  const language = input.language ?? readLabelLanguage(db);
  const variables = (
    input.variables
      ? input.variables.map((name) => findVariable(db, name))
      : (db.prepare(`SELECT ${VARIABLE_COLUMNS} ORDER BY sort_order, id`).all() as VariableRow[])
  ).filter((variable) => input.includeIdentifying || variable.is_identifying === 0);
  const sortVariable = input.sort ? findVariable(db, input.sort.variable) : null;
  const order = rowOrder(db, cache, input, sortVariable, language);
  const end = Math.min(order.total, input.offset + input.limit);
  const pageRows: number[] = [];
  for (let i = input.offset; i < end; i++) pageRows.push(order.rows ? order.rows[i]! : i);

  const columns = variables.map((variable) => columnOf(db, variable, language));
  const readers = columns.map((column) =>
    cellReader(cache.get(column.name).column, column, input.labels),
  );
  const spans = sourceSpans(db);
  return {
    total: order.total,
    offset: input.offset,
    columns: columns.map(({ name, label, type }) => ({ name, label, type })),
    rows: pageRows.map((row) => readers.map((read) => read(row))),
    respondentIds: pageRows.map((row) => respondentId(cache, spans, row)),
    rowNumbers: pageRows.map((row) => row + 1),
  };
}
