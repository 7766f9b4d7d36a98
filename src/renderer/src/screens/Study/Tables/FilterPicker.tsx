/**
 * The small picker that opens when a variable lands on Filter: its categories as checkboxes;
 * the codes kept become the filter (`country in ("DE", "FR")`).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VariableDetail } from '../../../../../shared/api/variables';
import type { FilterPick } from './filterExpression';

interface FilterPickerProps {
  detail: VariableDetail;
  initial: string[];
  onApply: (pick: FilterPick) => void;
  onCancel: () => void;
}

export function FilterPicker({ detail, initial, onApply, onCancel }: FilterPickerProps) {
  const { t } = useTranslation(['tables', 'common']);
  const [codes, setCodes] = useState<string[]>(initial);
  const toggle = (code: string) =>
    setCodes((list) => (list.includes(code) ? list.filter((c) => c !== code) : [...list, code]));
  return (
    <div
      className="panel filter-picker"
      role="dialog"
      aria-label={t('picker.title', { name: detail.name })}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <strong>{t('picker.title', { name: detail.name })}</strong>
      {detail.valueLabels.length === 0 ? (
        <p className="muted">{t('picker.none')}</p>
      ) : (
        <fieldset>
          <legend className="muted">{t('picker.keep')}</legend>
          <ul>
            {detail.valueLabels.map((value, i) => (
              <li key={value.code}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    autoFocus={i === 0}
                    checked={codes.includes(value.code)}
                    onChange={() => toggle(value.code)}
                  />
                  {value.label ?? value.code} <span className="muted">({value.code})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <div className="inline-form">
        <button
          type="button"
          className="primary"
          disabled={codes.length === 0}
          onClick={() => onApply({ variable: detail.name, codes })}
        >
          {t('picker.apply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </div>
    </div>
  );
}
