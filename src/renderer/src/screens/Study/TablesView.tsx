/**
 * Tables: the table builder. Variables are dragged (or sent with R / C / F) into Rows, Columns
 * and Filter; a variable dropped on Filter opens a picker of its categories. The table follows
 * the options as they change (no Run button): its frame appears at once from the codebook's
 * labels and the numbers fill in when the worker answers; only the latest request's answer is
 * shown. Letters explain their comparison when clicked; the table copies as TSV for Excel
 * (Ctrl+Shift+C) and saves under a name to open again.
 */
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { arrayMove, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodebookEntry, VariableDetail } from '../../../../shared/api/variables';
import type { SavedTablePlan } from '../../../../shared/api/tables';
import { tableDecimals } from '../../../../shared/domain/tableFormat';
import { useClient, useEvent } from '../../api/ClientContext';
import { useShortcut } from '../../shortcuts/registry';
import { CrossTable, type Comparison } from './CrossTable';
import { DataQualityPanel } from './DataQualityPanel';
import { DropZone, type ZoneItem } from './Tables/DropZone';
import { FilterExpressionBox } from './Tables/FilterExpressionBox';
import { FilterPicker } from './Tables/FilterPicker';
import { pickExpression } from './Tables/filterExpression';
import { TableOptions } from './Tables/TableOptions';
import {
  addToZone,
  draftFromSpec,
  EMPTY_DRAFT,
  runSpec,
  savedSpec,
  type TableDraft,
  type Zone,
} from './Tables/tableDraft';
import { tableFrame } from './Tables/tableFrame';
import { extraNotes } from './Tables/tableNotes';
import { tableTsv } from './Tables/tableTsv';
import { useLatestTable } from './Tables/useLatestTable';
import { useVariableDetails } from './Tables/useVariableDetails';
import { VariableList, type VariableKey } from './Tables/VariableList';

interface TablesViewProps {
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

/** Prefer a chip under the pointer (to insert before it), then the zone; keyboard: nearest. */
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  if (hits.length === 0) return closestCenter(args);
  return [...hits].sort(
    (a, b) => Number(String(a.id).startsWith('zone:')) - Number(String(b.id).startsWith('zone:')),
  );
};

function detailCategories(detail: VariableDetail | undefined) {
  return (detail?.valueLabels ?? []).map((value) => ({
    code: value.code,
    label: value.label ?? value.code,
  }));
}

