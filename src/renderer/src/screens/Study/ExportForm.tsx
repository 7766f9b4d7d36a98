/**
 * Export the study's respondents as SPSS, CSV or Excel. When the study has variables that
 * identify people, the form asks whether to leave them out before anything is written.
 */
import { useState, type FormEvent } from 'react';
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

const FORMATS: Array<{ value: ExportFormat; label: string }> = [
  { value: 'sav', label: 'SPSS (.sav)' },
  { value: 'zsav', label: 'SPSS compressed (.zsav)' },
  { value: 'csv', label: 'CSV (.csv)' },
  { value: 'xlsx', label: 'Excel (.xlsx)' },
];

export function ExportForm({ info, study, identifying, onError }: ExportFormProps) {
  const client = useClient();
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
    <form className="panel stack" onSubmit={submit} aria-label="Export data">
      <h3>Export data</h3>
      <div className="inline-form">
        <label className="field">
          <span>Format</span>
          <select value={format} onChange={(e) => changeFormat(e.target.value as ExportFormat)}>
            {FORMATS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        {!info.nativeDialogs && (
          <label className="field field--wide">
            <span>Save as</span>
            <input value={target} onChange={(e) => setTarget(e.target.value)} />
          </label>
        )}
      </div>
      <label className="field field--wide">
        <span>Only respondents where (optional, e.g. country = "DE")</span>
        <input
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          aria-label="Export filter"
        />
      </label>
      {identifying.length > 0 && (
        <Checkbox checked={dropIdentifying} onChange={setDropIdentifying}>
          Leave out variables that identify people ({identifying.join(', ')})
        </Checkbox>
      )}
      <button type="submit" className="primary">
        {info.nativeDialogs ? 'Export…' : 'Export'}
      </button>
    </form>
  );
}
