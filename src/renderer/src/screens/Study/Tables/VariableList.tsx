/**
 * The variables a table can use, found by name or label, grouped by where they come from.
 * Each is dragged into a zone, or focused and sent there with R, C or F (the view registers
 * those keys; this list reports which variable has focus).
 */
import { useDraggable } from '@dnd-kit/core';
import { useTranslation } from 'react-i18next';
import type { CodebookEntry } from '../../../../../shared/api/variables';
import { LabelText } from '../../../components/LabelText';

interface VariableListProps {
  variables: CodebookEntry[];
  search: string;
  onSearch: (text: string) => void;
  onFocusVariable: (name: string | null) => void;
}

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
  onFocusVariable,
}: {
  variable: CodebookEntry;
  onFocusVariable: (name: string | null) => void;
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
        data-variable={variable.name}
        onFocus={() => onFocusVariable(variable.name)}
        onBlur={() => onFocusVariable(null)}
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

export function VariableList({ variables, search, onSearch, onFocusVariable }: VariableListProps) {
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
            <h3 className="variable-list__group">{group.origin}</h3>
            <ul className="variable-list">
              {group.members.map((variable) => (
                <VariableItem
                  key={variable.name}
                  variable={variable}
                  onFocusVariable={onFocusVariable}
                />
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </aside>
  );
}
