/**
 * The grid itself: TanStack Table owns the columns (sizes, the sort state, which the worker
 * applies), TanStack Virtual decides which rows and which columns are in view, and the page cache
 * supplies their values. Only the cells in view exist in the DOM — a few hundred, whether the
 * study has 7,000 respondents or 1,000,000, and 30 variables or 3,000. The header row and the
 * respondent column stay put while the rest scrolls.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import {
  columnSizingFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type OnChangeFn,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { GridColumn, GridValue } from '../../../../../shared/api/grid';
import type { GridPageCache } from './gridPageCache';

const features = tableFeatures({ rowSortingFeature, columnSizingFeature });
const helper = createColumnHelper<typeof features, GridRow>();

/** A row in view: its position in the filtered, sorted grid. */
interface GridRow {
  index: number;
}

export const ROW_HEIGHT = 26;
/**
 * Rows are keyed by slot (index modulo this), not by index, so a scroll reuses the row elements
 * already in the DOM and only changes their text and position. More than the rows ever in view.
 */
const ROW_SLOTS = 256;
/**
 * The most rows the grid scrolls through: Chromium caps an element's height at about 33.5
 * million pixels, which 1,200,000 rows of ROW_HEIGHT stay under. Beyond it the view says so and
 * a filter or a sort brings the other rows into reach.
 */
export const MAX_SCROLL_ROWS = 1_200_000;
const HEADER_HEIGHT = 44;
const RESPONDENT_WIDTH = 150;

/** Wide enough for the name and the longest label, within reason. */
function columnWidth(column: GridColumn): number {
  const longest = Math.max(
    column.name.length,
    ...column.valueLabels.map((entry) => entry.label.length),
    column.type === 'text' ? 24 : 6,
  );
  return Math.min(240, Math.max(84, longest * 7.5 + 28));
}

function isNumber(value: GridValue | undefined): value is number {
  return typeof value === 'number';
}

interface DataGridTableProps {
  columns: GridColumn[];
  cache: GridPageCache;
  total: number;
  /** Bumped whenever the cache receives rows, so the cells in view re-read it. */
  version: number;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  onFilterColumn: (name: string) => void;
  filteredColumns: ReadonlySet<string>;
  /** Changes when the rows change order or membership (filter, sort): back to the top then. */
  orderKey: string;
}

