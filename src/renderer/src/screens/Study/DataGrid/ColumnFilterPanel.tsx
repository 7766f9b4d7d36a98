/**
 * One column's filter: the answers to keep for a coded variable (its value labels), or a range
 * for a numeric one. The worker turns it into an expression ("sat in (1, 2)", "age in (18..34)")
 * and combines it with the typed filter by "and".
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnFilter, GridColumn } from '../../../../../shared/api/grid';
import { Checkbox } from '../../../components/Checkbox';

interface ColumnFilterPanelProps {
  column: GridColumn;
  current: ColumnFilter | undefined;
  onApply: (filter: ColumnFilter | null) => void;
  onClose: () => void;
}

function parsed(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() === '' || !Number.isFinite(value) ? undefined : value;
}

export function ColumnFilterPanel({ column, current, onApply, onClose }: ColumnFilterPanelProps) {
  const { t } = useTranslation(['data', 'common']);
  const coded = column.valueLabels.length > 0;
  const [codes, setCodes] = useState<ReadonlySet<number>>(new Set(current?.codes ?? []));
  const [from, setFrom] = useState(current?.min === undefined ? '' : String(current.min));
  const [to, setTo] = useState(current?.max === undefined ? '' : String(current.max));

  const apply = () => {
    if (coded) {
      onApply(
        codes.size > 0 ? { variable: column.name, codes: [...codes].sort((a, b) => a - b) } : null,
      );
      return;
    }
    const min = parsed(from);
    const max = parsed(to);
    onApply(
      min === undefined && max === undefined
        ? null
        : {
            variable: column.name,
            ...(min !== undefined ? { min } : {}),
            ...(max !== undefined ? { max } : {}),
          },
    );
  };

  return (
    <section
      className="panel data-view__column-filter"
      aria-label={t('columnFilter.title', { name: column.name })}
    >
      <h3>{t('columnFilter.title', { name: column.name })}</h3>
      {column.label && <p className="muted">{column.label}</p>}
      {coded ? (
        <fieldset>
          <legend>{t('columnFilter.keep')}</legend>
          {column.valueLabels.map((entry) => (
            <Checkbox
              key={entry.code}
              checked={codes.has(entry.code)}
              onChange={(checked) => {
                const next = new Set(codes);
                if (checked) next.add(entry.code);
                else next.delete(entry.code);
                setCodes(next);
              }}
            >
              {entry.code} {entry.label}
            </Checkbox>
          ))}
        </fieldset>
      ) : (
        <div className="data-view__range">
          <label>
            {t('columnFilter.from')}
            <input type="number" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('columnFilter.to')}
            <input type="number" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
      )}
      <div className="data-view__actions">
        <button type="button" className="primary" onClick={apply}>
          {t('columnFilter.apply')}
        </button>
        {current && (
          <button type="button" onClick={() => onApply(null)}>
            {t('columnFilter.remove')}
          </button>
        )}
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      </div>
    </section>
  );
}
