/**
 * The data-quality check across countries and waves (docs/data-quality.md), shown above the
 * Weights and Tables views: one summary line that expands into the findings grouped by kind, each
 * with what the user can do. It runs again when sources change.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import {
  DATA_QUALITY_KINDS,
  DATA_QUALITY_TITLES,
  type DataQualityReport,
} from '../../../../shared/domain/dataQuality';
import { useClient, useEvent } from '../../api/ClientContext';

/** study.changed reasons that leave sources and imported variables as they were (the check reads nothing else). */
const NOT_ABOUT_SOURCES = new Set([
  'derived variable',
  'weight',
  'multiple-response set',
  'renamed',
]);

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function headline(report: DataQualityReport): string {
  const { warning, info } = report.severities;
  const tally = [
    ...(warning > 0 ? [plural(warning, 'warning')] : []),
    ...(info > 0 ? [plural(info, 'note')] : []),
  ];
  return `Data quality: ${tally.join(' and ')} across countries and waves`;
}

export function DataQualityPanel() {
  const client = useClient();
  const listId = useId();
  const [report, setReport] = useState<DataQualityReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const load = useCallback(() => {
    client.invoke('study.dataQuality', {}).then(
      (next) => {
        setReport(next);
        setError(null);
      },
      (failure: Error) => setError(failure.message),
    );
  }, [client]);
  useEffect(load, [load]);
  useEvent(
    'study.changed',
    useCallback(
      (change) => change.study && !NOT_ABOUT_SOURCES.has(change.reason) && load(),
      [load],
    ),
  );

  if (error) {
    return (
      <p className="notice notice--warn" role="status">
        Data quality could not be checked: {error}
      </p>
    );
  }
  if (!report) return <p className="muted">Data quality: checking…</p>;
  if (report.sources === 0) return null;
  if (report.findings.length === 0) {
    return (
      <p className="muted" role="status">
        No problems found across {plural(report.sources, 'source')}.
      </p>
    );
  }
  return (
    <section className="panel" aria-label="Data quality">
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {headline(report)} {open ? '▾' : '▸'}
      </button>
      {open && (
        <div id={listId}>
          {DATA_QUALITY_KINDS.filter((kind) => report.counts[kind] > 0).map((kind) => {
            const findings = report.findings.filter((finding) => finding.kind === kind);
            return (
              <details key={kind} open={findings.length <= 5}>
                <summary>
                  {DATA_QUALITY_TITLES[kind]} ({findings.length})
                </summary>
                <ul className="validation">
                  {findings.map((finding, index) => (
                    <li
                      key={index}
                      className={
                        finding.severity === 'warning'
                          ? 'validation__item validation__item--warning'
                          : 'validation__item'
                      }
                    >
                      {finding.message}
                      <br />
                      <span className="muted">What to do: {finding.action}</span>
                    </li>
                  ))}
                </ul>
              </details>
            );
          })}
        </div>
      )}
    </section>
  );
}
