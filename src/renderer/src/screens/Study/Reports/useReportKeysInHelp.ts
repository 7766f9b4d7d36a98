/**
 * Lists the report builder's keys in the Help panel while the view is shown. They are handled
 * where they apply — Alt+↑/↓ and Delete on a focused page thumbnail, Ctrl+Z by the editor outside
 * text fields (where it must stay the field's own undo) — so the registrations are for Help only
 * (`disabled`: listed, never run by the registry).
 */
import { useTranslation } from 'react-i18next';
import { useShortcut } from '../../../shortcuts/registry';

const nothing = () => undefined;

export function useReportKeysInHelp(): void {
  const { t } = useTranslation('reports');
  const group = t('keys.group');
  const listed = { group, disabled: true, run: nothing };
  useShortcut({ ...listed, id: 'reports.pageUp', keys: 'Alt+ArrowUp', description: t('keys.up') });
  useShortcut({
    ...listed,
    id: 'reports.pageDown',
    keys: 'Alt+ArrowDown',
    description: t('keys.down'),
  });
  useShortcut({ ...listed, id: 'reports.delete', keys: 'Delete', description: t('keys.delete') });
  useShortcut({ ...listed, id: 'reports.undo', keys: 'Mod+Z', description: t('keys.undo') });
}
