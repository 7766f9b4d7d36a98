/**
 * Tables: pick stubs and banner variables, a weight, a filter and the significance levels; the
 * table follows the options as they change (no Run button). Column percentages carry the letters
 * of the columns they are significantly higher than; clicking a letter shows that comparison —
 * both percentages, bases, the test, the p-value and the correction. Labels are in the study's
 * label language; a fallback label is shown in italics with its language.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { VariableSummary } from '../../../../shared/domain/study';
import type { TableResult, TableSpec } from '../../../../shared/domain/table';
import { useClient, useEvent } from '../../api/ClientContext';
import { Checkbox } from '../../components/Checkbox';
import { LabelText } from '../../components/LabelText';
import { CrossTable, type CellContent, type Comparison } from './CrossTable';
import { DataQualityPanel } from './DataQualityPanel';

interface TablesViewProps {
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

const SIG_CHOICES: Array<{ label: string; levels: number[] | null }> = [
  { label: '95%', levels: [0.95] },
  { label: '99% / 95%', levels: [0.99, 0.95] },
  { label: '90%', levels: [0.9] },
  { label: 'None', levels: null },
];

function toggle(list: string[], name: string): string[] {
  return list.includes(name) ? list.filter((n) => n !== name) : [...list, name];
}

export function TablesView({ onNotice }: TablesViewProps) {
  const client = useClient();
  const [variables, setVariables] = useState<VariableSummary[]>([]);
  const [rows, setRows] = useState<string[]>([]);
  const [columns, setColumns] = useState<string[]>(['country']);
  const [weight, setWeight] = useState('');
  const [filter, setFilter] = useState('');
  const [appliedFilter, setAppliedFilter] = useState('');
  const [sig, setSig] = useState(0);
  const [content, setContent] = useState<CellContent>('colPct');
  const [sortByTotal, setSortByTotal] = useState(false);
  const [hideEmpty, setHideEmpty] = useState(true);
  const [suppressLowBase, setSuppressLowBase] = useState(false);
  const [search, setSearch] = useState('');
  const [result, setResult] = useState<TableResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  // Bumped when the study changes (new data, another label language): the table runs again.
  const [revision, setRevision] = useState(0);

  const loadVariables = useCallback(() => {
    client.invoke('study.describe', {}).then(
      (description) =>
        setVariables([
          ...description.variables.filter((v) => v.type !== 'text'),
          // Sets tabulate as one question (rows only): shown after the variables.
          ...description.responseSets.map((set) => ({
            name: set.name,
            type: 'multi' as const,
            label: set.label,
            labelLanguage: set.labelLanguage,
            labelFallback: set.labelFallback,
            isSystem: false,
            isIdentifying: false,
          })),
        ]),
      (failure: Error) => onNotice('error', failure.message),
    );
  }, [client, onNotice]);
  useEffect(loadVariables, [loadVariables]);
  useEvent(
    'study.changed',
    useCallback(
      (change) => {
        if (!change.study) return;
        loadVariables();
        setRevision((r) => r + 1);
      },
      [loadVariables],
    ),
  );

  const spec = useMemo((): TableSpec | null => {
    if (rows.length === 0) return null;
    const levels = SIG_CHOICES[sig]!.levels;
    return {
      rows,
      columns: columns.map((name) => ({ variables: [name] })),
      ...(weight ? { weight } : {}),
      ...(appliedFilter ? { filter: appliedFilter } : {}),
      ...(levels ? { sigLevels: levels } : {}),
      ...(sortByTotal ? { sortByTotal } : {}),
      ...(hideEmpty ? { hideEmpty } : {}),
      ...(suppressLowBase ? { suppressLowBase } : {}),
    };
  }, [rows, columns, weight, appliedFilter, sig, sortByTotal, hideEmpty, suppressLowBase]);

  useEffect(() => {
    if (!spec) {
      setResult(null);
      return;
    }
    let current = true;
    client.invoke('tables.run', { spec }).then(
      (table) => {
        if (!current) return;
        setResult(table);
        setError(null);
        setComparison(null);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [client, spec, revision]);

  const shown = variables.filter(
    (v) =>
      !search ||
      v.name.toLowerCase().includes(search.toLowerCase()) ||
      (v.label ?? '').toLowerCase().includes(search.toLowerCase()),
  );
  const numeric = variables.filter((v) => v.type === 'numeric');

  return (
    <section className="tables-view" aria-labelledby="tables-heading">
      <h2 id="tables-heading">Tables</h2>
      <DataQualityPanel />
      <div className="tables-view__layout">
        <aside className="panel variable-picker" aria-label="Variables">
          <input
            type="search"
            placeholder="Find a variable"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label="Find a variable"
          />
          <table className="picker-table">
            <thead>
              <tr>
                <th>Variable</th>
                <th title="Rows (stubs)">Rows</th>
                <th title="Columns (banner)">Cols</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((v) => (
                <tr key={v.name}>
                  <td title={v.label ?? undefined}>
                    <div className="picker-table__name">{v.name}</div>
                    <div className="muted picker-table__label">
                      {v.label !== null && (
                        <LabelText
                          text={v.label}
                          fallbackLanguage={v.labelFallback ? v.labelLanguage : null}
                        />
                      )}
                    </div>
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={rows.includes(v.name)}
                      onChange={() => setRows((r) => toggle(r, v.name))}
                      aria-label={`${v.name} in rows`}
                    />
                  </td>
                  <td>
                    <input
                      type="checkbox"
                      checked={columns.includes(v.name)}
                      onChange={() => setColumns((c) => toggle(c, v.name))}
                      aria-label={`${v.name} in columns`}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </aside>
        <div className="tables-view__main">
          <div className="inline-form panel table-options">
            <label className="field">
              <span>Weight</span>
              <select
                value={weight}
                onChange={(e) => setWeight(e.target.value)}
                aria-label="Weight"
              >
                <option value="">Unweighted</option>
                {numeric.map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Cells</span>
              <select value={content} onChange={(e) => setContent(e.target.value as CellContent)}>
                <option value="colPct">Column %</option>
                <option value="rowPct">Row %</option>
                <option value="totalPct">Total %</option>
                <option value="index">Index vs total</option>
                <option value="count">Counts</option>
                <option value="weighted">Weighted counts</option>
              </select>
            </label>
            <Checkbox checked={sortByTotal} onChange={setSortByTotal}>
              Sort by total
            </Checkbox>
            <Checkbox checked={hideEmpty} onChange={setHideEmpty}>
              Hide empty rows
            </Checkbox>
            <Checkbox checked={suppressLowBase} onChange={setSuppressLowBase}>
              Suppress low bases
            </Checkbox>
            <label className="field">
              <span>Significance</span>
              <select value={sig} onChange={(e) => setSig(Number(e.target.value))}>
                {SIG_CHOICES.map((choice, index) => (
                  <option key={choice.label} value={index}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </label>
            <form
              className="inline-form"
              onSubmit={(e) => {
                e.preventDefault();
                setAppliedFilter(filter.trim());
              }}
            >
              <label className="field field--wide">
                <span>Filter (e.g. country = "DE")</span>
                <input
                  value={filter}
                  onChange={(e) => setFilter(e.target.value)}
                  onBlur={() => setAppliedFilter(filter.trim())}
                />
              </label>
            </form>
          </div>
          {error && (
            <pre role="alert" className="notice notice--error">
              {error}
            </pre>
          )}
          {!spec && <p className="muted">Tick variables for the rows (and columns) of a table.</p>}
          {result && (
            <>
              <CrossTable result={result} content={content} onCompare={setComparison} />
              <p className="muted table-footnote">{result.footnote}</p>
              {comparison && (
                <div className="panel comparison" role="dialog" aria-label="Comparison">
                  <strong>{comparison.title}</strong>
                  <p>{comparison.detail}</p>
                  <button type="button" onClick={() => setComparison(null)}>
                    Close
                  </button>
                </div>
              )}
            </>
          )}
        </div>
      </div>
    </section>
  );
}
