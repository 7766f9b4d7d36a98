/**
 * A picker of what to add: saved charts and saved tables, a chart or table made in place (a
 * small form opens under the picker), and (for a new page) a title page or a text page; for the
 * page shown, a text box. One select and one button, so the keyboard gets there in two stops.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportItem } from '../../../../../shared/domain/report';
import { NewContentForm } from './NewContentForm';
import type { ContentChoice } from './savedContent';

export type AddChoice =
  | { kind: 'titlePage' }
  | { kind: 'textPage' }
  | { kind: 'text' }
  | { kind: 'saved'; item: ReportItem; title: string };

interface AddContentPickerProps {
  choices: ContentChoice[];
  /** 'page': adds a page; 'item': adds to the page shown. */
  target: 'page' | 'item';
  onAdd: (choice: AddChoice) => void;
}

export function AddContentPicker({ choices, target, onAdd }: AddContentPickerProps) {
  const { t } = useTranslation('reports');
  const [value, setValue] = useState('');
  const [creating, setCreating] = useState<'chart' | 'table' | null>(null);
  const charts = choices.filter((choice) => choice.kind === 'chart');
  const tables = choices.filter((choice) => choice.kind === 'table');
  const label = target === 'page' ? t('add.pageLabel') : t('add.itemLabel');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (value === 'titlePage' || value === 'textPage' || value === 'text') {
      onAdd({ kind: value });
    } else if (value === 'newChart' || value === 'newTable') {
      setCreating(value === 'newChart' ? 'chart' : 'table');
    } else {
      const chosen = choices.find((choice) => choice.value === value);
      if (chosen) onAdd({ kind: 'saved', item: chosen.item, title: chosen.title });
    }
    // Back to the prompt, so the next addition is a fresh choice.
    setValue('');
  };

  return (
    <>
      <form className="report-add" onSubmit={submit} aria-label={label}>
        <select value={value} onChange={(e) => setValue(e.target.value)} aria-label={label}>
          <option value="" disabled>
            {target === 'page' ? t('add.choosePage') : t('add.chooseItem')}
          </option>
          {target === 'page' ? (
            <>
              <option value="titlePage">{t('add.titlePage')}</option>
              <option value="textPage">{t('add.textPage')}</option>
            </>
          ) : (
            <option value="text">{t('add.text')}</option>
          )}
          <optgroup label={t('add.inPlace')}>
            <option value="newChart">{t('add.newChart')}</option>
            <option value="newTable">{t('add.newTable')}</option>
          </optgroup>
          <optgroup label={t('add.savedCharts')}>
            {charts.length === 0 && <option disabled>{t('add.noCharts')}</option>}
            {charts.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('add.savedTables')}>
            {tables.length === 0 && <option disabled>{t('add.noTables')}</option>}
            {tables.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </optgroup>
        </select>
        <button type="submit" disabled={value === ''}>
          {target === 'page' ? t('add.addPage') : t('add.addItem')}
        </button>
      </form>
      {creating && (
        <NewContentForm
          key={creating}
          kind={creating}
          onAdd={(item, title) => {
            onAdd({ kind: 'saved', item, title });
            setCreating(null);
          }}
          onCancel={() => setCreating(null)}
        />
      )}
    </>
  );
}
