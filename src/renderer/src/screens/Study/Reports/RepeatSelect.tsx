/**
 * "Repeat for each": no repeat, or one copy per value of a variable — country, industry, wave or
 * a saved segmentation — each copy with that value added to its tables' filters.
 */
import { useTranslation } from 'react-i18next';

export interface RepeatOption {
  name: string;
  label: string;
}

interface RepeatSelectProps {
  label: string;
  value: string;
  options: RepeatOption[];
  onChange: (value: string) => void;
  /** The first option's words; "No repeat" unless given. */
  noneLabel?: string;
}

export function RepeatSelect({ label, value, options, onChange, noneLabel }: RepeatSelectProps) {
  const { t } = useTranslation('reports');
  const known = value === '' || options.some((option) => option.name === value);
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{noneLabel ?? t('repeat.none')}</option>
        {options.map((option) => (
          <option key={option.name} value={option.name}>
            {option.label}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}
