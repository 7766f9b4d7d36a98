/**
 * The first screen: create a study, open one, pick from the recent list, or open the demo study.
 * The desktop app uses native dialogs; in browser mode a study is created by name in the studies
 * folder (which the user can change) and opened through a server-side file browser.
 */
import { useCallback, useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/api/app';
import type { RecentStudy, StudySummary } from '../../../../shared/domain/study';
import { Trans, useTranslation } from 'react-i18next';
import { useClient } from '../../api/ClientContext';
import { FileBrowser } from '../../components/FileBrowser';
import { HelpPanel, useHelpPanel } from '../../components/HelpPanel';
import { RecentStudies } from '../../components/RecentStudies';
import { ThemeToggle } from '../../components/ThemeToggle';
import { UiLanguageSelect } from '../../components/UiLanguageSelect';
import { useShortcut } from '../../shortcuts/registry';
import {
  clearDemoBuildNotice,
  demoBuildNotice,
  openDemoStudy,
  subscribeDemoBuildNotice,
} from './demoBuild';

interface WelcomeScreenProps {
  info: AppInfo;
  onInfoChange: (info: AppInfo) => void;
  onOpened: (study: StudySummary) => void;
}

function joinPath(folder: string, name: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${name}` : `${folder}${separator}${name}`;
}

export function WelcomeScreen({ info, onInfoChange, onOpened }: WelcomeScreenProps) {
  const client = useClient();
  const { t } = useTranslation(['welcome', 'common', 'help']);
  const [recent, setRecent] = useState<RecentStudy[]>([]);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [browsing, setBrowsing] = useState(false);
  const [editingFolder, setEditingFolder] = useState(false);
  const [folderDraft, setFolderDraft] = useState(info.studiesFolder);
  const demoNotice = useSyncExternalStore(subscribeDemoBuildNotice, demoBuildNotice);

  const loadRecent = useCallback(() => {
    client
      .invoke('study.listRecent', {})
      .then(setRecent, (failure: Error) => setError(failure.message));
  }, [client]);
  useEffect(loadRecent, [loadRecent]);

  const run = async (action: () => Promise<StudySummary | null>) => {
    setBusy(true);
    setError(null);
    clearDemoBuildNotice();
    try {
      const study = await action();
      if (study) onOpened(study);
    } catch (failure) {
      setError((failure as Error).message);
      loadRecent();
    } finally {
      setBusy(false);
    }
  };

  const open = (path: string) => run(() => client.invoke('study.open', { path }));

  const openDemo = () => run(() => openDemoStudy(client));
  const helpPanel = useHelpPanel();
  useShortcut({
    id: 'welcome.openDemo',
    keys: 'Alt+Shift+D',
    group: t('help:groups.welcome'),
    description: t('help:shortcuts.openDemo'),
    disabled: busy,
    run: () => void openDemo(),
  });

  const createInFolder = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    const fileName = /\.cew$/i.test(trimmed) ? trimmed : `${trimmed}.cew`;
    void run(() =>
      client.invoke('study.create', {
        path: joinPath(info.studiesFolder, fileName),
        name: trimmed.replace(/\.cew$/i, ''),
      }),
    );
  };

  const createWithDialog = () =>
    run(async () => {
      const chosen = await client.invoke('study.chooseNewPath', {});
      return chosen ? client.invoke('study.create', { path: chosen.path }) : null;
    });

  const openWithDialog = () =>
    run(async () => {
      const chosen = await client.invoke('study.chooseExisting', {});
      return chosen ? client.invoke('study.open', { path: chosen.path }) : null;
    });

  const saveFolder = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onInfoChange(await client.invoke('app.setStudiesFolder', { folder: folderDraft }));
      setEditingFolder(false);
      setError(null);
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  const remove = async (path: string) => {
    try {
      setRecent(await client.invoke('study.removeRecent', { path }));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };

  return (
    <main className="welcome">
      <header className="welcome__header">
        <div className="welcome__title">
          <h1>{t('common:appName')}</h1>
          <p className="muted">{t('tagline')}</p>
        </div>
        <div className="welcome__preferences" role="group" aria-label={t('preferences')}>
          <UiLanguageSelect onError={setError} />
          <ThemeToggle onError={setError} />
          <button type="button" onClick={helpPanel.show} aria-keyshortcuts="F1">
            {t('common:help')}
          </button>
        </div>
      </header>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {demoNotice && (
        <p
          role={demoNotice.tone === 'error' ? 'alert' : 'status'}
          className={`notice notice--${demoNotice.tone}`}
        >
          {demoNotice.text}
        </p>
      )}
      <div className="welcome__columns">
        <section className="panel" aria-labelledby="create-heading">
          <h2 id="create-heading">{t('create.heading')}</h2>
          {info.nativeDialogs ? (
            <button type="button" className="primary" onClick={createWithDialog} disabled={busy}>
              {t('create.newWithDialog')}
            </button>
          ) : (
            <>
              <form onSubmit={createInFolder} className="stack">
                <label className="field">
                  <span>{t('create.nameLabel')}</span>
                  <input
                    value={name}
                    onChange={(event) => setName(event.target.value)}
                    placeholder={t('create.namePlaceholder')}
                    maxLength={200}
                  />
                </label>
                <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
                  {t('create.submit')}
                </button>
              </form>
              <div className="folder-setting">
                {editingFolder ? (
                  <form onSubmit={saveFolder} className="inline-form">
                    <label className="field">
                      <span>{t('create.foldersLabel')}</span>
                      <input
                        value={folderDraft}
                        onChange={(event) => setFolderDraft(event.target.value)}
                      />
                    </label>
                    <button type="submit">{t('create.saveFolder')}</button>
                    <button type="button" onClick={() => setEditingFolder(false)}>
                      {t('common:cancel')}
                    </button>
                  </form>
                ) : (
                  <p className="muted">
                    <Trans
                      t={t}
                      i18nKey="create.savedIn"
                      components={{ folder: <code>{info.studiesFolder}</code> }}
                    />{' '}
                    <button type="button" className="link" onClick={() => setEditingFolder(true)}>
                      {t('create.changeFolder')}
                    </button>
                  </p>
                )}
              </div>
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="open-heading">
          <h2 id="open-heading">{t('open.heading')}</h2>
          {info.nativeDialogs ? (
            <button type="button" onClick={openWithDialog} disabled={busy}>
              {t('open.withDialog')}
            </button>
          ) : browsing ? (
            <FileBrowser
              startFolder={info.studiesFolder}
              kind="study"
              label={t('open.browserLabel')}
              onChoose={(path) => {
                setBrowsing(false);
                void open(path);
              }}
              onCancel={() => setBrowsing(false)}
            />
          ) : (
            <button type="button" onClick={() => setBrowsing(true)} disabled={busy}>
              {t('open.browse')}
            </button>
          )}
          <h3>{t('recent.heading')}</h3>
          <RecentStudies
            recent={recent}
            onOpen={(path) => void open(path)}
            onRemove={(path) => void remove(path)}
          />
        </section>
      </div>
      <section className="panel welcome__demo" aria-labelledby="demo-heading">
        <h2 id="demo-heading">{t('demo.heading')}</h2>
        <p className="muted">{t('demo.description')}</p>
        <button
          type="button"
          onClick={() => void openDemo()}
          disabled={busy}
          aria-keyshortcuts="Alt+Shift+D"
        >
          {t('demo.open')}
        </button>
      </section>
      {helpPanel.open && <HelpPanel onClose={helpPanel.hide} current={null} views={[]} />}
    </main>
  );
}
