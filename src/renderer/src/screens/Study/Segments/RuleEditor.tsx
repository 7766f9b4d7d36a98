/** One rule of the builder: its place in the order, the segment it gives, and its condition. */
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
  const name = `Rule ${position}`;
  return (
    <li className="rule" aria-label={`${name}: ${rule.label}`}>
      <div className="rule__header">
        <span className="rule__number">{position}</span>
        <label className="rule__label">
          <span className="muted">Segment</span>
          <input
            value={rule.label}
            onChange={(e) => onChange({ ...rule, label: e.target.value })}
            aria-label={`${name}: segment name`}
            maxLength={200}
          />
        </label>
        <span className="muted rule__code" title="The segment's code in the saved variable">
          code {rule.code}
        </span>
        <span className="rule__actions">
          <button
            type="button"
            disabled={position === 1}
            onClick={() => onMove(-1)}
            aria-label={`Move ${rule.label || name} up`}
          >
            ↑
          </button>
          <button
            type="button"
            disabled={position === count}
            onClick={() => onMove(1)}
            aria-label={`Move ${rule.label || name} down`}
          >
            ↓
          </button>
          <button
            type="button"
            onClick={onRemove}
            aria-label={`Remove the rule ${rule.label || name}`}
          >
            Remove
          </button>
        </span>
      </div>
      <div className="rule__when">
        <span className="muted rule__if">when</span>
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