export function DataGridTable({
  columns,
  cache,
  total,
  version,
  sorting,
  onSortingChange,
  onFilterColumn,
  filteredColumns,
  orderKey,
}: DataGridTableProps) {
  const { t } = useTranslation('data');
  const scrollRef = useRef<HTMLDivElement>(null);

  const columnDefs = useMemo(
    () =>
      helper.columns(
        columns.map((column, index) =>
          helper.accessor((row) => cache.cell(row.index, index) ?? null, {
            id: column.name,
            header: column.name,
            size: columnWidth(column),
            meta: { label: column.label },
          }),
        ),
      ),
    [columns, cache],
  );

  const rowVirtualizer = useVirtualizer({
    count: Math.min(total, MAX_SCROLL_ROWS),
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => columnWidth(columns[index]!),
    overscan: 3,
  });
  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();

  // The rows in view are the table's data; `version` makes them re-read the cache.
  const data = useMemo<GridRow[]>(
    () => virtualRows.map((item) => ({ index: item.index })),
    [virtualRows[0]?.index, virtualRows[virtualRows.length - 1]?.index, version, cache],
  );

  const table = useTable(
    {
      features,
      columns: columnDefs,
      data,
      getRowId: (row) => String(row.index),
      state: { sorting },
      onSortingChange,
      manualSorting: true,
      enableMultiSort: false,
      sortDescFirst: false,
    },
    (state) => ({ sorting: state.sorting }),
  );

  const firstRow = virtualRows[0]?.index ?? 0;
  const lastRow = virtualRows[virtualRows.length - 1]?.index ?? 0;
  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns[virtualColumns.length - 1]?.index ?? 0;
  useEffect(() => {
    cache.request(firstRow, lastRow, firstColumn, lastColumn);
  }, [cache, firstRow, lastRow, firstColumn, lastColumn]);

  // A new filter or sort starts again at the top; labels or codes keep the place.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [orderKey]);

  const leafColumns = table.getAllLeafColumns();
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const tableRows = table.getRowModel().rows;
  const width = RESPONDENT_WIDTH + columnVirtualizer.getTotalSize();
  const height = HEADER_HEIGHT + rowVirtualizer.getTotalSize();

  return (
    <div
      ref={scrollRef}
      className="data-grid"
      role="grid"
      aria-label={t('gridLabel')}
      aria-rowcount={total + 1}
      aria-colcount={columns.length + 1}
      tabIndex={0}
    >
      <div className="data-grid__canvas" style={{ width, height }}>
        <div className="data-grid__header" role="row" aria-rowindex={1} style={{ width }}>
          <div
            className="data-grid__corner"
            role="columnheader"
            aria-colindex={1}
            style={{ width: RESPONDENT_WIDTH }}
          >
            {t('respondent')}
          </div>
          {virtualColumns.map((item) => {
            const header = headers[item.index];
            const column = header?.column;
            if (!column) return null;
            const sorted = column.getIsSorted();
            const label = (column.columnDef.meta as { label: string | null } | undefined)?.label;
            return (
              <div
                key={column.id}
                className="data-grid__column-header"
                role="columnheader"
                aria-colindex={item.index + 2}
                aria-sort={
                  sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                }
                style={{
                  width: item.size,
                  transform: `translateX(${RESPONDENT_WIDTH + item.start}px)`,
                }}
                title={label ?? column.id}
              >
                <button
                  type="button"
                  className="data-grid__sort"
                  aria-label={t('sortBy', { name: column.id })}
                  onClick={column.getToggleSortingHandler()}
                >
                  <span className="data-grid__name">
                    {column.id}
                    {sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}
                  </span>
                  <span className="data-grid__label">{label ?? ''}</span>
                </button>
                <button
                  type="button"
                  className={
                    filteredColumns.has(column.id)
                      ? 'data-grid__filter data-grid__filter--active'
                      : 'data-grid__filter'
                  }
                  aria-label={t('filterColumn', { name: column.id })}
                  aria-pressed={filteredColumns.has(column.id)}
                  onClick={() => onFilterColumn(column.id)}
                >
                  ▾
                </button>
              </div>
            );
          })}
        </div>
        {virtualRows.map((item, position) => {
          const row = tableRows[position];
          const respondent = cache.respondent(item.index);
          return (
            <div
              key={item.index % ROW_SLOTS}
              className={
                item.index % 2 === 1 ? 'data-grid__row data-grid__row--odd' : 'data-grid__row'
              }
              role="row"
              aria-rowindex={item.index + 2}
              style={{ width, transform: `translateY(${HEADER_HEIGHT + item.start}px)` }}
            >
              <div
                className="data-grid__respondent"
                role="rowheader"
                aria-colindex={1}
                style={{ width: RESPONDENT_WIDTH }}
                title={respondent ? t('rowTitle', { number: respondent.number }) : undefined}
              >
                {respondent?.id ?? '…'}
              </div>
              {row &&
                virtualColumns.map((columnItem) => {
                  const column = leafColumns[columnItem.index];
                  if (!column) return null;
                  const value = cache.cell(item.index, columnItem.index);
                  return (
                    <div
                      key={column.id}
                      className={
                        isNumber(value)
                          ? 'data-grid__cell data-grid__cell--number'
                          : 'data-grid__cell'
                      }
                      role="gridcell"
                      aria-colindex={columnItem.index + 2}
                      style={{
                        width: columnItem.size,
                        transform: `translateX(${RESPONDENT_WIDTH + columnItem.start}px)`,
                      }}
                    >
                      {value === undefined
                        ? '…'
                        : value === null
                          ? ''
                          : String(row.getValue(column.id))}
                    </div>
                  );
                })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
