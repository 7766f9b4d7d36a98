/**
 * A label as every view shows it. One that is not in the chosen label language (a fallback, see
 * docs/labels.md) is set in italics with a small language tag — "Alter · de" — so a German label in
 * a Korean table is never taken for a translation.
 */
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../shared/domain/languages';

interface LabelTextProps {
  text: string;
  /** The language of a fallback label; absent when the label is in the chosen language. */
  fallbackLanguage?: string | null | undefined;
}

export function LabelText({ text, fallbackLanguage }: LabelTextProps) {
  const { t } = useTranslation('common');
  if (!fallbackLanguage) return <>{text}</>;
  return (
    <span
      className="label-fallback"
      lang={fallbackLanguage}
      title={t('labelLanguage.notTranslated', { language: languageName(fallbackLanguage) })}
    >
      <i>{text}</i>
      <span className="label-fallback__language"> · {fallbackLanguage}</span>
    </span>
  );
}
