/**
 * The import wizard: pick one or several survey files, set country, wave and respondent type per
 * file (guessed from the file name, editable), look at the first rows and the validation report,
 * review how the file's variables land on the study's codebook, then import them one after the
 * other. Errors in a report and undecided mappings block the import; warnings do not.
 * Each import is a job with progress and cancel in the status bar.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/app';
import type { ImportPreview } from '../../../../shared/domain/dataset';
import type { MappingProposal } from '../../../../shared/domain/mapping';
import type { JobInfo, VariableSummary } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { FileBrowser } from '../../components/FileBrowser';
import { ImportFileCard, type ImportFileSettings, type ImportFileStatus } from './ImportFileCard';
import {
  MappingStep,
  canPropose,
  labelLanguage,
  proposalRequest,
  sameProposal,
  validIndustry,
  type MappingSettings,
} from './ImportWizardMapping';
import {
  keepsChoice,
  mappingBlockers,
  reviewedMapping,
  type MappingChoice,
  type MappingChoices,
} from './MappingReview';

interface ImportWizardProps {
  info: AppInfo;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

interface WizardFile {
  settings: ImportFileSettings;
  status: ImportFileStatus;
  preview: ImportPreview | null;
  mapping: MappingSettings;
  /** The proposal on screen; null while it is being read. */
  proposal: MappingProposal | null;
  choices: MappingChoices;
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
    mapping: { language: null, industry: '' },
    proposal: null,
    choices: {},
  };
}

