/**
 * The variables a table can use, found by name or label, grouped by where they come from.
 * Each is dragged into a zone, or focused and sent there with R, C or F: the keys are handled on
 * the focused item itself, so they act on exactly the variable that has focus (the view lists
 * them in Help).
 */
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { CodebookEntry } from '../../../../../shared/api/variables';
import { LabelText } from '../../../components/LabelText';

export type VariableKey = 'R' | 'C' | 'F';

interface VariableListProps {
  variables: CodebookEntry[];
  search: string;
  onSearch: (text: string) => void;
  onKey: (name: string, key: VariableKey) => void;
}

const KEYS: Record<string, VariableKey> = { KeyR: 'R', KeyC: 'C', KeyF: 'F' };

const ORIGIN_ORDER: ReadonlyArray<CodebookEntry['origin']> = [
  'segment',
  'derived',
  'set',
  'imported',
  'weight',
  'system',
];

function VariableItem({
  variable,
  onKey,
}: {
  variable: CodebookEntry;
  onKey: (name: string, key: VariableKey) => void;
}) {
  const { attributes, listeners, setNodeRef } = useDraggable({
    id: `list:${variable.name}`,
    data: { variable: variable.name },
  });
  return (
    <li>
      <button
        ref={setNodeRef}
        type="button"
        className="variable-item"
        {...attributes}
        {...listeners}
        aria-roledescription={undefined}
        aria-label={variable.label ? `${variable.name} ${variable.label}` : variable.name}
        aria-keyshortcuts="R C F"
        data-variable={variable.name}
        onKeyDown={(event) => {
          const key = KEYS[event.nativeEvent.code];
          const plain = !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
          if (key && plain && !event.nativeEvent.isComposing) {
            // Handled here: the app-wide shortcut listener sees defaultPrevented and skips it.
            event.preventDefault();
            onKey(variable.name, key);
            return;
          }
          listeners?.onKeyDown?.(event);
        }}
      >
        <span>{variable.name}</span>
        <span className="variable-item__label" title={variable.label ?? undefined}>
          {variable.label !== null && (
            <LabelText
              text={variable.label}
              fallbackLanguage={variable.labelFallback ? variable.labelLanguage : null}
            />
          )}
        </span>
      </button>
    </li>
  );
}

export function VariableList({ variables, search, onSearch, onKey }: VariableListProps) {
  const { t } = useTranslation('tables');
  const needle = search.trim().toLowerCase();
  const shown = variables.filter(
    (v) =>
      !needle ||
      v.name.toLowerCase().includes(needle) ||
      (v.label ?? '').toLowerCase().includes(needle),
  );
  const groups = ORIGIN_ORDER.map((origin) => ({
    origin,
    members: shown.filter((v) => v.origin === origin),
  })).filter((group) => group.members.length > 0);

  return (
    <aside className="panel table-builder__variables" aria-label={t('variables')}>
      <input
        type="search"
        placeholder={t('findVariable')}
        aria-label={t('findVariable')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
      />
      <p className="muted table-builder__hint">{t('keyHint')}</p>
      <ul className="variable-list" aria-label={t('variables')}>
        {groups.map((group) => (
          <li key={group.origin}>
            <h3 className="variable-list__group">{t(`origins.${group.origin}`)}</h3>
            <ul className="variable-list">
              {group.members.map((variable) => (
                <VariableItem key={variable.name} variable={variable} onKey={onKey} />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </aside>
  );
}
