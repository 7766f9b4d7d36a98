/**
 * Data: the respondents as a grid, one column per variable, answers as labels or codes. Sort by a
 * column (its header), filter with an expression or per column, and scroll through any number of
 * respondents: the study worker sorts and filters, and sends only the rows in view. Variables
 * that identify people stay hidden unless the user shows them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortingState } from '@tanstack/react-table';
import type { ColumnFilter, GridColumn } from '../../../../../shared/api/grid';
import type { StudySummary } from '../../../../../shared/domain/study';
import { useClient, useEvent } from '../../../api/ClientContext';
import { Checkbox } from '../../../components/Checkbox';
import { formatInteger } from '../../../format';
import { ColumnFilterPanel } from './ColumnFilterPanel';
import { DataGridTable, MAX_SCROLL_ROWS } from './DataGridTable';
import { GridPageCache } from './gridPageCache';

interface DataGridViewProps {
  study: StudySummary;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

/** Typing settles this long before the filter is checked and applied. */
const FILTER_DELAY_MS = 350;

function describeFilter(
  filter: ColumnFilter,
  column: GridColumn | undefined,
  t: ReturnType<typeof useTranslation<'data'>>['t'],
): string {
  if (filter.codes) {
    const labelOf = new Map(column?.valueLabels.map((entry) => [entry.code, entry.label]) ?? []);
    const values = filter.codes.map((code) => labelOf.get(code) ?? String(code)).join(', ');
    return t('columnFilter.codes', { name: filter.variable, values });
  }
  return t('columnFilter.range', {
    name: filter.variable,
    from: filter.min ?? t('columnFilter.open'),
    to: filter.max ?? t('columnFilter.open'),
  });
}

