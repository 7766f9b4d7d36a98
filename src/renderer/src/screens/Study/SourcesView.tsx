/**
 * Sources, the view a study opens on: what the study holds (respondents, variables, files — the
 * facts the old Overview showed), every imported file with its country, wave and size and its
 * validation report; remove a file (undoable while the study is open) or re-import a corrected
 * one in its place; import another; export the data.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/app';
import type { ImportSummary } from '../../../../shared/domain/dataset';
import type {
  SourceSummary,
  StudyDescription,
  StudySummary,
} from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { FileBrowser } from '../../components/FileBrowser';
import { formatBytes, formatDateTime, formatInteger } from '../../format';
import { ExportForm } from './ExportForm';
import { ImportWizard } from './ImportWizard';
import { RemoveSourceDialog } from './Sources/RemoveSourceDialog';
import { useJobResult } from './Sources/useJobResult';
import { ValidationReportDialog } from './Sources/ValidationReportDialog';

interface SourcesViewProps {
  info: AppInfo;
  study: StudySummary;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

/** A country by its display name, its code kept beside it for those who think in codes. */
function CountryName({ code, names }: { code: string | null; names: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('common');
  if (code === null) return <>{t('none')}</>;
  const name = names.get(code);
  if (!name || name === code) return <>{code}</>;
  return (
    <>
      {name} <span className="muted">{code}</span>
    </>
  );
}

export function SourcesView({ info, study, onNotice }: SourcesViewProps) {
  const client = useClient();
  const { t } = useTranslation(['study', 'common']);
  const [description, setDescription] = useState<StudyDescription | null>(null);
  const [removing, setRemoving] = useState<SourceSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);
  const [report, setReport] = useState<SourceSummary | null>(null);
  const [choosingFor, setChoosingFor] = useState<SourceSummary | null>(null);
  const jobResult = useJobResult();

  const load = useCallback(() => {
    client
      .invoke('study.describe', {})
      .then(setDescription, (error: Error) => onNotice('error', error.message));
  }, [client, onNotice]);
  useEffect(load, [load, study]);
  // A removal made before the view was left can still be undone when it is opened again.
  useEffect(() => {
    if (study.readOnly) return;
    client.invoke('sources.undoState', {}).then(
      (state) => setRemoved(state.next?.fileName ?? null),
      () => setRemoved(null),
    );
  }, [client, study]);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && load(), [load]),
  );

  const remove = async (source: SourceSummary) => {
    setBusy(true);
    try {
      const gone = await client.invoke('sources.remove', { sourceId: source.id });
      setRemoved(gone.fileName);
    } catch (error) {
      onNotice('error', (error as Error).message);
    } finally {
      setBusy(false);
      setRemoving(null);
    }
  };

  const undoRemove = async () => {
    setBusy(true);
    try {
      const back = await client.invoke('sources.undoRemove', {});
      // The removal before it, if any, can be undone next.
      const state = await client.invoke('sources.undoState', {});
      setRemoved(state.next?.fileName ?? null);
      onNotice('info', t('sources.restored', { file: back.fileName }));
    } catch (error) {
      setRemoved(null);
      onNotice('error', (error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const reimport = async (source: SourceSummary, path: string) => {
    const file = path.split(/[\\/]/).pop() ?? path;
    setBusy(true);
    onNotice('info', t('sources.reimporting', { file, old: source.fileName }));
    try {
      const { jobId } = await client.invoke('sources.reimport', { sourceId: source.id, path });
      const job = await jobResult(jobId);
      if (job.status === 'done') {
        const summary = job.result as ImportSummary | undefined;
        onNotice(
          'info',
          t('sources.reimported', { file, old: source.fileName, count: summary?.rows ?? 0 }),
        );
      } else {
        onNotice('error', t('sources.reimportFailed', { error: job.error ?? job.status }));
      }
    } catch (error) {
      onNotice('error', t('sources.reimportFailed', { error: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const chooseReplacement = async (source: SourceSummary) => {
    if (!info.nativeDialogs) {
      setChoosingFor(source);
      return;
    }
    try {
      const chosen = await client.invoke('files.chooseDataFile', {});
      if (chosen) await reimport(source, chosen.path);
    } catch (error) {
      onNotice('error', (error as Error).message);
    }
  };

  if (!description) return <p className="muted">{t('common:loading')}</p>;
  const countryNames = new Map(
    description.countries.map((country) => [country.code, country.name]),
  );
  const countryName = (code: string | null) =>
    code === null ? t('common:none') : (countryNames.get(code) ?? code);
  const identifying = description.variables.filter((v) => v.isIdentifying).map((v) => v.name);
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sources.heading')}</h2>
      <dl className="facts facts--inline" aria-label={t('sources.facts')}>
        <div>
          <dt>{t('sources.respondents')}</dt>
          <dd className="num">{formatInteger(description.respondents)}</dd>
        </div>
        <div>
          <dt>{t('sources.variables')}</dt>
          <dd className="num">{formatInteger(description.variables.length)}</dd>
        </div>
        <div>
          <dt>{t('sources.files')}</dt>
          <dd className="num">{formatInteger(description.sources.length)}</dd>
        </div>
        <div>
          <dt>{t('sources.created')}</dt>
          <dd>{formatDateTime(study.createdAt)}</dd>
        </div>
        <div>
          <dt>{t('sources.schema')}</dt>
          <dd className="num">{study.schemaVersion}</dd>
        </div>
      </dl>
      {removed !== null && (
        <p role="status" className="notice notice--info sources__removed">
          {t('sources.removed', { file: removed })}{' '}
          <button
            type="button"
            className="link"
            onClick={() => void undoRemove()}
            disabled={busy}
            aria-label={t('sources.undoLabel', { file: removed })}
          >
            {t('sources.undo')}
          </button>
        </p>
      )}
      {description.sources.length === 0 ? (
        <p className="muted">{t('sources.empty')}</p>
      ) : (
        <table className="data-table" aria-label={t('sources.tableLabel')}>
          <thead>
            <tr>
              <th>{t('sources.columns.file')}</th>
              <th>{t('sources.columns.country')}</th>
              <th>{t('sources.columns.wave')}</th>
              <th>{t('sources.columns.respondents')}</th>
              <th className="num">{t('sources.columns.rows')}</th>
              <th className="num">{t('sources.columns.size')}</th>
              <th>{t('sources.columns.sha')}</th>
              <th>{t('sources.columns.imported')}</th>
              <th>{t('sources.columns.validation')}</th>
              {!study.readOnly && <th>{t('sources.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {description.sources.map((source) => (
              <tr key={source.id}>
                <td>{source.fileName}</td>
                <td>
                  <CountryName code={source.country} names={countryNames} />
                </td>
                <td>{source.wave ?? t('common:none')}</td>
                <td>{source.respondentType ?? t('common:none')}</td>
                <td className="num">{formatInteger(source.rowCount)}</td>
                <td className="num">{formatBytes(source.fileSize)}</td>
                <td>
                  <code title={source.sha256}>{source.sha256.slice(0, 12)}…</code>
                </td>
                <td>{formatDateTime(source.importedAt)}</td>
                <td>
                  <button
                    type="button"
                    className={`link sources__validation${source.validation.length === 0 ? ' muted' : ''}`}
                    onClick={() => setReport(source)}
                    title={t('sources.report.open', { file: source.fileName })}
                  >
                    {source.validation.length === 0
                      ? t('sources.noIssues')
                      : t('sources.warnings', { count: source.validation.length })}
                  </button>
                </td>
                {!study.readOnly && (
                  <td className="sources__actions">
                    <button
                      type="button"
                      onClick={() => void chooseReplacement(source)}
                      disabled={busy}
                      aria-label={t('sources.reimportLabel', { file: source.fileName })}
                    >
                      {t('sources.reimport')}
                    </button>
                    <button
                      type="button"
                      onClick={() => setRemoving(source)}
                      disabled={busy}
                      aria-label={t('sources.removeLabel', { file: source.fileName })}
                    >
                      {t('sources.remove')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {choosingFor && (
        <FileBrowser
          startFolder={info.studiesFolder}
          kind="data"
          label={t('sources.reimportChoose', { file: choosingFor.fileName })}
          onChoose={(path) => {
            const source = choosingFor;
            setChoosingFor(null);
            void reimport(source, path);
          }}
          onCancel={() => setChoosingFor(null)}
        />
      )}
      {removing && (
        <RemoveSourceDialog
          source={removing}
          countryName={countryName(removing.country)}
          busy={busy}
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        />
      )}
      {report && <ValidationReportDialog source={report} onClose={() => setReport(null)} />}
      <div className="sources__forms">
        {!study.readOnly && <ImportWizard info={info} onNotice={onNotice} />}
        {description.respondents > 0 && (
          <ExportForm
            info={info}
            study={study}
            identifying={identifying}
            onError={(message) => onNotice('error', message)}
          />
        )}
      </div>
    </section>
  );
}
