/**
 * A rule's (or the universe's) condition: clauses that must all hold, each editable, or — for
 * what clauses cannot say — the condition in words, kept as written until the user replaces it.
 */
import { useTranslation } from 'react-i18next';
import type { DraftCondition } from './schemeDraft';
import { newClause } from './schemeDraft';
import { conditionText } from './schemeWords';
import { ClauseEditor } from './ClauseEditor';
import type { VariableCatalog } from './variableCatalog';

interface ConditionEditorProps {
  name: string;
  condition: DraftCondition;
  catalog: VariableCatalog;
  onChange: (condition: DraftCondition) => void;
  /** Shown when there is no clause (the universe: "Everyone"). */
  emptyText?: string;
}

export function ConditionEditor({
  name,
  condition,
  catalog,
  onChange,
  emptyText,
}: ConditionEditorProps) {
  const { t } = useTranslation('segments');
  if (condition.kind === 'kept')
    return (
      <div className="condition condition--kept">
        <code>{conditionText(condition.condition)}</code>
        <span className="muted">{t('rule.kept')}</span>{' '}
        <button
          type="button"
          onClick={() => onChange({ kind: 'clauses', clauses: [newClause()] })}
          aria-label={t('rule.replaceLabel', { name })}
        >
          {t('rule.replace')}
        </button>
      </div>
    );
  const { clauses } = condition;
  const set = (next: typeof clauses) => onChange({ kind: 'clauses', clauses: next });
  return (
    <div className="condition">
      {clauses.length === 0 && emptyText && <p className="muted condition__empty">{emptyText}</p>}
      {clauses.map((clause, index) => (
        <div key={clause.id} className="condition__part">
          {index > 0 && <span className="condition__and">{t('rule.and')}</span>}
          <ClauseEditor
            name={t('rule.conditionName', { name, index: index + 1 })}
            clause={clause}
            catalog={catalog}
            onChange={(changed) => set(clauses.map((c) => (c.id === clause.id ? changed : c)))}
            onRemove={() => set(clauses.filter((c) => c.id !== clause.id))}
          />
        </div>
      ))}
      <button
        type="button"
        className="link condition__add"
        onClick={() => set([...clauses, newClause()])}
        aria-label={t('rule.addConditionLabel', { name })}
      >
        {t('rule.addCondition')}
      </button>
    </div>
  );
}