export function DataGridView({ study, onNotice }: DataGridViewProps) {
  const { t } = useTranslation('data');
  const client = useClient();
  const language = study.labelLanguage;
  const [columns, setColumns] = useState<GridColumn[] | null>(null);
  const [respondents, setRespondents] = useState(0);
  const [labels, setLabels] = useState(true);
  const [showIdentifying, setShowIdentifying] = useState(false);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filterText, setFilterText] = useState('');
  const [filter, setFilter] = useState('');
  const [filterProblem, setFilterProblem] = useState<string | null>(null);
  const [columnFilters, setColumnFilters] = useState<ColumnFilter[]>([]);
  const [filtering, setFiltering] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  // Bumped when the study changes (an import, a new derived variable): columns and rows reload.
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );

  useEffect(() => {
    let current = true;
    client.invoke('grid.columns', { includeIdentifying: showIdentifying, language }).then(
      (loaded) => {
        if (!current) return;
        setColumns(loaded.columns);
        setRespondents(loaded.respondents);
      },
      (failure: Error) => onNotice('error', failure.message),
    );
    return () => {
      current = false;
    };
  }, [client, showIdentifying, language, revision, onNotice]);

  // The filter is checked as typed (a live count without saving), and applied once it compiles.
  useEffect(() => {
    const text = filterText.trim();
    if (text === '') {
      setFilter('');
      setFilterProblem(null);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      client.invoke('variables.previewExpression', { expression: text, as: 'filter' }).then(
        (preview) => {
          if (!current) return;
          if (preview.as === 'invalid') setFilterProblem(preview.message);
          else {
            setFilterProblem(null);
            setFilter(text);
          }
        },
        (failure: Error) => current && setFilterProblem(failure.message),
      );
    }, FILTER_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [client, filterText]);

  const names = useMemo(() => columns?.map((column) => column.name) ?? [], [columns]);
  const sort = sorting[0];
  const cache = useMemo(() => {
    void revision;
    return new GridPageCache(
      names,
      (offset, limit, variables) =>
        client.invoke('grid.page', {
          variables,
          offset,
          limit,
          labels,
          includeIdentifying: showIdentifying,
          language,
          ...(filter ? { filter } : {}),
          ...(columnFilters.length > 0 ? { columnFilters } : {}),
          ...(sort ? { sort: { variable: sort.id, descending: sort.desc } } : {}),
        }),
      () => setVersion((v) => v + 1),
      (failure) => onNotice('error', failure.message),
    );
  }, [
    client,
    names,
    labels,
    showIdentifying,
    language,
    filter,
    columnFilters,
    sort,
    revision,
    onNotice,
  ]);

  // The count follows the cache: unknown until its first page arrives.
  const previous = useRef(cache);
  useEffect(() => {
    if (previous.current !== cache) previous.current.dispose();
    previous.current = cache;
    if (cache.total !== null) setTotal(cache.total);
    return undefined;
  }, [cache, version]);
  useEffect(() => () => previous.current.dispose(), []);
  // Before the first page of a new query, ask for its first rows so the count is known.
  useEffect(() => {
    cache.request(0, 0, 0, 0);
  }, [cache]);

  const byName = useMemo(
    () => new Map((columns ?? []).map((column) => [column.name, column])),
    [columns],
  );
  const filteredColumns = useMemo(
    () => new Set(columnFilters.map((entry) => entry.variable)),
    [columnFilters],
  );
  const filteringColumn = filtering ? byName.get(filtering) : undefined;
  const setColumnFilter = (name: string, next: ColumnFilter | null) => {
    setColumnFilters((current) => [
      ...current.filter((entry) => entry.variable !== name),
      ...(next ? [next] : []),
    ]);
    setFiltering(null);
  };
  const shownTotal = cache.total ?? total;

  return (
    <section className="data-view" aria-labelledby="data-heading">
      <header className="data-view__header">
        <h2 id="data-heading">{t('title')}</h2>
        <label className="data-view__filter">
          {t('filter')}
          <input
            type="search"
            value={filterText}
            placeholder={t('filterPlaceholder')}
            title={t('filterHelp')}
            spellCheck={false}
            onChange={(e) => setFilterText(e.target.value)}
          />
        </label>
        <span title={t('labelsHint')}>
          <Checkbox checked={labels} onChange={setLabels}>
            {t('labels')}
          </Checkbox>
        </span>
        <span title={t('identifyingHint')}>
          <Checkbox checked={showIdentifying} onChange={setShowIdentifying}>
            {t('identifying')}
          </Checkbox>
        </span>
        <p className="data-view__count" role="status" aria-live="polite">
          {shownTotal === null
            ? t('loading')
            : t('count', {
                count: respondents,
                shown: formatInteger(shownTotal),
                total: formatInteger(respondents),
              })}
        </p>
      </header>
      {filterProblem && (
        <pre className="notice notice--warn data-view__problem" role="alert">
          {t('filterInvalid', { message: filterProblem })}
        </pre>
      )}
      {columnFilters.length > 0 && (
        <ul className="data-view__chips" aria-label={t('columnFilter.active')}>
          {columnFilters.map((entry) => (
            <li key={entry.variable} className="chip">
              <button type="button" className="link" onClick={() => setFiltering(entry.variable)}>
                {describeFilter(entry, byName.get(entry.variable), t)}
              </button>
              <button
                type="button"
                className="link"
                aria-label={t('columnFilter.removeOne', { name: entry.variable })}
                onClick={() => setColumnFilter(entry.variable, null)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {shownTotal !== null && shownTotal > MAX_SCROLL_ROWS && (
        <p className="notice notice--info">
          {t('tooManyRows', { rows: formatInteger(MAX_SCROLL_ROWS) })}
        </p>
      )}
      {filteringColumn && (
        <ColumnFilterPanel
          key={filteringColumn.name}
          column={filteringColumn}
          current={columnFilters.find((entry) => entry.variable === filteringColumn.name)}
          onApply={(next) => setColumnFilter(filteringColumn.name, next)}
          onClose={() => setFiltering(null)}
        />
      )}
      {columns === null ? (
        <p className="muted">{t('loading')}</p>
      ) : columns.length === 0 ? (
        <p className="muted">{t('noColumns')}</p>
      ) : (
        <DataGridTable
          columns={columns}
          cache={cache}
          total={shownTotal ?? 0}
          version={version}
          sorting={sorting}
          onSortingChange={setSorting}
          onFilterColumn={(name) => setFiltering((current) => (current === name ? null : name))}
          filteredColumns={filteredColumns}
          orderKey={JSON.stringify([filter, columnFilters, sort ?? null])}
        />
      )}
    </section>
  );
}
