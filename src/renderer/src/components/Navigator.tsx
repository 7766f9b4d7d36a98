/** The study window's navigator: one entry per view that works; later features add theirs. */
export interface NavigatorView {
  id: string;
  label: string;
}

interface NavigatorProps {
  views: readonly NavigatorView[];
  active: string;
  onSelect: (id: string) => void;
}

export function Navigator({ views, active, onSelect }: NavigatorProps) {
  return (
    <nav className="navigator" aria-label="Study views">
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
              {view.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
