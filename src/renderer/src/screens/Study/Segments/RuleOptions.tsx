/**
 * The scheme's options: what a missing answer does (undecided, or a failed test), and — where the
 * scheme names valence items the study has — splitting segments by the sign of energy.
 */
import type { SegmentScheme } from '../../../../../shared/domain/segments';
import { Checkbox } from '../../../components/Checkbox';
import type { SchemeDraft } from './schemeDraft';

interface RuleOptionsProps {
  missingAnswers: SchemeDraft['missingAnswers'];
  onMissingAnswers: (value: SchemeDraft['missingAnswers']) => void;
  /** The valence items, when the split can be offered. */
  valence: SegmentScheme['valence'] | null;
  /** The names of the segments the split divides. */
  splitLabels: string[];
  split: boolean;
  onSplit: (split: boolean) => void;
}

export function RuleOptions(props: RuleOptionsProps) {
  const { missingAnswers, onMissingAnswers, valence, splitLabels, split, onSplit } = props;
  return (
    <fieldset className="rule-builder__block inline-form">
      <legend>Options</legend>
      <label className="field">
        <span>A missing answer the rules need</span>
        <select
          value={missingAnswers}
          onChange={(e) => onMissingAnswers(e.target.value as SchemeDraft['missingAnswers'])}
        >
          <option value="undecided">leaves the respondent undecided (no segment)</option>
          <option value="not-met">simply fails its test</option>
        </select>
      </label>
      {valence && (
        <Checkbox checked={split} onChange={onSplit}>
          Split {splitLabels.join(' and ')} by valence (negative where {valence.negative.name} &gt;{' '}
          {valence.positive.name})
        </Checkbox>
      )}
    </fieldset>
  );
}
