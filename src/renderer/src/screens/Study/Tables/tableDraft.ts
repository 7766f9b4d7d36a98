/**
 * What the table builder holds while the user works: the variables in each zone and the
 * options, and how that becomes the TableSpec the engine runs (and a saved table keeps).
 * Numeric variables in Rows are tabulated as means rows; display-only choices (cell content,
 * decimals, bases shown) never re-run the table.
 */
import type { TableSpec } from '../../../../../shared/domain/table';
import type { CellContent } from './cellText';
import { combinedFilter, type FilterPick } from './filterExpression';

export type Zone = 'rows' | 'columns' | 'filter';

export const SIG_CHOICES: ReadonlyArray<{ label: string; levels: number[] | null }> = [
  { label: '95%', levels: [0.95] },
  { label: '99% / 95%', levels: [0.99, 0.95] },
  { label: '90%', levels: [0.9] },
  { label: 'none', levels: null },
];

export const DEFAULT_LOW_BASE = 30;

export interface TableDraft {
  rows: string[];
  columns: string[];
  filters: FilterPick[];
  /** The free filter expression as applied (on Enter or leaving the box). */
  expression: string;
  weight: string;
  content: CellContent;
  /** Index into SIG_CHOICES. */
  sig: number;
  lowBase: number;
  suppressLowBase: boolean;
  sortByTotal: boolean;
  hideEmpty: boolean;
  /** Decimals of percentages. */
  decimals: number;
  showBases: boolean;
}

export const EMPTY_DRAFT: TableDraft = {
  rows: [],
  columns: [],
  filters: [],
  expression: '',
  weight: '',
  content: 'colPct',
  sig: 0,
  lowBase: DEFAULT_LOW_BASE,
  suppressLowBase: false,
  sortByTotal: false,
  hideEmpty: true,
  decimals: 0,
  showBases: true,
};

/** The spec that is run: null until something is in Rows. */
export function runSpec(draft: TableDraft, isNumeric: (name: string) => boolean): TableSpec | null {
  const stubs = draft.rows.filter((name) => !isNumeric(name));
  const means = draft.rows.filter(isNumeric);
  if (draft.rows.length === 0) return null;
  const levels = SIG_CHOICES[draft.sig]?.levels ?? null;
  const filter = combinedFilter(draft.filters, draft.expression);
  return {
    rows: stubs,
    columns: draft.columns.map((name) => ({ variables: [name] })),
    ...(means.length > 0 ? { means } : {}),
    ...(draft.weight ? { weight: draft.weight } : {}),
    ...(filter ? { filter } : {}),
    ...(levels ? { sigLevels: levels } : {}),
    ...(draft.lowBase !== DEFAULT_LOW_BASE ? { lowBase: draft.lowBase } : {}),
    ...(draft.suppressLowBase ? { suppressLowBase: true } : {}),
    ...(draft.sortByTotal ? { sortByTotal: true } : {}),
    ...(draft.hideEmpty ? { hideEmpty: true } : {}),
  };
}

/** The spec a saved table keeps: the run spec with its decimals. */
export function savedSpec(
  draft: TableDraft,
  isNumeric: (name: string) => boolean,
): TableSpec | null {
  const spec = runSpec(draft, isNumeric);
  if (!spec) return null;
  return draft.decimals === 0 ? spec : { ...spec, decimals: { percent: draft.decimals } };
}

/**
 * A saved spec back in the builder. Nested banner groups keep their outermost variable only,
 * and a saved filter comes back as a free expression.
 */
export function draftFromSpec(
  spec: TableSpec,
  keep: Pick<TableDraft, 'content' | 'showBases'>,
): TableDraft {
  const sig = SIG_CHOICES.findIndex(
    (choice) => JSON.stringify(choice.levels) === JSON.stringify(spec.sigLevels ?? null),
  );
  return {
    ...EMPTY_DRAFT,
    ...keep,
    rows: [...spec.rows, ...(spec.means ?? [])],
    columns: spec.columns.map((group) => group.variables[0]!),
    expression: spec.filter ?? '',
    weight: spec.weight ?? '',
    sig: sig < 0 ? 0 : sig,
    lowBase: spec.lowBase ?? DEFAULT_LOW_BASE,
    suppressLowBase: spec.suppressLowBase ?? false,
    sortByTotal: spec.sortByTotal ?? false,
    hideEmpty: spec.hideEmpty ?? false,
    decimals: spec.decimals?.percent ?? 0,
  };
}

/** Adds a variable to a zone (once); from another zone it moves. Filters are picked separately. */
export function addToZone(
  draft: TableDraft,
  zone: 'rows' | 'columns',
  name: string,
  at?: number,
): TableDraft {
  const without = {
    ...draft,
    rows: draft.rows.filter((n) => n !== name),
    columns: draft.columns.filter((n) => n !== name),
  };
  const list = [...without[zone]];
  list.splice(at === undefined || at < 0 ? list.length : at, 0, name);
  return { ...without, [zone]: list };
}
