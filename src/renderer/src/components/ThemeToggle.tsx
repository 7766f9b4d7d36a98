/** Light, dark, or follow the operating system; remembered in the app settings. */
import { useTranslation } from 'react-i18next';
import type { Preferences } from '../../../shared/api/app';
import { usePreferences } from '../preferences/PreferencesContext';

const THEMES: readonly Preferences['theme'][] = ['system', 'light', 'dark'];

interface ThemeToggleProps {
  onError: (message: string) => void;
}

export function ThemeToggle({ onError }: ThemeToggleProps) {
  const { t } = useTranslation('common');
  const { preferences, change } = usePreferences();
  return (
    <label className="preference-select">
      <span>{t('theme.label')}</span>
      <select
        aria-label={t('theme.label')}
        value={preferences.theme}
        onChange={(e) => {
          const theme = THEMES.find((candidate) => candidate === e.target.value);
          if (theme) change({ theme }).catch((error: Error) => onError(error.message));
        }}
      >
        {THEMES.map((theme) => (
          <option key={theme} value={theme}>
            {t(`theme.${theme}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
