/**
 * Import a survey file as a source: choose the file (native dialog, or the server-side file
 * browser in browser mode), see what the reader found, say which country, wave and respondent
 * type it is, and start the import job. The job runs in the worker; its progress shows in the
 * status bar, and a failed or cancelled import leaves the study as it was.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppInfo } from '../../../../shared/api/app';
import type { DatasetInfo } from '../../../../shared/domain/dataset';
import { useClient } from '../../api/ClientContext';
import { FileBrowser } from '../../components/FileBrowser';
import { formatInteger } from '../../format';

interface ImportFormProps {
  info: AppInfo;
  onStarted: (label: string) => void;
  onError: (message: string) => void;
  disabled: boolean;
}

export function ImportForm({ info, onStarted, onError, disabled }: ImportFormProps) {
  const client = useClient();
  const [file, setFile] = useState<string | null>(null);
  const [browsing, setBrowsing] = useState(false);
  const [preview, setPreview] = useState<DatasetInfo | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [country, setCountry] = useState('');
  const [wave, setWave] = useState('');
  const [respondentType, setRespondentType] = useState<'customer' | 'executive'>('customer');
  const [idVariable, setIdVariable] = useState('');

  useEffect(() => {
    if (!file) return;
    let current = true;
    setPreview(null);
    setPreviewError(null);
    client.invoke('import.info', { path: file }).then(
      (result) => current && setPreview(result),
      (error: Error) => current && setPreviewError(error.message),
    );
    return () => {
      current = false;
    };
  }, [client, file]);

  const choose = async () => {
    if (!info.nativeDialogs) {
      setBrowsing(true);
      return;
    }
    try {
      const chosen = await client.invoke('files.chooseDataFile', {});
      if (chosen) setFile(chosen.path);
    } catch (error) {
      onError((error as Error).message);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    try {
      await client.invoke('import.start', {
        path: file,
        country,
        wave,
        respondentType,
        ...(idVariable ? { idVariable } : {}),
      });
      onStarted(file);
      setFile(null);
      setPreview(null);
    } catch (error) {
      onError((error as Error).message);
    }
  };

  return (
    <form className="panel stack" onSubmit={submit} aria-label="Import a survey file">
      <h3>Import a survey file</h3>
      <div className="inline-form">
        <button type="button" onClick={() => void choose()} disabled={disabled}>
          Choose file…
        </button>
        <code>{file ?? 'No file chosen (.sav, .zsav)'}</code>
      </div>
      {browsing && (
        <FileBrowser
          startFolder={info.studiesFolder}
          kind="data"
          label="Choose a survey file"
          onChoose={(path) => {
            setBrowsing(false);
            setFile(path);
          }}
          onCancel={() => setBrowsing(false)}
        />
      )}
      {previewError && (
        <p role="alert" className="notice notice--error">
          {previewError}
        </p>
      )}
      {preview && (
        <p className="muted" aria-label="File preview">
          {preview.format.toUpperCase()}, {preview.encoding}: {formatInteger(preview.cases)}{' '}
          respondents, {formatInteger(preview.variables.length)} variables
          {preview.multiResponseSets.length > 0 &&
            `, ${preview.multiResponseSets.length} multiple-response sets`}
          {preview.warnings.length > 0 && ` — ${preview.warnings.length} warnings`}
        </p>
      )}
      <div className="inline-form">
        <label className="field">
          <span>Country code</span>
          <input
            value={country}
            onChange={(e) => setCountry(e.target.value)}
            placeholder="DE"
            maxLength={3}
            required
          />
        </label>
        <label className="field">
          <span>Wave</span>
          <input
            value={wave}
            onChange={(e) => setWave(e.target.value)}
            placeholder="2026"
            maxLength={40}
            required
          />
        </label>
        <label className="field">
          <span>Respondents</span>
          <select
            value={respondentType}
            onChange={(e) => setRespondentType(e.target.value as 'customer' | 'executive')}
          >
            <option value="customer">Customers</option>
            <option value="executive">Executives</option>
          </select>
        </label>
        <label className="field">
          <span>Respondent ID (optional)</span>
          <select
            value={idVariable}
            onChange={(e) => setIdVariable(e.target.value)}
            disabled={!preview}
          >
            <option value="">Guess from the file</option>
            {preview?.variables.map((variable) => (
              <option key={variable.name} value={variable.name}>
                {variable.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <button
        type="submit"
        className="primary"
        disabled={disabled || !preview || !country || !wave}
      >
        Import
      </button>
    </form>
  );
}
