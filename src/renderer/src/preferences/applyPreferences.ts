/**
 * Puts the interface choices on the page: the UI language into i18next and <html lang>, the
 * theme into <html data-theme> (absent for 'system', so the stylesheet follows the OS through
 * prefers-color-scheme). A copy in localStorage lets the next start paint in the right theme
 * and language before the app settings arrive; the app settings stay the record.
 */
import type { Preferences } from '../../../shared/api/app';
import { isUiLanguage, setUiLanguage } from '../i18n';

const STORAGE_KEY = 'cew.preferences';

export function applyPreferences(preferences: Preferences): void {
  setUiLanguage(preferences.uiLanguage);
  const root = document.documentElement;
  if (preferences.theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = preferences.theme;
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
  } catch {
    // Storage can be unavailable (private window); the app settings still hold the choice.
  }
}

/** At start-up: the last choices this browser profile saw, if any. */
export function applyRememberedPreferences(): void {
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return;
  }
  if (typeof stored !== 'object' || stored === null) return;
  const { uiLanguage, theme } = stored as Record<string, unknown>;
  applyPreferences({
    uiLanguage: isUiLanguage(uiLanguage) ? uiLanguage : 'en',
    theme: theme === 'light' || theme === 'dark' ? theme : 'system',
  });
}
