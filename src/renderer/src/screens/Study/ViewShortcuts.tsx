/**
 * The study window's own shortcuts: Alt+1…9 go to the navigator's views in order, Alt+Shift+W
 * closes the study, Esc dismisses the notice. Alt+digit rather than Ctrl+digit, which browsers
 * keep for their tabs.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useViewName, type NavigatorView } from '../../components/Navigator';
import { registerShortcut, useShortcut } from '../../shortcuts/registry';

interface ViewShortcutsProps {
  views: readonly NavigatorView[];
  onSelect: (id: string) => void;
  onCloseStudy: () => void;
  /** null when there is no notice to dismiss. */
  onDismissNotice: (() => void) | null;
}

export function ViewShortcuts({
  views,
  onSelect,
  onCloseStudy,
  onDismissNotice,
}: ViewShortcutsProps) {
  const { t } = useTranslation('help');
  const viewName = useViewName();
  const names = views.map((view) => viewName(view));
  const group = t('groups.views');
  const descriptions = names.map((name) => t('shortcuts.view', { view: name }));
  const key = views.map((view) => view.id).join(' ') + descriptions.join(' ');

  useEffect(() => {
    const removers = views.slice(0, 9).map((view, index) =>
      registerShortcut({
        id: `view.${view.id}`,
        keys: `Alt+${index + 1}`,
        group,
        description: descriptions[index] ?? view.label,
        run: () => onSelect(view.id),
      }),
    );
    return () => removers.forEach((remove) => remove());
    // `key` stands for views and descriptions, which are new arrays every render.
  }, [key, group, onSelect]);

  useShortcut({
    id: 'study.close',
    keys: 'Alt+Shift+W',
    group: t('groups.study'),
    description: t('shortcuts.closeStudy'),
    run: onCloseStudy,
  });
  useShortcut({
    id: 'study.dismissNotice',
    keys: 'Escape',
    group: t('groups.study'),
    description: t('shortcuts.dismiss'),
    disabled: onDismissNotice === null,
    run: () => onDismissNotice?.(),
  });
  return null;
}
