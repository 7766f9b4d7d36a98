/** Browser mode's "Save a copy as…": a path beside the study, edited in place. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface SaveCopyFormProps {
  suggestedPath: string;
  onSave: (path: string) => void;
  onCancel: () => void;
}

export function SaveCopyForm({ suggestedPath, onSave, onCancel }: SaveCopyFormProps) {
  const { t } = useTranslation(['study', 'common']);
  const [path, setPath] = useState(suggestedPath);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(path.trim());
  };
  return (
    <form className="inline-form panel" onSubmit={submit} aria-label={t('saveCopy.formLabel')}>
      <label className="field field--wide">
        <span>{t('saveCopy.pathLabel')}</span>
        <input value={path} onChange={(event) => setPath(event.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!/\.cew$/i.test(path.trim())}>
        {t('saveCopy.submit')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('common:cancel')}
      </button>
    </form>
  );
}
