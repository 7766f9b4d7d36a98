/**
 * The data-quality check across countries and waves (docs/data-quality.md), shown above the
 * Weights and Tables views: one summary line that expands into the findings grouped by kind, each
 * with what the user can do. It runs again when sources change.
 */
import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DATA_QUALITY_KINDS, type DataQualityReport } from '../../../../shared/domain/dataQuality';
import { useClient, useEvent } from '../../api/ClientContext';

/** study.changed reasons that leave sources and imported variables as they were (the check reads nothing else). */
const NOT_ABOUT_SOURCES = new Set([
  'derived variable',
  'weight',
  'multiple-response set',
  'renamed',
]);

export function DataQualityPanel() {
  const client = useClient();
  const { t } = useTranslation('study');
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
        {t('quality.failed', { error })}
      </p>
    );
  }
  if (!report) return <p className="muted">{t('quality.checking')}</p>;
  if (report.sources === 0) return null;
  if (report.findings.length === 0) {
    return (
      <p className="muted" role="status">
        {t('quality.clean', { count: report.sources })}
      </p>
    );
  }
  const { warning, info } = report.severities;
  const warnings = t('quality.warnings', { count: warning });
  const notes = t('quality.notes', { count: info });
  const tally =
    warning > 0 && info > 0
      ? t('quality.tallyBoth', { warnings, notes })
      : warning > 0
        ? warnings
        : notes;
  return (
    <section className="panel" aria-label={t('quality.label')}>
      <button
        type="button"
        className="link"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        {t('quality.headline', { tally })} {open ? '▾' : '▸'}
      </button>
      {open && (
        <div id={listId}>
          {DATA_QUALITY_KINDS.filter((kind) => report.counts[kind] > 0).map((kind) => {
            const findings = report.findings.filter((finding) => finding.kind === kind);
            return (
              <details key={kind} open={findings.length <= 5}>
                <summary>
                  {t(`quality.kinds.${kind}`)} ({findings.length})
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
                      <span className="muted">
                        {t('quality.whatToDo', { action: finding.action })}
                      </span>
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
