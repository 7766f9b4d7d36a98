/** A short labelled number box of the Segments panes (k, seed, restarts, target accuracy, rows). */
interface NumberFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Whole numbers by default; 'decimal' for shares and accuracies. */
  inputMode?: 'numeric' | 'decimal';
}

export function NumberField({ label, value, onChange, inputMode = 'numeric' }: NumberFieldProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        className="cluster-panel__number"
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
