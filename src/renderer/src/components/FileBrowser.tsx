/**
 * Browser mode's stand-in for a native Open dialog: walks folders on the workbench's own disk
 * (through files.list) and offers the studies, or the survey files, in them.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileBrowserListing } from '../../../shared/domain/study';
import { useClient } from '../api/ClientContext';

interface FileBrowserProps {
  startFolder?: string;
  kind: 'study' | 'data';
  label: string;
  onChoose: (path: string) => void;
  onCancel: () => void;
}

export function FileBrowser({ startFolder, kind, label, onChoose, onCancel }: FileBrowserProps) {
  const client = useClient();
  const { t } = useTranslation(['welcome', 'common']);
  const [folder, setFolder] = useState<string | undefined>(startFolder);
  const [listing, setListing] = useState<FileBrowserListing | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    client.invoke('files.list', folder ? { folder, kind } : { kind }).then(
      (result) => {
        if (!current) return;
        setListing(result);
        setError(null);
      },
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [client, folder, kind]);

  return (
    <section className="file-browser" aria-label={label}>
      <header className="file-browser__header">
        <button
          type="button"
          onClick={() => listing?.parent && setFolder(listing.parent)}
          disabled={!listing?.parent}
          aria-label={t('files.upLabel')}
        >
          {t('files.up')}
        </button>
        <code className="file-browser__folder" title={listing?.folder}>
          {listing?.folder ?? '…'}
        </code>
        <button type="button" onClick={onCancel}>
          {t('common:cancel')}
        </button>
      </header>
      {error && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      <ul className="file-browser__list" aria-label={t('files.listLabel')}>
        {listing?.entries.length === 0 && (
          <li className="muted">
            {kind === 'study' ? t('files.emptyStudies') : t('files.emptyData')}
          </li>
        )}
        {listing?.entries.map((entry) => (
          <li key={entry.path}>
            {entry.kind === 'folder' ? (
              <button type="button" className="link" onClick={() => setFolder(entry.path)}>
                📁 {entry.name}
              </button>
            ) : (
              <button type="button" className="link" onClick={() => onChoose(entry.path)}>
                {entry.name}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
