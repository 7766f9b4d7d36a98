/**
 * One cross-table on screen: numbers right-aligned in tabular figures, significance letters in a
 * muted colour beside them (each a button that explains itself), bases at the foot, low bases
 * marked. Column percentages for category rows, means for means rows.
 */
import { Fragment } from 'react';
import type { TableCell, TableResult } from '../../../../shared/domain/table';
import { LabelText } from '../../components/LabelText';
import { formatInteger } from '../../format';

export interface Comparison {
  title: string;
  detail: string;
}

/** What a category cell shows; letters always belong to the column percentage's test. */
export type CellContent = 'colPct' | 'rowPct' | 'totalPct' | 'index' | 'count' | 'weighted';

interface CrossTableProps {
  result: TableResult;
  content: CellContent;
  onCompare: (comparison: Comparison) => void;
}

function shown(cell: TableCell, content: CellContent): string {
  switch (content) {
    case 'colPct':
      return percent(cell.colPct);
    case 'rowPct':
      return percent(cell.rowPct);
    case 'totalPct':
      return percent(cell.totalPct ?? null);
    case 'index':
      return cell.index === null || cell.index === undefined ? '–' : cell.index.toFixed(0);
    case 'count':
      return formatInteger(cell.n);
    case 'weighted':
      return cell.wn.toFixed(1);
  }
}

function percent(value: number | null): string {
  return value === null ? '–' : `${value.toFixed(0)}%`;
}

export function CrossTable({ result, content, onCompare }: CrossTableProps) {
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
      row.code === null ? (row.cells[c]!.mean ?? 0).toFixed(2) : percent(row.cells[c]!.colPct);
    const base = (c: number) => (stubBases.get(row.variable) ?? result.bases)[c]!;
    onCompare({
      title: `${row.label}: ${column.label} (${value(columnIndex)}) vs ${other.label} (${value(otherIndex)})`,
      detail: pair
        ? `Bases ${formatInteger(base(columnIndex).n)} and ${formatInteger(base(otherIndex).n)} (effective ${base(columnIndex).effective.toFixed(1)} and ${base(otherIndex).effective.toFixed(1)}). ${pair.test ?? 'test'}: statistic ${pair.statistic?.toFixed(3) ?? '–'}, p = ${pair.p.toPrecision(3)}, adjusted p = ${(pair.adjustedP ?? pair.p).toPrecision(3)} (${pair.adjustment ?? 'no'} correction).`
        : 'No comparison recorded for this pair.',
    });
  };

  // Weighted tables show what the percentages and tests stand on: weighted and effective bases.
  const weighted = result.bases.some(
    (base) => Math.abs(base.wn - base.n) > 1e-9 || Math.abs(base.effective - base.n) > 1e-9,
  );

  return (
    <div className="table-scroll">
      <table className="cross-table" aria-label="Cross-table">
        <thead>
          <tr>
            <th />
            {result.columns.map((column) => (
              <th key={column.id} className="num">
                <div>
                  <LabelText text={column.label} fallbackLanguage={column.labelLanguage} />
                </div>
                {column.letter && <div className="cross-table__letter">({column.letter})</div>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((row, rowIndex) => (
            <Fragment key={`${row.variable}:${String(row.code)}`}>
              <tr>
                <th scope="row">
                  <span className="muted">{row.variable}</span>{' '}
                  <LabelText text={row.label} fallbackLanguage={row.labelLanguage} />
                </th>
                {row.cells.map((cell, columnIndex) => (
                  <td key={columnIndex} className="num">
                    {row.code === null
                      ? cell.mean === null || cell.mean === undefined
                        ? '–'
                        : cell.mean.toFixed(2)
                      : shown(cell, content)}
                    {cell.sig && (
                      <span className="sig">
                        {[...cell.sig].map((letter, i) => (
                          <button
                            key={i}
                            type="button"
                            className="sig__letter"
                            onClick={() => explain(rowIndex, columnIndex, letter)}
                            aria-label={`Why ${letter}?`}
                          >
                            {letter}
                          </button>
                        ))}
                      </span>
                    )}
                    {cell.marks && <span className="mark">{cell.marks}</span>}
                  </td>
                ))}
              </tr>
              {result.rows[rowIndex + 1]?.variable !== row.variable &&
                stubBases.has(row.variable) && (
                  <tr className="stub-base">
                    <th scope="row">
                      <span className="muted">{row.variable}</span> base (n)
                    </th>
                    {stubBases.get(row.variable)!.map((base, i) => (
                      <td key={i} className={base.lowBase ? 'num low-base' : 'num'}>
                        {formatInteger(base.n)}
                        {base.lowBase && '*'}
                      </td>
                    ))}
                  </tr>
                )}
            </Fragment>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{stubBases.size > 0 ? 'All respondents (n)' : 'Base (n)'}</th>
            {result.bases.map((base, i) => (
              <td
                key={i}
                className={base.lowBase ? 'num low-base' : 'num'}
                title={base.lowBase ? 'Low base' : undefined}
              >
                {formatInteger(base.n)}
                {base.lowBase && '*'}
              </td>
            ))}
          </tr>
          {weighted && (
            <>
              <tr>
                <th scope="row">Weighted base</th>
                {result.bases.map((base, i) => (
                  <td key={i} className="num">
                    {base.wn.toFixed(1)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">Effective base</th>
                {result.bases.map((base, i) => (
                  <td key={i} className="num">
                    {base.effective.toFixed(1)}
                  </td>
                ))}
              </tr>
            </>
          )}
        </tfoot>
      </table>
    </div>
  );
}
