/**
 * The scheme's options: what a missing answer does (undecided, or a failed test), and — where the
 * scheme names valence items the study has — splitting segments by the sign of energy.
 */
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('segments');
  return (
    <fieldset className="rule-builder__block inline-form">
      <legend>{t('rule.options')}</legend>
      <label className="field">
        <span>{t('rule.missing')}</span>
        <select
          value={missingAnswers}
          onChange={(e) => onMissingAnswers(e.target.value as SchemeDraft['missingAnswers'])}
        >
          <option value="undecided">{t('rule.undecided')}</option>
          <option value="not-met">{t('rule.notMet')}</option>
        </select>
      </label>
      {valence && (
        <Checkbox checked={split} onChange={onSplit}>
          {t('rule.split', {
            segments: splitLabels.join(t('rule.splitAnd')),
            negative: valence.negative.name,
            positive: valence.positive.name,
          })}
        </Checkbox>
      )}
    </fieldset>
  );
}
