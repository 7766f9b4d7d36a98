/**
 * The study window's navigator: one entry per view that works; later features add theirs as
 * `{ id, label }`. Names are shown in the UI language by view id (common:views.<id>); a view
 * whose id has no translation yet shows its own label.
 */
import { useTranslation } from 'react-i18next';
import common from '../i18n/namespaces/common';

export interface NavigatorView {
  id: string;
  label: string;
}

type TranslatedViewId = keyof typeof common.en.views;

function isTranslatedViewId(id: string): id is TranslatedViewId {
  return Object.hasOwn(common.en.views, id);
}

/** A view's name in the UI language. */
export function useViewName(): (view: NavigatorView) => string {
  const { t } = useTranslation('common');
  return (view) => (isTranslatedViewId(view.id) ? t(`views.${view.id}`) : view.label);
}

interface NavigatorProps {
  views: readonly NavigatorView[];
  active: string;
  onSelect: (id: string) => void;
}

export function Navigator({ views, active, onSelect }: NavigatorProps) {
  const { t } = useTranslation('common');
  const viewName = useViewName();
  return (
    <nav className="navigator" aria-label={t('navigatorLabel')}>
      <ul>
        {views.map((view) => (
          <li key={view.id}>
            <button
              type="button"
              className={
                view.id === active ? 'navigator__item navigator__item--active' : 'navigator__item'
              }
              aria-current={view.id === active ? 'page' : undefined}
              onClick={() => onSelect(view.id)}
            >
              {viewName(view)}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
