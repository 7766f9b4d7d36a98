/**
 * The user's interface choices (UI language, theme) for every screen: read from app.info,
 * changed through app.setPreferences so they are remembered in the app settings in both the
 * desktop app and browser mode.
 */
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import type { AppInfo, Preferences } from '../../../shared/api/app';
import { useClient } from '../api/ClientContext';
import { applyPreferences } from './applyPreferences';

interface PreferencesValue {
  preferences: Preferences;
  change: (changes: Partial<Preferences>) => Promise<void>;
}

const PreferencesContext = createContext<PreferencesValue | null>(null);

interface PreferencesProviderProps {
  info: AppInfo;
  onInfoChange: (info: AppInfo) => void;
  children: ReactNode;
}

export function PreferencesProvider({ info, onInfoChange, children }: PreferencesProviderProps) {
  const client = useClient();
  const { preferences } = info;
  useEffect(() => applyPreferences(preferences), [preferences]);

  const change = async (changes: Partial<Preferences>) => {
    // Shown at once; the saved settings then confirm it.
    applyPreferences({ ...preferences, ...changes });
    onInfoChange(await client.invoke('app.setPreferences', changes));
  };
  return (
    <PreferencesContext.Provider value={{ preferences, change }}>
      {children}
    </PreferencesContext.Provider>
  );
}

export function usePreferences(): PreferencesValue {
  const value = useContext(PreferencesContext);
  if (!value) throw new Error('usePreferences needs a PreferencesProvider above it');
  return value;
}
