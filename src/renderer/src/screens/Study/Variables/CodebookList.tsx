/**
 * The codebook as a list: every variable and response set with its type and its label in the
 * study's label language (a fallback marked as LabelText marks it), found by name or label.
 */
import { useTranslation } from 'react-i18next';
import type { CodebookEntry } from '../../../../../shared/api/variables';
import { LabelText } from '../../../components/LabelText';

interface CodebookListProps {
  entries: CodebookEntry[];
  search: string;
  onSearch: (text: string) => void;
  selected: string | null;
  onSelect: (name: string) => void;
}

/** Name or label contains the text, case-insensitively (in the label shown, i.e. the label language). */
export function matchesSearch(entry: CodebookEntry, search: string): boolean {
  const text = search.trim().toLocaleLowerCase();
  if (!text) return true;
  return (
    entry.name.toLocaleLowerCase().includes(text) ||
    (entry.label ?? '').toLocaleLowerCase().includes(text)
  );
}

export function CodebookList({ entries, search, onSearch, selected, onSelect }: CodebookListProps) {
  const { t } = useTranslation('variables');
  const shown = entries.filter((entry) => matchesSearch(entry, search));
  return (
    <aside className="panel codebook-list" aria-label={t('listLabel')}>
      <input
        type="search"
        value={search}
        placeholder={t('searchPlaceholder')}
        aria-label={t('search')}
        onChange={(e) => onSearch(e.target.value)}
      />
      <p className="muted codebook-list__count" role="status">
        {t('shown', { shown: shown.length, total: entries.length })}
      </p>
      {shown.length === 0 && search.trim() !== '' ? (
        <p className="muted">{t('noMatch', { search: search.trim() })}</p>
      ) : (
        <table className="picker-table codebook-list__table" aria-label={t('listLabel')}>
          <thead>
            <tr>
              <th>{t('columns.name')}</th>
              <th>{t('columns.type')}</th>
              <th>{t('columns.label')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((entry) => (
              <tr
                key={`${entry.origin === 'set' ? 'set' : 'var'}:${entry.name}`}
                aria-selected={entry.name === selected}
                className={entry.name === selected ? 'codebook-list__row--selected' : undefined}
              >
                <td>
                  <button type="button" className="link" onClick={() => onSelect(entry.name)}>
                    {entry.name}
                  </button>
                </td>
                <td className="muted">{t(`types.${entry.type}`)}</td>
                <td className="codebook-list__label" title={entry.label ?? undefined}>
                  {entry.label !== null && (
                    <LabelText
                      text={entry.label}
                      fallbackLanguage={entry.labelFallback ? entry.labelLanguage : null}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </aside>
  );
}
