/**
 * Charts: a chart of any table. Pick a question and a banner from the study's variables (or open
 * a table saved in Tables), choose how to draw it; the chart follows the options as they change.
 * Every number on it is the table's (same formatter, same letters), every segment and country
 * keeps its colour, and the footnote says what it stands on. Charts are saved in the study by
 * name and exported as PNG or SVG.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedChart } from '../../../../../shared/api/charts';
import type { SavedTablePlan } from '../../../../../shared/api/tables';
import type { ChartSpec } from '../../../../../shared/domain/chart';
import type { TableSpec } from '../../../../../shared/domain/table';
import { useClient } from '../../../api/ClientContext';
import { ChartOptionsBar, type ChartLook } from './ChartOptionsBar';
import { ChartPreview } from './ChartPreview';
import {
  ChartTablePicker,
  pickFromTable,
  savedTableChoices,
  tableFromPick,
  type TablePick,
} from './ChartTablePicker';
import { SavedChartsPanel } from './SavedChartsPanel';
import { useStudyVariables } from './useStudyVariables';
import { useTableResult } from './useTableResult';

interface ChartsViewProps {
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

const FIRST_PICK: TablePick = { question: '', banner: '', weight: '', filter: '', sig: 0 };

export function ChartsView({ onNotice }: ChartsViewProps) {
  const { t } = useTranslation('charts');
  const client = useClient();
  const onError = useCallback((message: string) => onNotice('error', message), [onNotice]);
  const { variables, revision } = useStudyVariables(onError);
  const [pick, setPick] = useState<TablePick>(FIRST_PICK);
  const [table, setTable] = useState<TableSpec | null>(null);
  const [openedSaved, setOpenedSaved] = useState('');
  const [plans, setPlans] = useState<SavedTablePlan[]>([]);
  const [look, setLook] = useState<ChartLook>({
    kind: 'bar',
    value: 'colPct',
    dataLabels: true,
  });

  // Start from the study's customer-energy segments by country, where the study has them.
  useEffect(() => {
    if (pick.question || variables.length === 0) return;
    const has = (name: string) => variables.some((v) => v.name === name);
    const first = variables.find((v) => v.type === 'single' && !v.isSystem)?.name ?? '';
    const start = {
      ...FIRST_PICK,
      question: has('energy') ? 'energy' : first,
      banner: has('country') ? 'country' : '',
    };
    setPick(start);
    setTable(tableFromPick(start));
  }, [variables, pick.question]);

  useEffect(() => {
    client.invoke('tables.saved', {}).then(setPlans, (failure: Error) => onError(failure.message));
  }, [client, onError, revision]);
  const savedTables = useMemo(() => savedTableChoices(plans), [plans]);

  const spec = useMemo((): ChartSpec | null => (table ? { ...look, table } : null), [look, table]);
  const { result, error } = useTableResult(table, revision);

  const labelOf = (name: string | undefined) =>
    variables.find((v) => v.name === name)?.label ?? name ?? '';
  const defaultTitle = table
    ? table.columns.length > 0
      ? t('titleBy', {
          question: labelOf(table.rows[0]),
          banner: table.columns.map((c) => c.variables.map(labelOf).join(' · ')).join(', '),
        })
      : labelOf(table.rows[0])
    : '';
  const title = look.title?.trim() || defaultTitle;

  const choosePick = (next: TablePick) => {
    setPick(next);
    setTable(tableFromPick(next));
    setOpenedSaved('');
  };
  const openSaved = (id: string) => {
    const choice = savedTables.find((c) => c.id === id);
    setOpenedSaved(id);
    if (!choice) return;
    setTable(choice.spec);
    setPick(pickFromTable(choice.spec));
  };
  const openChart = (chart: SavedChart) => {
    const { table: savedTable, ...savedLook } = chart.spec;
    setLook(savedLook);
    setTable(savedTable);
    setPick(pickFromTable(savedTable));
    setOpenedSaved('');
  };

  return (
    <section className="charts-view" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('heading')}</h2>
      <div className="charts-view__layout">
        <ChartTablePicker
          variables={variables}
          pick={pick}
          onPick={choosePick}
          savedTables={savedTables}
          openedSaved={openedSaved}
          onOpenSaved={openSaved}
        />
        <div className="charts-view__main">
          <ChartOptionsBar look={look} onChange={setLook} />
          {error && (
            <pre role="alert" className="notice notice--error">
              {error}
            </pre>
          )}
          {!table && <p className="muted">{t('pickQuestion')}</p>}
          {spec && result && (
            <ChartPreview result={result} spec={spec} title={title} onError={onError} />
          )}
          <SavedChartsPanel
            spec={spec}
            suggestedName={title}
            onOpen={openChart}
            onNotice={onNotice}
          />
        </div>
      </div>
    </section>
  );
}
