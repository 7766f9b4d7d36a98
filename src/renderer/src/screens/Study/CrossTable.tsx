/**
 * One cross-table on screen: a sticky header (banner groups, then column labels with their
 * letters) and a sticky stub column, so a 50 × 20 table stays readable while scrolling; numbers
 * right-aligned in tabular figures through the shared table formatter; significance letters in
 * a muted colour beside them, each a button that explains the comparison; bases at the foot,
 * low bases marked. Columns are resized by dragging a header's right edge (a double click there
 * gives the column back its natural width). While `pending`, the
 * frame (labels) is shown and the numbers are blank until they arrive.
 */
import { Fragment, useCallback, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TableResult } from '../../../../shared/domain/table';
import { formatNumber, tableDecimals, type Decimals } from '../../../../shared/domain/tableFormat';
import { LabelText } from '../../components/LabelText';
import { cellText, type CellContent } from './Tables/cellText';
import './Tables/tables.css';

export type { CellContent } from './Tables/cellText';

export interface Comparison {
  title: string;
  detail: string;
}

interface CrossTableProps {
  result: TableResult;
  content: CellContent;
  onCompare: (comparison: Comparison) => void;
  decimals?: Decimals;
  /** Labels only: the numbers are on their way. */
  pending?: boolean;
  /** The base rows at the foot (on unless turned off). */
  showBases?: boolean;
}

const STUB = 'stub';
const MIN_WIDTH = 48;

/** Column widths the user dragged, by column id; others size to their content. */
function useColumnWidths() {
  const [widths, setWidths] = useState<Record<string, number>>({});
  const drag = useRef<{ id: string; startX: number; startWidth: number } | null>(null);
  const start = useCallback((id: string, event: PointerEvent<HTMLSpanElement>) => {
    const cell = event.currentTarget.parentElement;
    if (!cell) return;
    event.preventDefault();
    event.stopPropagation();
    drag.current = { id, startX: event.clientX, startWidth: cell.getBoundingClientRect().width };
    event.currentTarget.setPointerCapture(event.pointerId);
  }, []);
  const move = useCallback((event: PointerEvent<HTMLSpanElement>) => {
    const current = drag.current;
    if (!current) return;
    const width = Math.max(MIN_WIDTH, current.startWidth + event.clientX - current.startX);
    setWidths((w) => ({ ...w, [current.id]: Math.round(width) }));
  }, []);
  const end = useCallback(() => {
    drag.current = null;
  }, []);
  /** Back to the width of its content. */
  const reset = useCallback((id: string) => {
    setWidths(({ [id]: _dropped, ...rest }) => rest);
  }, []);
  return { widths, start, move, end, reset };
}

