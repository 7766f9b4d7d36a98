/** The study window's status bar: where the study lives, whether it is read-only, and running jobs. */
import { useTranslation } from 'react-i18next';
import type { JobInfo, StudySummary } from '../../../shared/domain/study';

interface StatusBarProps {
  study: StudySummary;
  jobs: JobInfo[];
  onCancel: (jobId: string) => void;
}

export function StatusBar({ study, jobs, onCancel }: StatusBarProps) {
  const { t } = useTranslation(['study', 'common']);
  return (
    <footer className="status-bar" aria-label={t('status.label')}>
      <span className="status-bar__path" title={study.path}>
        {study.path}
      </span>
      {study.readOnly && (
        <span className="badge badge--warn" title={study.readOnlyReason ?? undefined}>
          {t('status.readOnly')}
        </span>
      )}
      <span className="status-bar__saved">{t('status.saved')}</span>
      <ul className="status-bar__jobs" aria-label={t('status.jobs')}>
        {jobs.map((job) => (
          <li key={job.jobId} className="job">
            <span className="job__label">{job.label}</span>
            <progress
              max={job.total || 1}
              value={job.total ? job.done : undefined}
              aria-label={t('status.progress', { label: job.label })}
            />
            <button
              type="button"
              onClick={() => onCancel(job.jobId)}
              aria-label={t('status.cancelJob', { label: job.label })}
            >
              {t('common:cancel')}
            </button>
          </li>
        ))}
      </ul>
    </footer>
  );
}
