/**
 * The worker's columns in memory: only the variables a job asks for are loaded, and the least
 * recently used are dropped when the cache would outgrow its memory budget — so a study of
 * 1,000,000 respondents × 5,000 variables works without ever being loaded whole. Anything that
 * changes the data (an import, a recomputed weight) invalidates what it touched.
 */
import { totalmem } from 'node:os';
import { loadColumn, rowCountOf, type ColumnData, type ColumnEncoding } from '../study/columnStore';
import type { ReadableStudyDb } from '../study/studyDb';
import { statement } from '../study/statementCache';

export interface CachedVariable {
  id: number;
  name: string;
  storage: ColumnEncoding;
  column: ColumnData;
}

function bytesOf(column: ColumnData): number {
  return column.encoding === 'utf8'
    ? column.bytes.byteLength + column.offsets.byteLength
    : column.values.byteLength;
}

/** A quarter of the machine's memory unless CEW_COLUMN_CACHE_MB says otherwise. */
export function defaultCacheBudget(): number {
  const configured = Number(process.env.CEW_COLUMN_CACHE_MB);
  return Number.isFinite(configured) && configured > 0
    ? configured * 1024 * 1024
    : Math.floor(totalmem() / 4);
}

export class ColumnCache {
  // A Map keeps insertion order: re-inserting on use makes its first key the least recently used.
  private readonly entries = new Map<
    string,
    { variable: CachedVariable; bytes: number; derived?: Map<string, unknown> }
  >();
  private usedBytes = 0;

  constructor(
    private readonly db: ReadableStudyDb,
    private readonly budgetBytes: number = defaultCacheBudget(),
  ) {}

  get bytes(): number {
    return this.usedBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The variable's column over all sources; names are matched case-insensitively, as in SPSS. */
  get(name: string): CachedVariable {
    const key = name.toLowerCase();
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.variable;
    }
    const row = statement(
      this.db,
      'SELECT id, name, storage FROM variables WHERE lower(name) = ?',
    ).get(key) as { id: number; name: string; storage: ColumnEncoding } | undefined;
    if (!row) throw new Error(`no variable named ${name}`);
    const column = loadColumn(this.db, row.id, row.storage);
    const variable: CachedVariable = { ...row, column };
    const bytes = bytesOf(column);
    this.evictFor(bytes);
    this.entries.set(key, { variable, bytes });
    this.usedBytes += bytes;
    return variable;
  }

  /**
   * Something made from a variable's column (its numbers, its categories), kept with the column:
   * counted in the budget, and dropped when the column is dropped or invalidated, so it is never
   * older than the column it was made from.
   */
  derived<T>(
    name: string,
    slot: string,
    make: (variable: CachedVariable) => T,
    bytesOf: (made: T, variable: CachedVariable) => number,
  ): T {
    const variable = this.get(name);
    const key = name.toLowerCase();
    const entry = this.entries.get(key)!;
    if (entry.derived?.has(slot)) return entry.derived.get(slot) as T;
    const made = make(variable);
    const bytes = bytesOf(made, variable);
    // Room is made among the other columns; the one used now is the most recent, so goes last.
    this.evictFor(bytes);
    if (this.entries.get(key) !== entry) return made;
    (entry.derived ??= new Map()).set(slot, made);
    entry.bytes += bytes;
    this.usedBytes += bytes;
    return made;
  }

  /** Loads several at once; a job asks for exactly the columns it needs. */
  getAll(names: readonly string[]): CachedVariable[] {
    return names.map((name) => this.get(name));
  }

  rows(name: string): number {
    return rowCountOf(this.get(name).column);
  }

  invalidate(names?: readonly string[]): void {
    if (!names) {
      this.entries.clear();
      this.usedBytes = 0;
      return;
    }
    for (const name of names) {
      const entry = this.entries.get(name.toLowerCase());
      if (!entry) continue;
      this.usedBytes -= entry.bytes;
      this.entries.delete(name.toLowerCase());
    }
  }

  private evictFor(incoming: number): void {
    for (const [key, entry] of this.entries) {
      if (this.usedBytes + incoming <= this.budgetBytes) return;
      this.entries.delete(key);
      this.usedBytes -= entry.bytes;
    }
  }
}
