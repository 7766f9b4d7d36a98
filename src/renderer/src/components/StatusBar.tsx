/** The study window's status bar: where the study lives, whether it is read-only, and running jobs. */
import type { JobInfo, StudySummary } from '../../../shared/domain/study';

interface StatusBarProps {
  study: StudySummary;
  jobs: JobInfo[];
  onCancel: (jobId: string) => void;
}

export function StatusBar({ study, jobs, onCancel }: StatusBarProps) {
  return (
    <footer className="status-bar" aria-label="Status">
      <span className="status-bar__path" title={study.path}>
        {study.path}
      </span>
      {study.readOnly && (
        <span className="badge badge--warn" title={study.readOnlyReason ?? undefined}>
          Read-only
        </span>
      )}
      <span className="status-bar__saved">Changes are saved as you work</span>
      <ul className="status-bar__jobs" aria-label="Running jobs">
        {jobs.map((job) => (
          <li key={job.jobId} className="job">
            <span className="job__label">{job.label}</span>
            <progress
              max={job.total || 1}
              value={job.total ? job.done : undefined}
              aria-label={`${job.label} progress`}
            />
            <button
              type="button"
              onClick={() => onCancel(job.jobId)}
              aria-label={`Cancel ${job.label}`}
            >
              Cancel
            </button>
          </li>
        ))}
      </ul>
    </footer>
  );
}
