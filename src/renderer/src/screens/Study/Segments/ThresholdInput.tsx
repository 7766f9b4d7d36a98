/**
 * A condition's threshold: the answer labels of the scale where the variable has them ("3 Monthly"),
 * else a number box (numeric variables, or a scale not known yet).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleLabel } from './useScaleLabels';

interface ThresholdInputProps {
  name: string;
  value: number;
  labels: ScaleLabel[] | undefined;
  onChange: (value: number) => void;
}

function NumberBox({ name, value, onChange }: Omit<ThresholdInputProps, 'labels'>) {
  const { t } = useTranslation('segments');
  // Typed text is kept while it is not a number yet ("-", "2."), the value changes once it is.
  const [text, setText] = useState(String(value));
  useEffect(() => setText((typed) => (Number(typed) === value ? typed : String(value))), [value]);
  return (
    <input
      className="threshold__number"
      inputMode="decimal"
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const parsed = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(parsed)) onChange(parsed);
      }}
      aria-label={t('picker.threshold', { name })}
    />
  );
}

export function ThresholdInput({ name, value, labels, onChange }: ThresholdInputProps) {
  const { t } = useTranslation('segments');
  if (!labels || labels.length === 0)
    return <NumberBox name={name} value={value} onChange={onChange} />;
  const listed = labels.some((label) => label.code === value);
  return (
    <select
      value={String(value)}
      onChange={(e) => onChange(Number(e.target.value))}
      aria-label={t('picker.threshold', { name })}
    >
      {!listed && <option value={String(value)}>{value}</option>}
      {labels.map((label) => (
        <option key={label.code} value={String(label.code)}>
          {label.code} {label.label}
        </option>
      ))}
    </select>
  );
}
