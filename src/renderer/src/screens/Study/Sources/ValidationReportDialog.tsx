/** A source's validation report as its import stored it: the file's facts and every issue found. */
import { useTranslation } from 'react-i18next';
import type { SourceSummary } from '../../../../../shared/domain/study';
import { formatDateTime, formatInteger } from '../../../format';
import { SourceDialog } from './SourceDialog';

const KINDS = [
  'duplicate-id',
  'codes-without-labels',
  'out-of-range',
  'empty-variable',
  'type-conflict',
  'identifying',
  'reader-warning',
] as const;
type KnownKind = (typeof KINDS)[number];

function isKnownKind(kind: string): kind is KnownKind {
  return (KINDS as readonly string[]).includes(kind);
}

interface ValidationReportDialogProps {
  source: SourceSummary;
  onClose: () => void;
}

export function ValidationReportDialog({ source, onClose }: ValidationReportDialogProps) {
  const { t } = useTranslation(['study', 'common']);
  const issues = source.validation;
  return (
    <SourceDialog
      title={t('sources.report.title', { file: source.fileName })}
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          {t('common:close')}
        </button>
      }
    >
      <dl className="facts facts--inline" aria-label={t('sources.report.facts')}>
        <div>
          <dt>{t('sources.report.reader')}</dt>
          <dd>{source.reader}</dd>
        </div>
        <div>
          <dt>{t('sources.report.rows')}</dt>
          <dd className="num">{formatInteger(source.rowCount)}</dd>
        </div>
        <div>
          <dt>{t('sources.report.imported')}</dt>
          <dd>{formatDateTime(source.importedAt)}</dd>
        </div>
        <div>
          <dt>{t('sources.report.sha')}</dt>
          <dd>
            <code>{source.sha256}</code>
          </dd>
        </div>
      </dl>
      {issues.length === 0 ? (
        <p>{t('sources.report.clean')}</p>
      ) : (
        <table className="data-table" aria-label={t('sources.report.issues')}>
          <thead>
            <tr>
              <th>{t('sources.report.severity')}</th>
              <th>{t('sources.report.variable')}</th>
              <th>{t('sources.report.issue')}</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue, index) => (
              <tr key={index} className={`validation__item validation__item--${issue.severity}`}>
                <td>
                  {t(`sources.report.severities.${issue.severity}`)}
                  {isKnownKind(issue.kind) && (
                    <span className="muted"> · {t(`sources.report.kinds.${issue.kind}`)}</span>
                  )}
                </td>
                <td>
                  {issue.variable ?? <span className="muted">{t('sources.report.wholeFile')}</span>}
                </td>
                <td>{issue.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </SourceDialog>
  );
}
