/** The recent-studies list: open one, see which files went missing, and remove entries. */
import type { RecentStudy } from '../../../shared/domain/study';
import { formatDateTime } from '../format';

interface RecentStudiesProps {
  recent: RecentStudy[];
  onOpen: (path: string) => void;
  onRemove: (path: string) => void;
}

export function RecentStudies({ recent, onOpen, onRemove }: RecentStudiesProps) {
  if (recent.length === 0) {
    return <p className="muted">Studies you create or open appear here.</p>;
  }
  return (
    <ul className="recent" aria-label="Recent studies">
      {recent.map((study) => (
        <li
          key={study.path}
          className={study.exists ? 'recent__item' : 'recent__item recent__item--missing'}
        >
          <button
            type="button"
            className="recent__open"
            onClick={() => onOpen(study.path)}
            disabled={!study.exists}
            aria-label={`Open ${study.name}`}
          >
            <span className="recent__name">{study.name}</span>
            <span className="recent__path">{study.path}</span>
          </button>
          <span className="recent__meta">
            {study.exists ? (
              formatDateTime(study.lastOpenedAt)
            ) : (
              <span className="badge badge--warn">missing</span>
            )}
          </span>
          <button
            type="button"
            className="recent__remove"
            onClick={() => onRemove(study.path)}
            aria-label={`Remove ${study.name} from the recent list`}
            title="Remove from the list (the file is not deleted)"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
