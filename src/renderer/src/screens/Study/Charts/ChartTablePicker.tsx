/**
 * What a chart is of: a question and a banner picked from the study's variables (with weight,
 * filter and significance level), or a table saved in Tables opened as it was saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VariableSelect } from '../../../components/VariableSelect';
import type { SavedTablePlan } from '../../../../../shared/api/tables';
import type { VariableSummary } from '../../../../../shared/domain/study';
import type { TableSpec } from '../../../../../shared/domain/table';

export const SIG_LEVELS: ReadonlyArray<{ label: string; levels: number[] }> = [
  { label: '95%', levels: [0.95] },
  { label: '99% / 95%', levels: [0.99, 0.95] },
  { label: '90%', levels: [0.9] },
];

export interface TablePick {
  question: string;
  banner: string;
  weight: string;
  filter: string;
  sig: number;
}

export function tableFromPick(pick: TablePick): TableSpec | null {
  if (!pick.question) return null;
  return {
    rows: [pick.question],
    columns: pick.banner ? [{ variables: [pick.banner] }] : [],
    ...(pick.weight ? { weight: pick.weight } : {}),
    ...(pick.filter ? { filter: pick.filter } : {}),
    sigLevels: SIG_LEVELS[pick.sig]?.levels ?? [0.95],
  };
}

/** The picker's fields for a table opened from elsewhere (a saved table or chart). */
export function pickFromTable(table: TableSpec): TablePick {
  const levels = JSON.stringify(table.sigLevels ?? [0.95]);
  const sig = SIG_LEVELS.findIndex((choice) => JSON.stringify(choice.levels) === levels);
  return {
    question: table.rows[0] ?? '',
    banner: table.columns[0]?.variables[0] ?? '',
    weight: table.weight ?? '',
    filter: table.filter ?? '',
    sig: Math.max(0, sig),
  };
}

/** The saved tables as one list: a plan of several tables lists each of them. */
export function savedTableChoices(
  plans: SavedTablePlan[],
): Array<{ id: string; label: string; spec: TableSpec }> {
  return plans.flatMap((plan) =>
    plan.tables.map((spec, index) => ({
      id: `${plan.name}#${index}`,
      label:
        plan.tables.length === 1
          ? plan.name
          : `${plan.name} — ${index + 1}: ${spec.rows.join(', ')} × ${
              spec.columns.map((c) => c.variables.join('/')).join(', ') || 'Total'
            }`,
      spec,
    })),
  );
}

interface ChartTablePickerProps {
  variables: VariableSummary[];
  pick: TablePick;
  onPick: (pick: TablePick) => void;
  savedTables: Array<{ id: string; label: string; spec: TableSpec }>;
  openedSaved: string;
  onOpenSaved: (id: string) => void;
}

export function ChartTablePicker({
  variables,
  pick,
  onPick,
  savedTables,
  openedSaved,
  onOpenSaved,
}: ChartTablePickerProps) {
  const { t } = useTranslation('charts');
  const [filter, setFilter] = useState(pick.filter);
  const [shownFilter, setShownFilter] = useState(pick.filter);
  // A table opened from elsewhere brings its own filter: show it in the field.
  if (pick.filter !== shownFilter) {
    setShownFilter(pick.filter);
    setFilter(pick.filter);
  }
  const categorical = variables.filter((v) => v.type !== 'numeric');
  const bannerChoices = variables.filter((v) => v.type === 'single');
  const numeric = variables.filter((v) => v.type === 'numeric');
  const set = (change: Partial<TablePick>) => onPick({ ...pick, ...change });

  return (
    <aside className="panel chart-picker stack" aria-label={t('picker.heading')}>
      <h3>{t('picker.heading')}</h3>
      <VariableSelect
        label={t('picker.question')}
        variables={categorical}
        value={pick.question}
        onChange={(name) => set({ question: name })}
        empty={t('picker.chooseQuestion')}
      />
      <VariableSelect
        label={t('picker.banner')}
        variables={bannerChoices}
        value={pick.banner}
        onChange={(name) => set({ banner: name })}
        empty={t('picker.totalOnly')}
      />
      <VariableSelect
        label={t('picker.weight')}
        variables={numeric}
        value={pick.weight}
        onChange={(name) => set({ weight: name })}
        empty={t('picker.unweighted')}
      />
      <label className="field">
        <span>{t('picker.significance')}</span>
        <select value={pick.sig} onChange={(e) => set({ sig: Number(e.target.value) })}>
          {SIG_LEVELS.map((choice, index) => (
            <option key={choice.label} value={index}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          set({ filter: filter.trim() });
        }}
      >
        <label className="field">
          <span>{t('picker.filter')}</span>
          <input
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            onBlur={() => filter.trim() !== pick.filter && set({ filter: filter.trim() })}
          />
        </label>
      </form>
      <h3>{t('picker.savedHeading')}</h3>
      {savedTables.length === 0 ? (
        <p className="muted">{t('picker.noSavedTables')}</p>
      ) : (
        <label className="field">
          <span>{t('picker.savedTable')}</span>
          <select value={openedSaved} onChange={(e) => onOpenSaved(e.target.value)}>
            <option value="">{t('picker.chooseSaved')}</option>
            {savedTables.map((choice) => (
              <option key={choice.id} value={choice.id}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </aside>
  );
}
