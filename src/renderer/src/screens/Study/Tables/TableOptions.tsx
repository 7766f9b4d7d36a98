/**
 * The table's options in one dense row: weight, cell contents, significance, the low-base
 * threshold and its suppression, sort, empty rows, decimals and bases.
 */
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../components/Checkbox';
import { CELL_CONTENTS, type CellContent } from './cellText';
import { SIG_CHOICES, type TableDraft } from './tableDraft';

interface TableOptionsProps {
  draft: TableDraft;
  weights: string[];
  onChange: (change: Partial<TableDraft>) => void;
}

export function TableOptions({ draft, weights, onChange }: TableOptionsProps) {
  const { t } = useTranslation('tables');
  return (
    <div className="panel table-builder__options">
      <label className="field">
        <span>{t('options.weight')}</span>
        <select
          aria-label={t('options.weight')}
          value={draft.weight}
          onChange={(e) => onChange({ weight: e.target.value })}
        >
          <option value="">{t('options.unweighted')}</option>
          {weights.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('options.cells')}</span>
        <select
          aria-label={t('options.cells')}
          value={draft.content}
          onChange={(e) => onChange({ content: e.target.value as CellContent })}
        >
          {CELL_CONTENTS.map((content) => (
            <option key={content} value={content}>
              {t(`contents.${content}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('options.significance')}</span>
        <select
          aria-label={t('options.significance')}
          value={draft.sig}
          onChange={(e) => onChange({ sig: Number(e.target.value) })}
        >
          {SIG_CHOICES.map((choice, index) => (
            <option key={choice.label} value={index}>
              {choice.levels ? choice.label : t('options.sigNone')}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t('options.lowBase')}</span>
        <input
          aria-label={t('options.lowBase')}
          type="number"
          min={0}
          step={1}
          value={draft.lowBase}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 0) onChange({ lowBase: value });
          }}
        />
      </label>
      <label className="field">
        <span>{t('options.decimals')}</span>
        <select
          aria-label={t('options.decimals')}
          value={draft.decimals}
          onChange={(e) => onChange({ decimals: Number(e.target.value) })}
        >
          {[0, 1, 2].map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <Checkbox checked={draft.suppressLowBase} onChange={(v) => onChange({ suppressLowBase: v })}>
        {t('options.suppress')}
      </Checkbox>
      <Checkbox checked={draft.sortByTotal} onChange={(v) => onChange({ sortByTotal: v })}>
        {t('options.sortByTotal')}
      </Checkbox>
      <Checkbox checked={draft.hideEmpty} onChange={(v) => onChange({ hideEmpty: v })}>
        {t('options.hideEmpty')}
      </Checkbox>
      <Checkbox checked={draft.showBases} onChange={(v) => onChange({ showBases: v })}>
        {t('options.showBases')}
      </Checkbox>
    </div>
  );
}
