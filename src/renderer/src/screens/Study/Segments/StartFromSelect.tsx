/**
 * What the rule builder starts from: a built-in scheme or template, a scheme saved in the study,
 * or the rules of a saved segmentation (`saved:<variable>`).
 */
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation, SchemeInfo } from '../../../../../shared/domain/segments';

export const SAVED_CHOICE = 'saved:';

interface StartFromSelectProps {
  value: string;
  schemes: SchemeInfo[];
  saved: SavedSegmentation[];
  onChange: (choice: string) => void;
}

export function StartFromSelect({ value, schemes, saved, onChange }: StartFromSelectProps) {
  const { t } = useTranslation('segments');
  const own = schemes.filter((s) => !s.builtIn);
  const ruleSaved = saved.filter((s) => s.definition.method === 'rules');
  return (
    <label className="field">
      <span>{t('rule.startFrom')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <optgroup label={t('rule.builtIn')}>
          {schemes
            .filter((s) => s.builtIn)
            .map(({ scheme }) => (
              <option key={scheme.name} value={scheme.name}>
                {scheme.title}
              </option>
            ))}
        </optgroup>
        {own.length > 0 && (
          <optgroup label={t('rule.savedHere')}>
            {own.map(({ scheme }) => (
              <option key={scheme.name} value={scheme.name}>
                {scheme.title} ({scheme.name})
              </option>
            ))}
          </optgroup>
        )}
        {ruleSaved.length > 0 && (
          <optgroup label={t('rule.savedRules')}>
            {ruleSaved.map((s) => (
              <option key={s.name} value={`${SAVED_CHOICE}${s.name}`}>
                {s.name}
              </option>
            ))}
          </optgroup>
        )}
      </select>
    </label>
  );
}
