/** One rule of the builder: its place in the order, the segment it gives, and its condition. */
import { useTranslation } from 'react-i18next';
import type { DraftRule } from './schemeDraft';
import { ConditionEditor } from './ConditionEditor';
import type { VariableCatalog } from './variableCatalog';

interface RuleEditorProps {
  rule: DraftRule;
  position: number;
  count: number;
  catalog: VariableCatalog;
  onChange: (rule: DraftRule) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function RuleEditor({
  rule,
  position,
  count,
  catalog,
  onChange,
  onMove,
  onRemove,
}: RuleEditorProps) {
  const { t } = useTranslation('segments');
  const name = t('rule.name', { position });
  return (
    <li className="rule" aria-label={t('rule.itemLabel', { name, label: rule.label })}>
      <div className="rule__header">
        <span className="rule__number">{position}</span>
        <label className="rule__label">
          <span className="muted">{t('rule.segment')}</span>
          <input
            value={rule.label}
            onChange={(e) => onChange({ ...rule, label: e.target.value })}
            aria-label={t('rule.segmentName', { name })}
            maxLength={200}
          />
        </label>
        <span className="muted rule__code" title={t('rule.codeTitle')}>
          {t('rule.code', { code: rule.code })}
        </span>
        <span className="rule__actions">
          <button
            type="button"
            disabled={position === 1}
            onClick={() => onMove(-1)}
            aria-label={t('rule.up', { name: rule.label || name })}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={position === count}
            onClick={() => onMove(1)}
            aria-label={t('rule.down', { name: rule.label || name })}
          >
            ↓
          </button>
          <button
            type="button"
            onClick={onRemove}
            aria-label={t('rule.removeLabel', { name: rule.label || name })}
          >
            {t('rule.remove')}
          </button>
        </span>
      </div>
      <div className="rule__when">
        <span className="muted rule__if">{t('rule.when')}</span>
        <ConditionEditor
          name={rule.label.trim() || name}
          condition={rule.condition}
          catalog={catalog}
          onChange={(condition) => onChange({ ...rule, condition })}
        />
      </div>
    </li>
  );
}
