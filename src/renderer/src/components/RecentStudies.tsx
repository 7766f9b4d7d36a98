/** The recent-studies list: open one, see which files went missing, and remove entries. */
import type { RecentStudy } from '../../../shared/domain/study';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';

interface RecentStudiesProps {
  recent: RecentStudy[];
  onOpen: (path: string) => void;
  onRemove: (path: string) => void;
}

export function RecentStudies({ recent, onOpen, onRemove }: RecentStudiesProps) {
  const { t } = useTranslation('welcome');
  if (recent.length === 0) {
    return <p className="muted">{t('recent.empty')}</p>;
  }
  return (
    <ul className="recent" aria-label={t('recent.listLabel')}>
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
            aria-label={t('recent.open', { name: study.name })}
          >
            <span className="recent__name">{study.name}</span>
            <span className="recent__path">{study.path}</span>
          </button>
          <span className="recent__meta">
            {study.exists ? (
              formatDateTime(study.lastOpenedAt)
            ) : (
              <span className="badge badge--warn">{t('recent.missing')}</span>
            )}
          </span>
          <button
            type="button"
            className="recent__remove"
            onClick={() => onRemove(study.path)}
            aria-label={t('recent.remove', { name: study.name })}
            title={t('recent.removeTitle')}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
