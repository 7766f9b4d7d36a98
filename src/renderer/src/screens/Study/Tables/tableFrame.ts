/**
 * The table before its numbers: stubs and banner columns from the variables' value labels, so
 * the table's shape appears the moment the options change and the numbers fill in when the
 * worker answers. Codes the codebook has no label for, empty categories and the sorted order
 * appear only with the numbers; letters start again at A in each banner group, as the engine's do.
 */
import type {
  TableCell,
  TableColumn,
  TableResult,
  TableRow,
} from '../../../../../shared/domain/table';

export interface FrameVariable {
  name: string;
  categories: Array<{ code: string; label: string }>;
}

const EMPTY_CELL: TableCell = { n: 0, wn: 0, colPct: null, rowPct: null, sig: '' };

function codeOf(code: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(code) ? Number(code) : code;
}

function letter(index: number): string {
  let text = '';
  let n = index;
  do {
    text = String.fromCharCode(65 + (n % 26)) + text;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return text;
}

export function tableFrame(
  rows: FrameVariable[],
  means: Array<{ name: string; label: string }>,
  banner: FrameVariable[],
  totalLabel: string,
  footnote: string,
): TableResult {
  const columns: TableColumn[] = [
    { id: 'total', variable: 'total', code: null, label: totalLabel, letter: null, group: -1 },
  ];
  banner.forEach((variable, group) => {
    variable.categories.forEach((category, index) => {
      columns.push({
        id: `${variable.name}:${category.code}`,
        variable: variable.name,
        code: codeOf(category.code),
        label: category.label,
        letter: letter(index),
        group,
      });
    });
  });
  const cells = () => columns.map(() => EMPTY_CELL);
  const tableRows: TableRow[] = [
    ...rows.flatMap((variable) =>
      variable.categories.map((category) => ({
        variable: variable.name,
        code: codeOf(category.code),
        label: category.label,
        cells: cells(),
      })),
    ),
    ...means.map((mean) => ({
      variable: mean.name,
      code: null,
      label: mean.label,
      cells: cells(),
    })),
  ];
  return {
    columns,
    rows: tableRows,
    bases: columns.map(() => ({ n: 0, wn: 0, effective: 0, lowBase: false })),
    tests: { pairs: [], notes: [] },
    footnote,
  };
}
