/** Asks before a source is removed, naming what goes: the file, its country, wave and respondents. */
import { useTranslation } from 'react-i18next';
import type { SourceSummary } from '../../../../../shared/domain/study';
import { SourceDialog } from './SourceDialog';

interface RemoveSourceDialogProps {
  source: SourceSummary;
  countryName: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function RemoveSourceDialog({
  source,
  countryName,
  busy,
  onConfirm,
  onCancel,
}: RemoveSourceDialogProps) {
  const { t } = useTranslation(['study', 'common']);
  return (
    <SourceDialog
      title={t('sources.confirm.title', { file: source.fileName })}
      onClose={onCancel}
      actions={
        <>
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common:cancel')}
          </button>
          <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
            {t('sources.confirm.submit')}
          </button>
        </>
      }
    >
      <p>
        {t('sources.confirm.what', {
          country: countryName,
          wave: source.wave ?? t('common:none'),
          type: source.respondentType ?? t('common:none'),
          count: source.rowCount,
        })}
      </p>
      <p className="muted">{t('sources.confirm.effect')}</p>
      <p className="muted">{t('sources.confirm.undo')}</p>
    </SourceDialog>
  );
}
