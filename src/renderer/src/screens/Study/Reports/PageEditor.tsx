/**
 * The page shown, as fields: its title and takeaway line, whether it repeats for each value of a
 * variable, and its items in order — text to write, and under each chart and table its footnote.
 */
import { useTranslation } from 'react-i18next';
import type { RenderedPage, ReportPage } from '../../../../../shared/domain/report';
import { AddContentPicker, type AddChoice } from './AddContentPicker';
import { FootnoteEditor } from './FootnoteEditor';
import { itemSummary } from './itemSummary';
import { withOptional, type EditableItem } from './reportEdits';
import { RepeatSelect, type RepeatOption } from './RepeatSelect';
import type { ContentChoice } from './savedContent';
import type { UndoLabel } from './useReportDraft';

interface PageEditorProps {
  page: ReportPage;
  /** The copy drawn in the preview (its automatic footnotes); null while drawing. */
  rendered: RenderedPage | null;
  repeatOptions: RepeatOption[];
  choices: ContentChoice[];
  onChange: (change: (page: ReportPage) => ReportPage, undoLabel?: UndoLabel) => void;
  onAdd: (choice: AddChoice) => void;
}

export function PageEditor({
  page,
  rendered,
  repeatOptions,
  choices,
  onChange,
  onAdd,
}: PageEditorProps) {
  const { t } = useTranslation('reports');
  const items = page.items as EditableItem[];

  const changeItem = (index: number, change: (item: EditableItem) => EditableItem) =>
    onChange((current) => ({
      ...current,
      items: current.items.map((item, i) => (i === index ? change(item) : item)),
    }));

  const moveItem = (index: number, to: number) =>
    onChange(
      (current) => {
        const next = [...current.items];
        const [moved] = next.splice(index, 1);
        next.splice(to, 0, moved!);
        return { ...current, items: next };
      },
      (tr) => tr('undo.moveItem'),
    );

  const automaticFootnote = (index: number): string | null => {
    const drawn = rendered?.items[index];
    return drawn && (drawn.kind === 'chart' || drawn.kind === 'table') ? drawn.footnote : null;
  };

  return (
    <section className="report-page-editor" aria-label={t('page.label')}>
      <div className="report-page-editor__fields">
        <label className="field">
          <span>{t('page.title')}</span>
          <input
            value={page.title}
            onChange={(e) => onChange((current) => ({ ...current, title: e.target.value }))}
          />
        </label>
        <label className="field">
          <span>{t('page.takeaway')}</span>
          <input
            value={page.takeaway ?? ''}
            placeholder={t('page.takeawayHint')}
            onChange={(e) =>
              onChange((current) => withOptional(current, 'takeaway', e.target.value))
            }
          />
        </label>
        <RepeatSelect
          label={t('page.repeat')}
          value={page.repeatEach ?? ''}
          options={repeatOptions}
          onChange={(value) => onChange((current) => withOptional(current, 'repeatEach', value))}
        />
      </div>
      <ol className="report-items" aria-label={t('page.items')}>
        {items.map((item, index) => {
          const drawn = rendered?.items[index];
          return (
            <li key={index} className="report-item">
              <div className="report-item__header">
                <span className="report-item__name">{itemSummary(item, t)}</span>
                <button
                  type="button"
                  disabled={index === 0}
                  onClick={() => moveItem(index, index - 1)}
                  aria-label={t('page.itemUp', { item: itemSummary(item, t) })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  disabled={index === items.length - 1}
                  onClick={() => moveItem(index, index + 1)}
                  aria-label={t('page.itemDown', { item: itemSummary(item, t) })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  onClick={() =>
                    onChange(
                      (current) => ({
                        ...current,
                        items: current.items.filter((_, i) => i !== index),
                      }),
                      (tr) => tr('undo.removeItem', { item: itemSummary(item, tr) }),
                    )
                  }
                >
                  {t('page.removeItem')}
                </button>
              </div>
              {drawn?.kind === 'problem' ? (
                <p className="notice notice--error report-item__problem" role="alert">
                  {t('preview.notShown', { message: drawn.message })}
                </p>
              ) : item.kind === 'text' ? (
                <textarea
                  aria-label={t('page.text')}
                  rows={3}
                  value={item.text}
                  onChange={(e) =>
                    changeItem(index, () => ({ kind: 'text', text: e.target.value }))
                  }
                />
              ) : (
                <FootnoteEditor
                  automatic={automaticFootnote(index)}
                  override={item.footnote}
                  onChange={(footnote) =>
                    changeItem(index, (current) => {
                      const next: EditableItem = { ...current };
                      if (footnote === undefined) delete next.footnote;
                      else next.footnote = footnote;
                      return next;
                    })
                  }
                />
              )}
            </li>
          );
        })}
      </ol>
      <AddContentPicker choices={choices} target="item" onAdd={onAdd} />
    </section>
  );
}
