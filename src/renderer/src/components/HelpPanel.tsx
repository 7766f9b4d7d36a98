/**
 * Help: every keyboard shortcut registered right now (from the shortcut registry, so a view's
 * own shortcuts appear while it is shown) and a short "how to" for the current view and the
 * others. F1 or "?" opens it, Esc closes it.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import help from '../i18n/namespaces/help';
import { useRegisteredShortcuts, useShortcut, type Shortcut } from '../shortcuts/registry';
import { displayKeys } from '../shortcuts/keys';
import { useViewName, type NavigatorView } from './Navigator';

type HowToId = keyof typeof help.en.howTo;

function hasHowTo(id: string): id is HowToId {
  return Object.hasOwn(help.en.howTo, id);
}

/** Help's open state with its two opening keys registered (F1 and "?"). */
export function useHelpPanel(): { open: boolean; show: () => void; hide: () => void } {
  const { t } = useTranslation('help');
  const [open, setOpen] = useState(false);
  const show = useCallback(() => setOpen(true), []);
  const hide = useCallback(() => setOpen(false), []);
  const common = { group: t('groups.app'), description: t('shortcuts.help'), run: show };
  useShortcut({ id: 'app.help.f1', keys: 'F1', ...common });
  useShortcut({ id: 'app.help.question', keys: '?', ...common });
  return { open, show, hide };
}

interface HelpPanelProps {
  onClose: () => void;
  /** The view on screen; null on the Welcome screen. */
  current: NavigatorView | null;
  views: readonly NavigatorView[];
}

function groupShortcuts(shortcuts: readonly Shortcut[]): Array<[string, Shortcut[]]> {
  const groups = new Map<string, Shortcut[]>();
  for (const shortcut of shortcuts) {
    const group = groups.get(shortcut.group) ?? [];
    // Two keys for one action (F1 and ?) show on one line.
    const same = group.find((other) => other.description === shortcut.description);
    if (same) same.keys = `${same.keys} | ${shortcut.keys}`;
    else group.push({ ...shortcut });
    groups.set(shortcut.group, group);
  }
  return [...groups];
}

export function HelpPanel({ onClose, current, views }: HelpPanelProps) {
  const { t } = useTranslation('help');
  const viewName = useViewName();
  const titleId = useId();
  const closeButton = useRef<HTMLButtonElement>(null);
  const shortcuts = useRegisteredShortcuts();
  useShortcut({
    id: 'app.help.close',
    keys: 'Escape',
    group: t('groups.app'),
    description: t('shortcuts.closeHelp'),
    run: onClose,
  });
  useEffect(() => closeButton.current?.focus(), []);

  const currentHowTo = current ? current.id : 'welcome';
  const others = views.filter((view) => view.id !== current?.id && hasHowTo(view.id));
  return (
    <div className="help-overlay" onClick={onClose}>
      <aside
        className="help-panel panel"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(event) => event.stopPropagation()}
      >
        <header className="help-panel__header">
          <h2 id={titleId}>{t('title')}</h2>
          <button type="button" ref={closeButton} onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        {hasHowTo(currentHowTo) && (
          <section className="help-panel__howto">
            {current && <h3>{t('thisView', { view: viewName(current) })}</h3>}
            <p>{t(`howTo.${currentHowTo}`)}</p>
          </section>
        )}
        <h3>{t('shortcutsHeading')}</h3>
        <table className="data-table help-panel__shortcuts" aria-label={t('shortcutsHeading')}>
          <thead>
            <tr>
              <th>{t('keysColumn')}</th>
              <th>{t('actionColumn')}</th>
            </tr>
          </thead>
          {groupShortcuts(shortcuts).map(([group, entries]) => (
            <tbody key={group}>
              <tr>
                <th colSpan={2} scope="rowgroup" className="help-panel__group">
                  {group}
                </th>
              </tr>
              {entries.map((shortcut) => (
                <tr key={shortcut.id}>
                  <td>
                    {shortcut.keys.split(' | ').map((keys) => (
                      <kbd key={keys}>{displayKeys(keys)}</kbd>
                    ))}
                  </td>
                  <td>{shortcut.description}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
        <p className="muted">{t('browserNote')}</p>
        {others.length > 0 && (
          <details className="help-panel__others">
            <summary>{t('otherViews')}</summary>
            <dl>
              {others.map((view) =>
                hasHowTo(view.id) ? (
                  <div key={view.id}>
                    <dt>{viewName(view)}</dt>
                    <dd>{t(`howTo.${view.id}`)}</dd>
                  </div>
                ) : null,
              )}
            </dl>
          </details>
        )}
      </aside>
    </div>
  );
}
