/**
 * The open report's name with Rename and Delete. Renaming saves the report under the new name and
 * removes the old one; deleting asks first, in place.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface ReportHeaderProps {
  name: string;
  onRename: (name: string) => Promise<void>;
  onDelete: () => Promise<void>;
}

type Mode = 'view' | 'rename' | 'confirmDelete';

export function ReportHeader({ name, onRename, onDelete }: ReportHeaderProps) {
  const { t } = useTranslation(['reports', 'common']);
  const [mode, setMode] = useState<Mode>('view');
  const [newName, setNewName] = useState(name);
  const [busy, setBusy] = useState(false);

  const rename = async (event: FormEvent) => {
    event.preventDefault();
    if (!newName.trim() || newName.trim() === name) {
      setMode('view');
      return;
    }
    setBusy(true);
    try {
      await onRename(newName.trim());
    } finally {
      setBusy(false);
    }
  };

  if (mode === 'rename')
    return (
      <form className="report-header inline-form" onSubmit={rename}>
        <label className="field">
          <span>{t('list.newName')}</span>
          <input value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus />
        </label>
        <button type="submit" className="primary" disabled={busy || !newName.trim()}>
          {t('list.rename')}
        </button>
        <button type="button" onClick={() => setMode('view')}>
          {t('common:cancel')}
        </button>
      </form>
    );

  return (
    <div className="report-header">
      <h3 className="report-header__name">{name}</h3>
      {mode === 'confirmDelete' ? (
        <p className="notice notice--warn report-header__confirm" role="alert">
          {t('list.confirmDelete', { name })}{' '}
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void onDelete().finally(() => setBusy(false));
            }}
          >
            {t('list.delete')}
          </button>{' '}
          <button type="button" onClick={() => setMode('view')}>
            {t('common:cancel')}
          </button>
        </p>
      ) : (
        <>
          <button
            type="button"
            onClick={() => {
              setNewName(name);
              setMode('rename');
            }}
          >
            {t('list.renameEllipsis')}
          </button>
          <button type="button" onClick={() => setMode('confirmDelete')}>
            {t('list.deleteEllipsis')}
          </button>
        </>
      )}
    </div>
  );
}
