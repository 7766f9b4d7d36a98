/**
 * The interface's language (menus, buttons, messages), remembered in the app settings. Not the
 * study's label language, which LabelLanguageSelect chooses for variable and answer labels.
 */
import { useTranslation } from 'react-i18next';
import { UI_LANGUAGE_NAMES, UI_LANGUAGES, isUiLanguage } from '../i18n';
import { usePreferences } from '../preferences/PreferencesContext';

interface UiLanguageSelectProps {
  onError: (message: string) => void;
}

export function UiLanguageSelect({ onError }: UiLanguageSelectProps) {
  const { t } = useTranslation('common');
  const { preferences, change } = usePreferences();
  return (
    <label className="preference-select">
      <span>{t('uiLanguage')}</span>
      <select
        aria-label={t('uiLanguage')}
        value={preferences.uiLanguage}
        onChange={(e) => {
          const language = e.target.value;
          if (isUiLanguage(language))
            change({ uiLanguage: language }).catch((error: Error) => onError(error.message));
        }}
      >
        {UI_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {UI_LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </label>
  );
}
