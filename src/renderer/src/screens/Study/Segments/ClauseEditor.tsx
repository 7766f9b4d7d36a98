/** One condition of a rule: "any of / all of [variables] ≥ threshold". */
import { useTranslation } from 'react-i18next';
import type { CompareOp } from '../../../../../shared/domain/segments';
import type { Clause } from './schemeDraft';
import { opSymbol } from './schemeWords';
import { ThresholdInput } from './ThresholdInput';
import type { VariableCatalog } from './variableCatalog';
import { AddVariable, VariableChips } from './VariablePicker';

const OPS: CompareOp[] = ['>=', '>', '=', '!=', '<=', '<'];

interface ClauseEditorProps {
  name: string;
  clause: Clause;
  catalog: VariableCatalog;
  onChange: (clause: Clause) => void;
  onRemove: () => void;
}

export function ClauseEditor({ name, clause, catalog, onChange, onRemove }: ClauseEditorProps) {
  // The scale of the first variable the study has: a condition's variables share one scale.
  const { t } = useTranslation('segments');
  const scaleOf = clause.variables.find((v) => catalog.byName.get(v)?.type === 'single');
  const labels = scaleOf ? catalog.scaleLabels.get(scaleOf) : undefined;
  return (
    <div className="clause" role="group" aria-label={name}>
      <div className="clause__test">
        {clause.variables.length > 1 && (
          <select
            value={clause.mode}
            onChange={(e) => onChange({ ...clause, mode: e.target.value as Clause['mode'] })}
            aria-label={t('rule.anyOrAll', { name })}
          >
            <option value="any">{t('rule.anyOf')}</option>
            <option value="all">{t('rule.allOf')}</option>
          </select>
        )}
        <VariableChips
          name={name}
          selected={clause.variables}
          catalog={catalog}
          onChange={(variables) => onChange({ ...clause, variables })}
        />
        <span className="clause__threshold">
          <select
            value={clause.op}
            onChange={(e) => onChange({ ...clause, op: e.target.value as CompareOp })}
            aria-label={t('rule.comparison', { name })}
          >
            {OPS.map((op) => (
              <option key={op} value={op}>
                {opSymbol(op)}
              </option>
            ))}
          </select>
          <ThresholdInput
            name={name}
            value={clause.value}
            labels={labels}
            onChange={(value) => onChange({ ...clause, value })}
          />
        </span>
        <button
          type="button"
          className="clause__remove"
          onClick={onRemove}
          aria-label={t('rule.removeCondition', { name })}
          title={t('rule.removeConditionTitle')}
        >
          ×
        </button>
      </div>
      <AddVariable
        name={name}
        selected={clause.variables}
        catalog={catalog}
        onChange={(variables) => onChange({ ...clause, variables })}
      />
    </div>
  );
}
