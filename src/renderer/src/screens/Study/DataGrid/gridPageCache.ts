/**
 * The grid's window onto the study worker: rows are fetched in blocks (ROW_BLOCK rows ×
 * COLUMN_BLOCK columns) as they come into view, one block ahead and behind is prefetched, and only
 * the most recently used blocks are kept — the renderer never holds every row. While the user
 * scrolls fast, requests for blocks scrolled past are dropped before they are sent: only the
 * newest wish list is served, a few requests at a time.
 */
import type { GridPage, GridValue } from '../../../../../shared/api/grid';

export const ROW_BLOCK = 100;
export const COLUMN_BLOCK = 12;
const MAX_BLOCKS = 120;
const MAX_IN_FLIGHT = 3;

export type FetchPage = (offset: number, limit: number, variables: string[]) => Promise<GridPage>;

interface Block {
  rows: GridValue[][];
}

interface RowHeads {
  ids: string[];
  numbers: number[];
}

export class GridPageCache {
  /** Rows after the filter; null until the first page arrives. */
  total: number | null = null;
  private readonly blocks = new Map<string, Block>();
  private readonly heads = new Map<number, RowHeads>();
  private readonly inFlight = new Set<string>();
  private wanted: Array<{ key: string; rowBlock: number; columnBlock: number }> = [];
  private disposed = false;

  constructor(
    private readonly columns: readonly string[],
    private readonly fetchPage: FetchPage,
    private readonly onLoaded: () => void,
    private readonly onError: (error: Error) => void,
  ) {}

  dispose(): void {
    this.disposed = true;
    this.wanted = [];
  }

  /** The value at (row, column index); undefined while its block is loading. */
  cell(row: number, column: number): GridValue | undefined {
    const block = this.blocks.get(
      blockKey(Math.floor(row / ROW_BLOCK), Math.floor(column / COLUMN_BLOCK)),
    );
    return block?.rows[row % ROW_BLOCK]?.[column % COLUMN_BLOCK];
  }

  respondent(row: number): { id: string; number: number } | undefined {
    const heads = this.heads.get(Math.floor(row / ROW_BLOCK));
    const at = row % ROW_BLOCK;
    if (!heads || at >= heads.ids.length) return undefined;
    return { id: heads.ids[at]!, number: heads.numbers[at]! };
  }

  /** Asks for the blocks covering rows first..last × columns firstColumn..lastColumn, plus neighbours. */
  request(first: number, last: number, firstColumn: number, lastColumn: number): void {
    if (this.disposed) return;
    const maxRowBlock =
      this.total === null ? Number.POSITIVE_INFINITY : Math.ceil(this.total / ROW_BLOCK) - 1;
    const rowFrom = Math.floor(first / ROW_BLOCK);
    const rowTo = Math.floor(last / ROW_BLOCK);
    const columnFrom = Math.floor(firstColumn / COLUMN_BLOCK);
    const columnTo = Math.floor(Math.max(lastColumn, firstColumn) / COLUMN_BLOCK);
    const wanted: typeof this.wanted = [];
    const add = (rowBlock: number) => {
      if (rowBlock < 0 || rowBlock > maxRowBlock) return;
      for (let columnBlock = columnFrom; columnBlock <= columnTo; columnBlock++) {
        if (columnBlock * COLUMN_BLOCK >= Math.max(this.columns.length, 1)) continue;
        const key = blockKey(rowBlock, columnBlock);
        const known = this.blocks.get(key);
        if (known) {
          // Touch: most recently used last.
          this.blocks.delete(key);
          this.blocks.set(key, known);
        } else if (!this.inFlight.has(key)) wanted.push({ key, rowBlock, columnBlock });
      }
    };
    for (let rowBlock = rowFrom; rowBlock <= rowTo; rowBlock++) add(rowBlock);
    add(rowTo + 1);
    add(rowFrom - 1);
    this.wanted = wanted;
    this.pump();
  }

  private pump(): void {
    while (!this.disposed && this.inFlight.size < MAX_IN_FLIGHT && this.wanted.length > 0) {
      const next = this.wanted.shift()!;
      this.inFlight.add(next.key);
      const variables = this.columns.slice(
        next.columnBlock * COLUMN_BLOCK,
        (next.columnBlock + 1) * COLUMN_BLOCK,
      );
      this.fetchPage(next.rowBlock * ROW_BLOCK, ROW_BLOCK, variables).then(
        (page) => {
          this.inFlight.delete(next.key);
          if (this.disposed) return;
          this.total = page.total;
          this.blocks.set(next.key, { rows: page.rows });
          this.heads.set(next.rowBlock, { ids: page.respondentIds, numbers: page.rowNumbers });
          this.evict();
          this.onLoaded();
          this.pump();
        },
        (error: Error) => {
          this.inFlight.delete(next.key);
          if (!this.disposed) this.onError(error);
        },
      );
    }
  }

  private evict(): void {
    for (const key of this.blocks.keys()) {
      if (this.blocks.size <= MAX_BLOCKS) break;
      this.blocks.delete(key);
    }
    for (const rowBlock of this.heads.keys()) {
      if (this.heads.size <= MAX_BLOCKS) break;
      this.heads.delete(rowBlock);
    }
  }
}

function blockKey(rowBlock: number, columnBlock: number): string {
  return `${rowBlock}:${columnBlock}`;
}
