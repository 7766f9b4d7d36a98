/** Chooses the screen: the welcome screen until a study is open, then the study window. */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api/app';
import type { StudySummary } from '../../shared/domain/study';
import { useClient, useEvent } from './api/ClientContext';
import { PreferencesProvider } from './preferences/PreferencesContext';
import { StudyWindow } from './screens/Study/StudyWindow';
import { WelcomeScreen } from './screens/Welcome/WelcomeScreen';

export function App() {
  const client = useClient();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [study, setStudy] = useState<StudySummary | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    Promise.all([client.invoke('app.info', {}), client.invoke('study.current', {})]).then(
      ([appInfo, current]) => {
        setInfo(appInfo);
        setStudy(current);
      },
      (error: Error) => setLoadError(error.message),
    );
  }, [client]);

  useEvent(
    'study.changed',
    useCallback((payload) => setStudy(payload.study), []),
  );

  if (loadError) {
    return (
      <main className="startup-error" role="alert">
        <h1>Customer Energy Workbench</h1>
        <p>{loadError}</p>
      </main>
    );
  }
  if (!info) return <main className="loading" aria-busy="true" />;
  return (
    <PreferencesProvider info={info} onInfoChange={setInfo}>
      {study ? (
        <StudyWindow info={info} study={study} onStudyChange={setStudy} />
      ) : (
        <WelcomeScreen info={info} onInfoChange={setInfo} onOpened={setStudy} />
      )}
    </PreferencesProvider>
  );
}