export function CrossTable({
  result,
  content,
  onCompare,
  decimals = tableDecimals(),
  pending = false,
  showBases = true,
}: CrossTableProps) {
  const { t } = useTranslation('tables');
  const { widths, start, move, end, reset } = useColumnWidths();
  // A question not everyone was asked has its own base, shown under its rows.
  const stubBases = new Map((result.stubBases ?? []).map((stub) => [stub.variable, stub.bases]));

  const explain = (rowIndex: number, columnIndex: number, letter: string) => {
    const row = result.rows[rowIndex]!;
    const column = result.columns[columnIndex]!;
    const other = result.columns.find(
      (c) => c.group === column.group && c.letter === letter.toUpperCase(),
    );
    if (!other) return;
    const pair = result.tests.pairs.find(
      (p) =>
        p.row.variable === row.variable &&
        p.row.code === row.code &&
        ((p.a === column.id && p.b === other.id) || (p.a === other.id && p.b === column.id)),
    );
    const otherIndex = result.columns.indexOf(other);
    const value = (c: number) =>
      row.code === null
        ? formatNumber(row.cells[c]!.mean, 'mean', decimals)
        : formatNumber(row.cells[c]!.colPct, 'percent', decimals);
    const base = (c: number) => (stubBases.get(row.variable) ?? result.bases)[c]!;
    onCompare({
      title: t('comparison.title', {
        row: row.label,
        a: column.label,
        aValue: value(columnIndex),
        b: other.label,
        bValue: value(otherIndex),
      }),
      detail: pair
        ? t('comparison.detail', {
            aBase: formatNumber(base(columnIndex).n, 'base'),
            bBase: formatNumber(base(otherIndex).n, 'base'),
            aEffective: base(columnIndex).effective.toFixed(1),
            bEffective: base(otherIndex).effective.toFixed(1),
            test: pair.test ?? t('comparison.test'),
            statistic: pair.statistic?.toFixed(3) ?? '–',
            p: pair.p.toPrecision(3),
            adjusted: (pair.adjustedP ?? pair.p).toPrecision(3),
            correction: pair.adjustment ?? t('comparison.noCorrection'),
          })
        : t('comparison.missing'),
    });
  };

  // Weighted tables show what the percentages and tests stand on: weighted and effective bases.
  const weighted = result.bases.some(
    (base) => Math.abs(base.wn - base.n) > 1e-9 || Math.abs(base.effective - base.n) > 1e-9,
  );
  // Banner groups over the column labels: Total, then one span per banner variable.
  const groups: Array<{ key: string; label: string; span: number }> = [];
  for (const column of result.columns) {
    const last = groups[groups.length - 1];
    const key = String(column.group);
    if (last && last.key === key) last.span += 1;
    else groups.push({ key, label: column.group < 0 ? '' : column.variable, span: 1 });
  }
  const groupStart = (i: number) =>
    i > 0 && result.columns[i - 1]!.group !== result.columns[i]!.group ? ' group-start' : '';

  const resizer = (id: string, name: string) => (
    <span
      className="cross-table__resize"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('table.resize', { name })}
      onPointerDown={(event) => start(id, event)}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
      onDoubleClick={() => reset(id)}
    />
  );
  const blank = pending ? '' : undefined;

  return (
    <div className="table-scroll" aria-busy={pending}>
      <table
        className={pending ? 'cross-table cross-table--pending' : 'cross-table'}
        aria-label={t('table.label')}
      >
        <colgroup>
          <col style={widths[STUB] ? { width: widths[STUB] } : undefined} />
          {result.columns.map((column) => (
            <col
              key={column.id}
              style={widths[column.id] ? { width: widths[column.id] } : undefined}
            />
          ))}
        </colgroup>
        <thead>
          <tr className="cross-table__groups">
            <th className="stub" />
            {groups.map((group, i) => (
              <th
                key={`${group.key}:${i}`}
                colSpan={group.span}
                className={i > 0 ? 'group-start' : undefined}
              >
                {group.label}
              </th>
            ))}
          </tr>
          <tr className="cross-table__labels">
            <th className="stub">{resizer(STUB, '')}</th>
            {result.columns.map((column, i) => (
              <th key={column.id} className={`num${groupStart(i)}`} scope="col">
                <div>
                  <LabelText text={column.label} fallbackLanguage={column.labelLanguage} />
                </div>
                {column.letter && <div className="cross-table__letter">({column.letter})</div>}
                {resizer(column.id, column.label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, rowIndex) => {
            const first = result.rows[rowIndex - 1]?.variable !== row.variable;
            return (
              <Fragment key={`${row.variable}:${String(row.code)}`}>
                <tr className={first && rowIndex > 0 ? 'stub-start' : undefined}>
                  <th scope="row" className="stub">
                    <span className="muted">{row.variable}</span>{' '}
                    <LabelText text={row.label} fallbackLanguage={row.labelLanguage} />
                  </th>
                  {row.cells.map((cell, columnIndex) => (
                    <td key={columnIndex} className={`num${groupStart(columnIndex)}`}>
                      {blank ?? cellText(row, cell, content, decimals)}
                      {!pending && cell.sig && (
                        <span className="sig">
                          {[...cell.sig].map((letter, i) => (
                            <button
                              key={i}
                              type="button"
                              className="sig__letter"
                              onClick={() => explain(rowIndex, columnIndex, letter)}
                              aria-label={t('table.why', { letter })}
                            >
                              {letter}
                            </button>
                          ))}
                        </span>
                      )}
                      {!pending && cell.marks && <span className="mark">{cell.marks}</span>}
                    </td>
                  ))}
                </tr>
                {showBases &&
                  result.rows[rowIndex + 1]?.variable !== row.variable &&
                  stubBases.has(row.variable) && (
                    <tr className="stub-base">
                      <th scope="row" className="stub">
                        {t('table.stubBase', { name: row.variable })}
                      </th>
                      {stubBases.get(row.variable)!.map((base, i) => (
                        <td
                          key={i}
                          className={`num${groupStart(i)}${base.lowBase ? ' low-base' : ''}`}
                        >
                          {formatNumber(base.n, 'base')}
                          {base.lowBase && '*'}
                        </td>
                      ))}
                    </tr>
                  )}
              </Fragment>
            );
          })}
        </tbody>
        {showBases && (
          <tfoot>
            <tr>
              <th scope="row" className="stub">
                {stubBases.size > 0 ? t('table.allRespondents') : t('table.base')}
              </th>
              {result.bases.map((base, i) => (
                <td
                  key={i}
                  className={`num${groupStart(i)}${base.lowBase ? ' low-base' : ''}`}
                  title={base.lowBase ? t('table.lowBase') : undefined}
                >
                  {blank ?? formatNumber(base.n, 'base')}
                  {!pending && base.lowBase && '*'}
                </td>
              ))}
            </tr>
            {weighted && !pending && (
              <>
                <tr>
                  <th scope="row" className="stub">
                    {t('table.weightedBase')}
                  </th>
                  {result.bases.map((base, i) => (
                    <td key={i} className={`num${groupStart(i)}`}>
                      {formatNumber(base.wn, 'weightedCount')}
                    </td>
                  ))}
                </tr>
                <tr>
                  <th scope="row" className="stub">
                    {t('table.effectiveBase')}
                  </th>
                  {result.bases.map((base, i) => (
                    <td key={i} className={`num${groupStart(i)}`}>
                      {formatNumber(base.effective, 'weightedCount')}
                    </td>
                  ))}
                </tr>
              </>
            )}
          </tfoot>
        )}
      </table>
    </div>
  );
}
