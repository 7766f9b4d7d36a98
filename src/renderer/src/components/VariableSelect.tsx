/** A labelled select of study variables, each shown as "name — label", with an optional empty choice. */
import type { VariableSummary } from '../../../shared/domain/study';

/** "energy — Customer energy", for an <option>. */
function variableOptionLabel(variable: VariableSummary): string {
  return variable.label ? `${variable.name} — ${variable.label}` : variable.name;
}

interface VariableSelectProps {
  label: string;
  variables: readonly VariableSummary[];
  value: string;
  onChange: (name: string) => void;
  /** The first option, meaning "none" (e.g. "Unweighted"); left out when every choice is a variable. */
  empty?: string;
}

export function VariableSelect({ label, variables, value, onChange, empty }: VariableSelectProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {empty !== undefined && <option value="">{empty}</option>}
        {variables.map((v) => (
          <option key={v.name} value={v.name}>
            {variableOptionLabel(v)}
          </option>
        ))}
      </select>
    </label>
  );
}
