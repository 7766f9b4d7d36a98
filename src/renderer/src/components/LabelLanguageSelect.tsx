/**
 * The study's label language: which translation of every label the tables, the variable lists and
 * the exports use. Languages are listed by their own names (Deutsch, 한국어). The choice is stored in
 * the study, so it is disabled when the study is open read-only. Not the UI language, which is the
 * user's (UiLanguageSelect).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from '../../../shared/domain/languages';
import type { StudySummary } from '../../../shared/domain/study';
import { useClient } from '../api/ClientContext';

interface LabelLanguageSelectProps {
  study: StudySummary;
  onChanged: (study: StudySummary) => void;
  onError: (message: string) => void;
}

export function LabelLanguageSelect({ study, onChanged, onError }: LabelLanguageSelectProps) {
  const client = useClient();
  const { t } = useTranslation('common');
  const [saving, setSaving] = useState(false);
  const choose = (language: string) => {
    setSaving(true);
    client
      .invoke('study.setLabelLanguage', { language })
      .then(onChanged, (failure: Error) => onError(failure.message))
      .finally(() => setSaving(false));
  };
  return (
    <label
      className="label-language"
      title={study.readOnly ? t('labelLanguage.readOnly') : undefined}
    >
      <span>{t('labelLanguage.short')}</span>
      <select
        aria-label={t('labelLanguage.label')}
        value={study.labelLanguage}
        disabled={study.readOnly || saving}
        onChange={(e) => choose(e.target.value)}
      >
        {study.languages.map((code) => (
          <option key={code} value={code} lang={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
