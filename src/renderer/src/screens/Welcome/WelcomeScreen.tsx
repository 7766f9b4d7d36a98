/**
 * The first screen: create a study, open one, pick from the recent list, or open the demo study.
 * The desktop app uses native dialogs; in browser mode a study is created by name in the studies
 * folder (which the user can change) and opened through a server-side file browser.
 */
import { useCallback, useEffect, useState, useSyncExternalStore, type FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/api/app';
import type { RecentStudy, StudySummary } from '../../../../shared/domain/study';
import { useClient } from '../../api/ClientContext';
import { FileBrowser } from '../../components/FileBrowser';
import { RecentStudies } from '../../components/RecentStudies';
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
        <h1>Customer Energy Workbench</h1>
        <p className="muted">
          Turn multi-country survey waves into client-ready findings. Each study is one .cew file on
          your disk.
        </p>
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
          <h2 id="create-heading">Create a study</h2>
          {info.nativeDialogs ? (
            <button type="button" className="primary" onClick={createWithDialog} disabled={busy}>
              New study…
            </button>
          ) : (
            <>
              <form onSubmit={createInFolder} className="stack">
                <label className="field">
                  <span>Study name</span>
                  <input
                    value={name}
                    onChange={(event) => setName(event.target.value)}
                    placeholder="e.g. Customer energy 2026"
                    maxLength={200}
                  />
                </label>
                <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
                  Create study
                </button>
              </form>
              <div className="folder-setting">
                {editingFolder ? (
                  <form onSubmit={saveFolder} className="inline-form">
                    <label className="field">
                      <span>Studies folder</span>
                      <input
                        value={folderDraft}
                        onChange={(event) => setFolderDraft(event.target.value)}
                      />
                    </label>
                    <button type="submit">Save folder</button>
                    <button type="button" onClick={() => setEditingFolder(false)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <p className="muted">
                    Saved in <code>{info.studiesFolder}</code>{' '}
                    <button type="button" className="link" onClick={() => setEditingFolder(true)}>
                      Change folder
                    </button>
                  </p>
                )}
              </div>
            </>
          )}
        </section>
        <section className="panel" aria-labelledby="open-heading">
          <h2 id="open-heading">Open a study</h2>
          {info.nativeDialogs ? (
            <button type="button" onClick={openWithDialog} disabled={busy}>
              Open study…
            </button>
          ) : browsing ? (
            <FileBrowser
              startFolder={info.studiesFolder}
              kind="study"
              label="Open a study from disk"
              onChoose={(path) => {
                setBrowsing(false);
                void open(path);
              }}
              onCancel={() => setBrowsing(false)}
            />
          ) : (
            <button type="button" onClick={() => setBrowsing(true)} disabled={busy}>
              Browse for a study…
            </button>
          )}
          <h3>Recent studies</h3>
          <RecentStudies
            recent={recent}
            onOpen={(path) => void open(path)}
            onRemove={(path) => void remove(path)}
          />
        </section>
      </div>
      <section className="panel welcome__demo" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Try the demo study</h2>
        <p className="muted">
          Fourteen agency files from Germany, Italy, France and South Korea, waves 2025 and 2026,
          harmonised onto one codebook. The first time, it is built in the studies folder while you
          look around.
        </p>
        <button type="button" onClick={() => void openDemo()} disabled={busy}>
          Open demo study
        </button>
      </section>
    </main>
  );
}
