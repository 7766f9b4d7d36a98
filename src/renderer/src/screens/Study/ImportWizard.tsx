/**
 * The import wizard: pick one or several survey files, set country, wave and respondent type per
 * file (guessed from the file name, editable), look at the first rows and the validation report,
 * then import them one after the other. Errors in a report block the import; warnings do not.
 * Each import is a job with progress and cancel in the status bar.
 */
import { useCallback, useRef, useState } from 'react';
import type { AppInfo } from '../../../../shared/api/app';
import type { ImportPreview } from '../../../../shared/domain/dataset';
import type { JobInfo } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { FileBrowser } from '../../components/FileBrowser';
import { ImportFileCard, type ImportFileSettings, type ImportFileStatus } from './ImportFileCard';

interface ImportWizardProps {
  info: AppInfo;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

interface WizardFile {
  settings: ImportFileSettings;
  status: ImportFileStatus;
  preview: ImportPreview | null;
}

function newFile(path: string): WizardFile {
  return {
    settings: {
      path,
      country: '',
      wave: '',
      respondentType: 'customer',
      idVariable: '',
      encoding: '',
      sheet: '',
      headerRow: '',
      delimiter: '',
      types: {},
      categoryOrder: {},
    },
    status: 'ready',
    preview: null,
  };
}

export function ImportWizard({ info, onNotice }: ImportWizardProps) {
  const client = useClient();
  const [files, setFiles] = useState<WizardFile[]>([]);
  const [browsing, setBrowsing] = useState(false);
  const [running, setRunning] = useState(false);
  const waiting = useRef(new Map<string, (job: JobInfo) => void>());
  // A fast job can finish before import.start has answered (the event comes over another
  // connection), so finished jobs nobody waits for yet are kept until someone asks.
  const finishedEarly = useRef(new Map<string, JobInfo>());

  useEvent(
    'job.finished',
    useCallback((job: JobInfo) => {
      const resolve = waiting.current.get(job.jobId);
      if (resolve) {
        waiting.current.delete(job.jobId);
        resolve(job);
      } else {
        finishedEarly.current.set(job.jobId, job);
      }
    }, []),
  );

  const finished = (jobId: string) =>
    new Promise<JobInfo>((resolve) => {
      const early = finishedEarly.current.get(jobId);
      if (early) {
        finishedEarly.current.delete(jobId);
        resolve(early);
      } else {
        waiting.current.set(jobId, resolve);
      }
    });

  const update = (path: string, change: (file: WizardFile) => WizardFile) =>
    setFiles((current) =>
      current.map((file) => (file.settings.path === path ? change(file) : file)),
    );

  const addFile = (path: string) =>
    setFiles((current) =>
      current.some((file) => file.settings.path === path) ? current : [...current, newFile(path)],
    );

  const choose = async () => {
    if (!info.nativeDialogs) {
      setBrowsing(true);
      return;
    }
    try {
      const chosen = await client.invoke('files.chooseDataFile', {});
      if (chosen) addFile(chosen.path);
    } catch (error) {
      onNotice('error', (error as Error).message);
    }
  };

  const applyGuess = (path: string, preview: ImportPreview | null) =>
    update(path, (file) => ({
      ...file,
      preview,
      settings: preview
        ? {
            ...file.settings,
            country: file.settings.country || preview.guess.country || '',
            wave: file.settings.wave || preview.guess.wave || '',
            respondentType: file.preview
              ? file.settings.respondentType
              : (preview.guess.respondentType ?? file.settings.respondentType),
          }
        : file.settings,
    }));

  const importOne = async (file: WizardFile): Promise<boolean> => {
    const { settings } = file;
    update(settings.path, (f) => ({ ...f, status: 'importing' }));
    try {
      const { jobId } = await client.invoke('import.start', {
        path: settings.path,
        country: settings.country,
        wave: settings.wave,
        respondentType: settings.respondentType,
        ...(settings.idVariable ? { idVariable: settings.idVariable } : {}),
        ...(settings.encoding ? { encoding: settings.encoding } : {}),
        ...(settings.sheet ? { sheet: settings.sheet } : {}),
        ...(settings.headerRow ? { headerRow: Number(settings.headerRow) } : {}),
        ...(settings.delimiter ? { delimiter: settings.delimiter } : {}),
        ...(Object.keys(settings.types).length > 0 ? { types: settings.types } : {}),
        ...(Object.keys(settings.categoryOrder).length > 0
          ? { categoryOrder: settings.categoryOrder }
          : {}),
      });
      const job = await finished(jobId);
      const ok = job.status === 'done';
      update(settings.path, (f) => ({ ...f, status: ok ? 'imported' : 'failed' }));
      if (!ok) onNotice('error', `${job.label}: ${job.error ?? job.status}`);
      return ok;
    } catch (error) {
      update(settings.path, (f) => ({ ...f, status: 'failed' }));
      onNotice('error', (error as Error).message);
      return false;
    }
  };

  const importAll = async () => {
    setRunning(true);
    // One after the other: each import is its own transaction, and the first failure stops the rest.
    for (const file of files) {
      if (file.status === 'imported') continue;
      if (!(await importOne(file))) break;
    }
    setRunning(false);
  };

  const pending = files.filter((file) => file.status !== 'imported');
  const ready =
    pending.length > 0 &&
    pending.every(
      (file) =>
        file.preview !== null &&
        !file.preview.validation.blocking &&
        file.settings.country.trim() !== '' &&
        file.settings.wave.trim() !== '',
    );

  return (
    <section className="panel stack import-wizard" aria-label="Import survey files">
      <h3>Import survey files</h3>
      <p className="muted">
        SPSS (.sav, .zsav), Triple-S (.sss), CSV/TSV and Excel (.xlsx). Each file becomes one source
        with its country, wave and respondent type.
      </p>
      <button type="button" onClick={() => void choose()} disabled={running}>
        Add file…
      </button>
      {browsing && (
        <FileBrowser
          startFolder={info.studiesFolder}
          kind="data"
          label="Choose a survey file"
          onChoose={(path) => {
            addFile(path);
            setBrowsing(false);
          }}
          onCancel={() => setBrowsing(false)}
        />
      )}
      {files.map((file) => (
        <ImportFileCard
          key={file.settings.path}
          settings={file.settings}
          status={file.status}
          onChange={(settings) => update(file.settings.path, (f) => ({ ...f, settings }))}
          onPreview={(preview) => applyGuess(file.settings.path, preview)}
          onRemove={() =>
            setFiles((current) => current.filter((f) => f.settings.path !== file.settings.path))
          }
        />
      ))}
      {pending.length > 0 && (
        <button
          type="button"
          className="primary"
          onClick={() => void importAll()}
          disabled={!ready || running}
        >
          {running
            ? 'Importing…'
            : `Import ${pending.length} file${pending.length === 1 ? '' : 's'}`}
        </button>
      )}
    </section>
  );
}
