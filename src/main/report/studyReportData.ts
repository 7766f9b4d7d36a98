/** The open study as a report's data: tables in one label language, saved charts and tables. */
import type { RepeatValue } from '../../shared/domain/report';
import type { TableSpec } from '../../shared/domain/table';
import { runTable } from '../analysis/crosstab/runTable';
import { readLabelLanguage } from '../study/labelLanguage';
import type { ReadableStudyDb } from '../study/studyDb';
import type { ColumnCache } from '../worker/columnCache';
import { savedChart } from '../worker/savedCharts';
import { tablePlan } from '../worker/savedTables';
import { filterMask, resolveFilter } from '../worker/studyExpressions';
import { studyTableData } from '../worker/studyTableData';
import type { ReportData } from './renderReport';

export function studyReportData(
  db: ReadableStudyDb,
  cache: ColumnCache,
  language: string = readLabelLanguage(db),
): ReportData {
  const tableData = studyTableData(db, cache, language);
  const run = (spec: TableSpec) =>
    runTable(tableData, spec, { filterMask: (expression) => filterMask(db, cache, expression) });
  return {
    language,
    runTable: run,
    savedChart: (name) => savedChart(db, name).spec,
    savedTables: (name) => tablePlan(db, name).tables,
    variableLabel: (name) => {
      try {
        return tableData.variable(name).label;
      } catch {
        return null;
      }
    },
    values: (variable, filter): RepeatValue[] => {
      const result = run({ rows: [variable], columns: [], ...(filter ? { filter } : {}) });
      return result.rows
        .filter((row) => row.variable === variable && row.code !== null && row.cells[0]!.n > 0)
        .map((row) => ({ variable, code: row.code!, label: row.label }));
    },
    resolveFilter: (text) => resolveFilter(db, text),
  };
}
