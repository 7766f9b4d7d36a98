/**
 * Sources, the view a study opens on: what the study holds (respondents, variables, files — the
 * facts the old Overview showed), every imported file with its country, wave and size; import
 * another; export the data.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/app';
import type { StudyDescription, StudySummary } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { formatBytes, formatDateTime, formatInteger } from '../../format';
import { ExportForm } from './ExportForm';
import { ImportWizard } from './ImportWizard';

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

  const load = useCallback(() => {
    client
      .invoke('study.describe', {})
      .then(setDescription, (error: Error) => onNotice('error', error.message));
  }, [client, onNotice]);
  useEffect(load, [load, study]);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && load(), [load]),
  );

  if (!description) return <p className="muted">{t('common:loading')}</p>;
  const countryNames = new Map(
    description.countries.map((country) => [country.code, country.name]),
  );
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
                  {source.validation.length === 0 ? (
                    <span className="muted">{t('sources.noIssues')}</span>
                  ) : (
                    <details>
                      <summary>
                        {t('sources.warnings', { count: source.validation.length })}
                      </summary>
                      <ul className="validation">
                        {source.validation.map((issue, index) => (
                          <li
                            key={index}
                            className={`validation__item validation__item--${issue.severity}`}
                          >
                            {issue.message}
                          </li>
                        ))}
                      </ul>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
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
