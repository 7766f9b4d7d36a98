/** How a table is drawn: kind, orientation, which number, where the series come from, labels. */
import { useTranslation } from 'react-i18next';
import { chartKinds, type ChartKind, type ChartSpec } from '../../../../../shared/domain/chart';
import { Checkbox } from '../../../components/Checkbox';

/** The chart's own settings: everything in a ChartSpec except the table. */
export type ChartLook = Omit<ChartSpec, 'table'>;

const VALUES: ReadonlyArray<ChartSpec['value']> = ['colPct', 'rowPct', 'n', 'wn'];

/** Kinds whose bars can lie down. */
export function canBeHorizontal(kind: ChartKind): boolean {
  return kind === 'bar' || kind === 'stackedBar' || kind === 'percentStackedBar';
}

interface ChartOptionsBarProps {
  look: ChartLook;
  onChange: (look: ChartLook) => void;
}

export function ChartOptionsBar({ look, onChange }: ChartOptionsBarProps) {
  const { t } = useTranslation('charts');
  const set = (change: Partial<ChartLook>) => onChange({ ...look, ...change });
  return (
    <div className="inline-form panel chart-options">
      <label className="field">
        <span>{t('look.kind')}</span>
        <select
          value={look.kind}
          onChange={(e) => {
            const kind = e.target.value as ChartKind;
            // A line runs through waves: a Total point on it would read as one more wave.
            set(kind === 'line' ? { kind, hideTotal: true } : { kind });
          }}
        >
          {chartKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('look.orientation')}</span>
        <select
          value={look.horizontal ? 'horizontal' : 'vertical'}
          disabled={!canBeHorizontal(look.kind)}
          onChange={(e) => set({ horizontal: e.target.value === 'horizontal' })}
        >
          <option value="vertical">{t('look.vertical')}</option>
          <option value="horizontal">{t('look.horizontal')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('look.value')}</span>
        <select
          value={look.value}
          onChange={(e) => set({ value: e.target.value as ChartSpec['value'] })}
        >
          {VALUES.map((value) => (
            <option key={value} value={value}>
              {t(`values.${value}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('look.series')}</span>
        <select
          value={look.seriesFrom ?? 'columns'}
          onChange={(e) => set({ seriesFrom: e.target.value as 'columns' | 'rows' })}
        >
          <option value="columns">{t('look.seriesPerAnswer')}</option>
          <option value="rows">{t('look.seriesPerColumn')}</option>
        </select>
      </label>
      <Checkbox checked={look.dataLabels !== false} onChange={(on) => set({ dataLabels: on })}>
        {t('look.dataLabels')}
      </Checkbox>
      <Checkbox checked={look.hideTotal === true} onChange={(on) => set({ hideTotal: on })}>
        {t('look.hideTotal')}
      </Checkbox>
      <label className="field">
        <span>{t('look.title')}</span>
        <input
          value={look.title ?? ''}
          placeholder={t('look.titlePlaceholder')}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
    </div>
  );
}
