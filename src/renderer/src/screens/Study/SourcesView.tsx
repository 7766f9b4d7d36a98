/** Sources: every imported file with its country, wave and size; import another; export the data. */
import { useCallback, useEffect, useState } from 'react';
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
  if (code === null) return <>–</>;
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

  if (!description) return <p className="muted">Loading…</p>;
  const countryNames = new Map(
    description.countries.map((country) => [country.code, country.name]),
  );
  const identifying = description.variables.filter((v) => v.isIdentifying).map((v) => v.name);
  return (
    <section className="sources" aria-labelledby="sources-heading">
      <h2 id="sources-heading">Sources</h2>
      {description.sources.length === 0 ? (
        <p className="muted">No survey files imported yet.</p>
      ) : (
        <table className="data-table" aria-label="Imported sources">
          <thead>
            <tr>
              <th>File</th>
              <th>Country</th>
              <th>Wave</th>
              <th>Respondents</th>
              <th className="num">Rows</th>
              <th className="num">Size</th>
              <th>SHA-256</th>
              <th>Imported</th>
              <th>Validation</th>
            </tr>
          </thead>
          <tbody>
            {description.sources.map((source) => (
              <tr key={source.id}>
                <td>{source.fileName}</td>
                <td>
                  <CountryName code={source.country} names={countryNames} />
                </td>
                <td>{source.wave ?? '–'}</td>
                <td>{source.respondentType ?? '–'}</td>
                <td className="num">{formatInteger(source.rowCount)}</td>
                <td className="num">{formatBytes(source.fileSize)}</td>
                <td>
                  <code title={source.sha256}>{source.sha256.slice(0, 12)}…</code>
                </td>
                <td>{formatDateTime(source.importedAt)}</td>
                <td>
                  {source.validation.length === 0 ? (
                    <span className="muted">no issues</span>
                  ) : (
                    <details>
                      <summary>
                        {source.validation.length} warning
                        {source.validation.length === 1 ? '' : 's'}
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
