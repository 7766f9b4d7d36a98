/** The study overview: what the study holds — name, file, schema, sources, variables. */
import { useCallback, useEffect, useState } from 'react';
import type { StudyDescription, StudySummary } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { formatBytes, formatDateTime, formatInteger } from '../../format';

interface OverviewViewProps {
  study: StudySummary;
}

export function OverviewView({ study }: OverviewViewProps) {
  const client = useClient();
  const [description, setDescription] = useState<StudyDescription | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    client
      .invoke('study.describe', {})
      .then(setDescription, (failure: Error) => setError(failure.message));
  }, [client]);
  useEffect(load, [load, study]);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && load(), [load]),
  );

  if (error) {
    return (
      <p role="alert" className="notice notice--error">
        {error}
      </p>
    );
  }
  if (!description) return <p className="muted">Loading…</p>;
  const { sources, variables } = description;
  return (
    <section className="overview" aria-labelledby="overview-heading">
      <h2 id="overview-heading">Overview</h2>
      <dl className="facts">
        <dt>Study</dt>
        <dd>{study.name}</dd>
        <dt>File</dt>
        <dd>
          <code>{study.path}</code>
        </dd>
        <dt>Created</dt>
        <dd>{formatDateTime(study.createdAt)}</dd>
        <dt>Schema version</dt>
        <dd className="num">{study.schemaVersion}</dd>
        <dt>Respondents</dt>
        <dd className="num">{formatInteger(description.respondents)}</dd>
        <dt>Variables</dt>
        <dd className="num">{formatInteger(variables.length)}</dd>
      </dl>
      <h3>Sources</h3>
      {sources.length === 0 ? (
        <p className="muted">
          No survey data imported yet. Import a wave from the command line:{' '}
          <code>npm run cli -- --help</code>.
        </p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Country</th>
              <th>Wave</th>
              <th>Type</th>
              <th className="num">Rows</th>
              <th className="num">Size</th>
              <th>Imported</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <td>{source.fileName}</td>
                <td>{source.country ?? '–'}</td>
                <td>{source.wave ?? '–'}</td>
                <td>{source.respondentType ?? '–'}</td>
                <td className="num">{formatInteger(source.rowCount)}</td>
                <td className="num">{formatBytes(source.fileSize)}</td>
                <td>{formatDateTime(source.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