export function TablesView({ onNotice }: TablesViewProps) {
  const { t } = useTranslation(['tables', 'common']);
  const client = useClient();
  const [variables, setVariables] = useState<CodebookEntry[]>([]);
  const [draft, setDraft] = useState<TableDraft>(EMPTY_DRAFT);
  const touched = useRef(false);
  const [search, setSearch] = useState('');
  const [picking, setPicking] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [tsvFallback, setTsvFallback] = useState<string | null>(null);
  const [saved, setSaved] = useState<SavedTablePlan[]>([]);
  const [saveName, setSaveName] = useState('');
  // Bumped when the study changes (new data, another label language): the table runs again.
  const [revision, setRevision] = useState(0);

  const update = useCallback((change: Partial<TableDraft>) => {
    touched.current = true;
    setDraft((d) => ({ ...d, ...change }));
  }, []);

  const loadVariables = useCallback(() => {
    client.invoke('variables.list', {}).then(
      (list) => {
        const usable = list.filter((v) => v.type !== 'text' && v.type !== 'date');
        setVariables(usable);
        // A new table starts with the countries as its banner, as consultants mostly want.
        if (!touched.current && usable.some((v) => v.name === 'country')) {
          setDraft((d) => (d.columns.length === 0 ? { ...d, columns: ['country'] } : d));
        }
      },
      (failure: Error) => onNotice('error', failure.message),
    );
  }, [client, onNotice]);
  const loadSaved = useCallback(() => {
    client
      .invoke('tables.saved', {})
      .then(setSaved, (failure: Error) => onNotice('error', failure.message));
  }, [client, onNotice]);
  useEffect(loadVariables, [loadVariables]);
  useEffect(loadSaved, [loadSaved]);
  useEvent(
    'study.changed',
    useCallback(
      (change) => {
        if (!change.study) return;
        loadVariables();
        loadSaved();
        setRevision((r) => r + 1);
      },
      [loadVariables, loadSaved],
    ),
  );

  const types = useMemo(() => new Map(variables.map((v) => [v.name, v.type])), [variables]);
  const isNumeric = useCallback((name: string) => types.get(name) === 'numeric', [types]);
  const spec = useMemo(() => runSpec(draft, isNumeric), [draft, isNumeric]);
  const decimals = tableDecimals({ decimals: { percent: draft.decimals } });

  const used = [...draft.rows, ...draft.columns, ...(picking ? [picking] : [])];
  // Asked before the table runs: the worker answers in order, so the frame's labels come first.
  const details = useVariableDetails(used, revision);
  const table = useLatestTable(spec, revision);
  const frame = useMemo(() => {
    if (!spec) return null;
    const stubs = spec.rows.map((name) => ({
      name,
      categories: detailCategories(details.get(name)),
    }));
    const means = (spec.means ?? []).map((name) => ({ name, label: 'Mean' }));
    const banner = draft.columns.map((name) => ({
      name,
      categories: detailCategories(details.get(name)),
    }));
    return tableFrame(stubs, means, banner, t('table.total'), t('table.computing'));
  }, [spec, draft.columns, details, t]);
  const shown = table.result ?? (table.pending ? frame : null);

  // R / C / F act on the focused variable in the list (handled there); listed here for Help.
  const group = t('shortcuts.group');
  const sendTo = (name: string, key: VariableKey) => {
    if (key === 'F') setPicking(name);
    else update(addToZone(draft, key === 'R' ? 'rows' : 'columns', name));
  };
  const listOnly = { group, disabled: true, run: () => undefined };
  useShortcut({ id: 'tables.addRows', keys: 'R', description: t('shortcuts.rows'), ...listOnly });
  useShortcut({
    id: 'tables.addColumns',
    keys: 'C',
    description: t('shortcuts.columns'),
    ...listOnly,
  });
  useShortcut({
    id: 'tables.addFilter',
    keys: 'F',
    description: t('shortcuts.filter'),
    ...listOnly,
  });

  const copy = () => {
    const result = table.result;
    if (!result) return;
    const text = tableTsv(result, draft.content, decimals, {
      base: t('table.base'),
      weightedBase: t('table.weightedBase'),
      effectiveBase: t('table.effectiveBase'),
    });
    const count = text.trimEnd().split('\n').length;
    navigator.clipboard.writeText(text).then(
      () => {
        setTsvFallback(null);
        onNotice('info', t('copy.done', { count }));
      },
      (failure: Error) => {
        setTsvFallback(text);
        onNotice('error', t('copy.failed', { reason: failure.message }));
      },
    );
  };
  useShortcut({
    id: 'tables.copy',
    keys: 'Mod+Shift+C',
    group,
    description: t('shortcuts.copy'),
    disabled: table.result === null,
    run: copy,
  });

  const save = () => {
    const name = saveName.trim();
    const tableSpec = savedSpec(draft, isNumeric);
    if (!name || !tableSpec) return;
    client.invoke('tables.save', { name, tables: [tableSpec] }).then(
      () => {
        onNotice('info', t('save.saved', { name }));
        loadSaved();
      },
      (failure: Error) => onNotice('error', failure.message),
    );
  };
  const open = (name: string) => {
    const plan = saved.find((p) => p.name === name);
    const first = plan?.tables[0];
    if (!first) return;
    update(draftFromSpec(first, { content: draft.content, showBases: draft.showBases }));
    setSaveName(name);
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const onDragStart = ({ active }: DragStartEvent) =>
    setDragging((active.data.current?.variable as string | undefined) ?? null);
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    const variable = active.data.current?.variable as string | undefined;
    const from = active.data.current?.zone as Zone | undefined;
    const to = over?.data.current?.zone as Zone | undefined;
    if (!variable || !to) return;
    const onto = over?.data.current?.variable as string | undefined;
    if (to === 'filter') {
      if (from !== 'filter') setPicking(variable);
      return;
    }
    if (from === to) {
      const list = draft[to];
      if (!onto || onto === variable) return;
      update({ [to]: arrayMove(list, list.indexOf(variable), list.indexOf(onto)) });
      return;
    }
    const at = onto ? draft[to].indexOf(onto) : undefined;
    update(addToZone(draft, to, variable, at));
  };

  const zoneItems = (zone: 'rows' | 'columns'): ZoneItem[] =>
    draft[zone].map((name) => ({
      name,
      text: zone === 'rows' && isNumeric(name) ? `${name} · ${t('zones.mean')}` : name,
    }));
  const pickingDetail = picking ? details.get(picking) : undefined;

  return (
    <section className="tables-view" aria-labelledby="tables-heading">
      <h2 id="tables-heading">{t('title')}</h2>
      <DataQualityPanel />
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setDragging(null)}
      >
        <div className="table-builder">
          <VariableList variables={variables} search={search} onSearch={setSearch} onKey={sendTo} />
          <div className="table-builder__main">
            <div className="drop-zones">
              <DropZone
                zone="rows"
                title={t('zones.rows')}
                items={zoneItems('rows')}
                onRemove={(name) => update({ rows: draft.rows.filter((n) => n !== name) })}
              />
              <DropZone
                zone="columns"
                title={t('zones.columns')}
                items={zoneItems('columns')}
                onRemove={(name) => update({ columns: draft.columns.filter((n) => n !== name) })}
              />
              <DropZone
                zone="filter"
                title={t('zones.filter')}
                items={draft.filters.map((pick) => ({
                  name: pick.variable,
                  text: pickExpression(pick),
                }))}
                onRemove={(name) =>
                  update({ filters: draft.filters.filter((p) => p.variable !== name) })
                }
              >
                <FilterExpressionBox
                  expression={draft.expression}
                  onApply={(expression) => update({ expression })}
                />
              </DropZone>
            </div>
            {pickingDetail && (
              <FilterPicker
                key={pickingDetail.name}
                detail={pickingDetail}
                initial={draft.filters.find((p) => p.variable === picking)?.codes ?? []}
                onCancel={() => setPicking(null)}
                onApply={(pick) => {
                  setPicking(null);
                  update({
                    filters: [...draft.filters.filter((p) => p.variable !== pick.variable), pick],
                  });
                }}
              />
            )}
            <TableOptions
              draft={draft}
              weights={variables.filter((v) => v.type === 'numeric').map((v) => v.name)}
              onChange={update}
            />
            <div className="table-builder__actions">
              <button type="button" onClick={copy} disabled={table.result === null}>
                {t('copy.button')}
              </button>
              <form
                className="inline-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  save();
                }}
              >
                <label className="field">
                  <span>{t('save.name')}</span>
                  <input
                    aria-label={t('save.name')}
                    value={saveName}
                    onChange={(e) => setSaveName(e.target.value)}
                  />
                </label>
                <button type="submit" disabled={!spec || saveName.trim() === ''}>
                  {t('save.button')}
                </button>
              </form>
              <label className="field">
                <span>{t('save.open')}</span>
                <select aria-label={t('save.open')} value="" onChange={(e) => open(e.target.value)}>
                  <option value="">{t('save.choose')}</option>
                  {saved
                    .filter((plan) => plan.tables.length === 1)
                    .map((plan) => (
                      <option key={plan.name} value={plan.name}>
                        {plan.name}
                      </option>
                    ))}
                </select>
              </label>
            </div>
            {table.error && (
              <pre role="alert" className="notice notice--error">
                {table.error}
              </pre>
            )}
            {!spec && <p className="muted">{t('table.empty')}</p>}
            {shown && (
              <>
                <CrossTable
                  result={shown}
                  content={draft.content}
                  decimals={decimals}
                  pending={table.result === null}
                  showBases={draft.showBases}
                  onCompare={setComparison}
                />
                <p className="muted table-footnote">{shown.footnote}</p>
                {extraNotes(shown).map((note) => (
                  <p key={note} className="muted table-footnote">
                    {note}
                  </p>
                ))}
              </>
            )}
            {comparison && (
              <div className="panel comparison" role="dialog" aria-label={t('comparison.label')}>
                <strong>{comparison.title}</strong>
                <p>{comparison.detail}</p>
                <button type="button" onClick={() => setComparison(null)}>
                  {t('common:close')}
                </button>
              </div>
            )}
            {tsvFallback && (
              <textarea className="table-tsv" readOnly value={tsvFallback} aria-label="TSV" />
            )}
          </div>
        </div>
        <DragOverlay>{dragging && <span className="zone-chip">{dragging}</span>}</DragOverlay>
      </DndContext>
    </section>
  );
}