function fileNameOf(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/**
 * Whether the preview's errors stop the file whatever its mapping says. A variable whose type
 * differs from the study variable of the same name does not: the mapping step sends it elsewhere
 * (the proposal asks the user to), and the import validates the file as mapped.
 */
function blockedBeforeMapping(preview: ImportPreview): boolean {
  return preview.validation.issues.some(
    (issue) => issue.severity === 'error' && issue.kind !== 'type-conflict',
  );
}

function withChoice(
  file: WizardFile,
  source: string,
  choice: MappingChoice | null,
): MappingChoices {
  const { [source]: _previous, ...others } = file.choices;
  // A choice that says what the proposal says is no change: the proposal then applies as is.
  return choice && file.proposal && keepsChoice(file.proposal, source, choice)
    ? { ...others, [source]: choice }
    : others;
}

export function ImportWizard({ info, onNotice }: ImportWizardProps) {
  const client = useClient();
  const { t } = useTranslation('importer');
  const [files, setFiles] = useState<WizardFile[]>([]);
  const [browsing, setBrowsing] = useState(false);
  const [running, setRunning] = useState(false);
  const waiting = useRef(new Map<string, (job: JobInfo) => void>());
  // A fast job can finish before import.start has answered (the event comes over another
  // connection), so finished jobs nobody waits for yet are kept until someone asks.
  const finishedEarly = useRef(new Map<string, JobInfo>());
  const [targets, setTargets] = useState<VariableSummary[]>([]);
  const [studyVersion, setStudyVersion] = useState(0);

  // The study's own variables are the targets a file's variables can land on.
  useEffect(() => {
    let current = true;
    client.invoke('study.describe', {}).then(
      (description) => current && setTargets(description.variables.filter((v) => !v.isSystem)),
      (error: Error) => current && onNotice('error', error.message),
    );
    return () => {
      current = false;
    };
  }, [client, onNotice, studyVersion]);
  useEvent(
    'study.changed',
    useCallback(() => setStudyVersion((version) => version + 1), []),
  );

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

  /**
   * A mapping the user edited was made against the study as it was; once an earlier file of the
   * same run is in, the proposal may have changed under it. Then the user looks again.
   */
  const stillReviewed = async (file: WizardFile): Promise<boolean> => {
    if (!file.proposal || Object.keys(file.choices).length === 0) return true;
    const language = labelLanguage(file.settings, file.mapping);
    const fresh = await client.invoke(
      'import.proposeMapping',
      proposalRequest(file.settings, language),
    );
    if (sameProposal(fresh, file.proposal)) return true;
    update(file.settings.path, (f) => ({ ...f, proposal: fresh }));
    onNotice('info', t('mappingChanged', { file: fileNameOf(file.settings.path) }));
    return false;
  };

  const importOne = async (file: WizardFile, afterAnother: boolean): Promise<boolean> => {
    const { settings } = file;
    update(settings.path, (f) => ({ ...f, status: 'importing' }));
    try {
      if (afterAnother && !(await stillReviewed(file))) {
        update(settings.path, (f) => ({ ...f, status: 'ready' }));
        return false;
      }
      const language = labelLanguage(settings, file.mapping);
      const mapping = file.proposal ? reviewedMapping(file.proposal, file.choices) : undefined;
      const { jobId } = await client.invoke('import.start', {
        ...proposalRequest(settings, language),
        ...(settings.idVariable ? { idVariable: settings.idVariable } : {}),
        ...(file.mapping.industry ? { industry: file.mapping.industry } : {}),
        ...(mapping ? { mapping } : {}),
      });
      const job = await finished(jobId);
      const ok = job.status === 'done';
      update(settings.path, (f) => ({ ...f, status: ok ? 'imported' : 'failed' }));
      if (!ok)
        onNotice('error', t('jobFailed', { label: job.label, error: job.error ?? job.status }));
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
    let imported = 0;
    for (const file of files) {
      if (file.status === 'imported') continue;
      if (!(await importOne(file, imported > 0))) break;
      imported++;
    }
    setRunning(false);
  };

  const pending = files.filter((file) => file.status !== 'imported');
  const ready =
    pending.length > 0 &&
    pending.every(
      (file) =>
        file.preview !== null &&
        !blockedBeforeMapping(file.preview) &&
        canPropose(file.settings) &&
        validIndustry(file.mapping.industry) &&
        file.proposal !== null &&
        mappingBlockers(file.proposal, file.choices).length === 0,
    );

  return (
    <section className="panel stack import-wizard" aria-label={t('heading')}>
      <h3>{t('heading')}</h3>
      <p className="muted">{t('formats')}</p>
      <button type="button" onClick={() => void choose()} disabled={running}>
        {t('addFile')}
      </button>
      {browsing && (
        <FileBrowser
          startFolder={info.studiesFolder}
          kind="data"
          label={t('chooseFile')}
          onChoose={(path) => {
            addFile(path);
            setBrowsing(false);
          }}
          onCancel={() => setBrowsing(false)}
        />
      )}
      {files.map((file) => (
        <div key={file.settings.path} className="stack import-wizard__file">
          <ImportFileCard
            settings={file.settings}
            status={file.status}
            onChange={(settings) => update(file.settings.path, (f) => ({ ...f, settings }))}
            onPreview={(preview) => applyGuess(file.settings.path, preview)}
            onRemove={() =>
              setFiles((current) => current.filter((f) => f.settings.path !== file.settings.path))
            }
          />
          {file.preview && !blockedBeforeMapping(file.preview) && file.status !== 'imported' && (
            <MappingStep
              fileName={fileNameOf(file.settings.path)}
              settings={file.settings}
              mapping={file.mapping}
              proposal={file.proposal}
              choices={file.choices}
              targets={targets}
              sourceVariables={file.preview.info.variables}
              studyVersion={studyVersion}
              locked={file.status === 'importing' || running}
              onMappingChange={(mapping) => update(file.settings.path, (f) => ({ ...f, mapping }))}
              onProposal={(proposal) => update(file.settings.path, (f) => ({ ...f, proposal }))}
              onChoose={(source, choice) =>
                update(file.settings.path, (f) => ({
                  ...f,
                  choices: withChoice(f, source, choice),
                }))
              }
            />
          )}
        </div>
      ))}
      {pending.length > 0 && (
        <button
          type="button"
          className="primary"
          onClick={() => void importAll()}
          disabled={!ready || running}
        >
          {running ? t('importing') : t('importFiles', { count: pending.length })}
        </button>
      )}
    </section>
  );
}
