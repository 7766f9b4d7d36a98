/**
 * Export the study's respondents as SPSS, CSV or Excel. When the study has variables that
 * identify people, the form asks whether to leave them out before anything is written.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/app';
import type { ExportFormat } from '../../../../shared/domain/dataset';
import type { StudySummary } from '../../../../shared/domain/study';
import { useClient } from '../../api/ClientContext';
import { Checkbox } from '../../components/Checkbox';

interface ExportFormProps {
  info: AppInfo;
  study: StudySummary;
  identifying: string[];
  onError: (message: string) => void;
}

const FORMATS: readonly ExportFormat[] = ['sav', 'zsav', 'csv', 'xlsx'];

export function ExportForm({ info, study, identifying, onError }: ExportFormProps) {
  const client = useClient();
  const { t } = useTranslation('study');
  const [format, setFormat] = useState<ExportFormat>('sav');
  const [target, setTarget] = useState(study.path.replace(/\.cew$/i, '.sav'));
  const [dropIdentifying, setDropIdentifying] = useState(true);
  const [filter, setFilter] = useState('');

  const changeFormat = (next: ExportFormat) => {
    setFormat(next);
    setTarget((current) => current.replace(/\.(sav|zsav|csv|xlsx)$/i, `.${next}`));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      let path = target;
      if (info.nativeDialogs) {
        const chosen = await client.invoke('files.chooseExportPath', {
          suggestedName: `${study.name}.${format}`,
          format,
        });
        if (!chosen) return;
        path = chosen.path;
      }
      await client.invoke('export.start', {
        path,
        format,
        ...(filter.trim() ? { filter: filter.trim() } : {}),
        dropIdentifying: identifying.length > 0 && dropIdentifying,
      });
      // The job shows in the status bar and says what it wrote when it ends; a notice here could
      // land after that one (the job may finish before this call returns) and hide it.
    } catch (error) {
      onError((error as Error).message);
    }
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-label={t('export.heading')}>
      <h3>{t('export.heading')}</h3>
      <div className="inline-form">
        <label className="field">
          <span>{t('export.format')}</span>
          <select value={format} onChange={(e) => changeFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((option) => (
              <option key={option} value={option}>
                {t(`export.formats.${option}`)}
              </option>
            ))}
          </select>
        </label>
        {!info.nativeDialogs && (
          <label className="field field--wide">
            <span>{t('export.saveAs')}</span>
            <input value={target} onChange={(e) => setTarget(e.target.value)} />
          </label>
        )}
      </div>
      <label className="field field--wide">
        <span>{t('export.filter')}</span>
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label={t('export.filterLabel')}
        />
      </label>
      {identifying.length > 0 && (
        <Checkbox checked={dropIdentifying} onChange={setDropIdentifying}>
          {t('export.dropIdentifying', { names: identifying.join(', ') })}
        </Checkbox>
      )}
      <button type="submit" className="primary">
        {info.nativeDialogs ? t('export.submitWithDialog') : t('export.submit')}
      </button>
    </form>
  );
}
