/** A cross-table: what the user asks for (TableSpec) and what the engine returns (TableResult). */

/** One banner group: a variable, or a variable nested within another (`c/d`). */
export interface BannerGroup {
  variables: string[];
}

export interface TableSpec {
  rows: string[];
  columns: BannerGroup[];
  weight?: string;
  filter?: string;
  /** Numeric variables whose means (sd, se, median) are rows of the table. */
  means?: string[];
  /** Confidence levels, e.g. [0.99, 0.95]: upper-case letters at the first, lower-case at the second. */
  sigLevels?: number[];
  preset?: 'spss' | 'dimensions' | 'q';
  /** Rows with a base below this are flagged (default 30). */
  lowBase?: number;
  /** Blank the numbers of columns whose base is below lowBase (the base itself stays). */
  suppressLowBase?: boolean;
  /** Order each stub's categories by their Total count, largest first. */
  sortByTotal?: boolean;
  /** Leave out categories nobody chose. */
  hideEmpty?: boolean;
  /** A summary table of a grid: one row per item, its top-2 box, bottom-2 box or mean. */
  summary?: { items: string[]; statistic: 'top2' | 'bottom2' | 'mean' };
  /** Decimals shown per kind of number (display and exports; the numbers themselves are exact). */
  decimals?: { percent?: number; mean?: number; count?: number };
}

export interface TableColumn {
  id: string;
  /** "total" for the Total column; for nested columns the innermost variable. */
  variable: string;
  code: number | string | null;
  label: string;
  /** Only when (part of) the label is not in the chosen label language: the language it fell back to. */
  labelLanguage?: string;
  /** Letter within its group; null for the Total column. */
  letter: string | null;
  /** Index of the banner group (0-based); -1 for the Total column. */
  group: number;
  /** For nested columns: the outer variables' codes and labels. */
  within?: Array<{
    variable: string;
    code: number | string;
    label: string;
    labelLanguage?: string;
  }>;
}

export interface TableCell {
  n: number;
  wn: number;
  colPct: number | null;
  rowPct: number | null;
  mean?: number | null;
  sd?: number | null;
  se?: number | null;
  median?: number | null;
  /** Letters of the columns in the same group this cell is significantly higher than (upper case at the stricter level). */
  sig: string;
  /** '+' / '-' against the rest of the sample, '↑' / '↓' against the previous wave: never letters. */
  marks?: string;
  /** The cell as a share of everyone in the table (the Total column's base), 0–100. */
  totalPct?: number | null;
  /** Column % against the Total column's %, ×100 (100 = same as the total). */
  index?: number | null;
  /** Margin of error at 95% confidence from the effective base: ± points for %, ± units for means. */
  moe?: number | null;
}

export interface TableRow {
  variable: string;
  code: number | string | null;
  label: string;
  /** Only when the label is not in the chosen label language: the language it fell back to. */
  labelLanguage?: string;
  cells: TableCell[];
}

export interface TableBase {
  n: number;
  wn: number;
  effective: number;
  lowBase: boolean;
}

export interface TablePairTest {
  row: { variable: string; code: number | string | null };
  a: string;
  b: string;
  p: number;
  adjustedP?: number;
  /** 'columns' (letters), 'total' (against the rest of the sample), 'previous' (the previous wave). */
  kind?: 'columns' | 'total' | 'previous';
  test?: string;
  adjustment?: string;
  statistic?: number;
  df?: number | null;
}

export interface TableResult {
  columns: TableColumn[];
  rows: TableRow[];
  /** Respondents in each column (filter applied), whatever their answers to the rows. */
  bases: TableBase[];
  /**
   * Per row variable, the bases its percentages stand on: the column's respondents with a valid
   * answer to it. Listed only where they differ from `bases` (a question not everyone was asked).
   */
  stubBases?: Array<{ variable: string; bases: TableBase[] }>;
  tests: {
    pairs: TablePairTest[];
    chiSquare?: Array<{
      variable: string;
      group: number;
      chiSquare: number;
      df: number;
      p: number;
    }>;
    notes: string[];
  };
  footnote: string;
}
