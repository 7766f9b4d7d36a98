/**
 * One report open for editing: the page strip on the left, the page shown large in the middle
 * (as the export will draw it) with its fields under it, and on the right the whole report's
 * repeat, its template and the export. Edits are saved as they happen; page changes can be
 * undone (the Undo button in the notice, or Ctrl+Z outside a text field).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReport } from '../../../../../shared/api/reports';
import type { Report, ReportPage, RenderedItem } from '../../../../../shared/domain/report';
import { pageFootnotes } from '../../../../../shared/domain/reportFootnote';
import type { StudySummary } from '../../../../../shared/domain/study';
import { useClient } from '../../../api/ClientContext';
import type { AddChoice } from './AddContentPicker';
import { AddContentPicker } from './AddContentPicker';
import { ExportPanel } from './ExportPanel';
import { PageEditor } from './PageEditor';
import { PageStrip } from './PageStrip';
import { ReportHeader } from './ReportHeader';
import {
  duplicatePage,
  insertPage,
  movePage,
  newPageId,
  removePage,
  updatePage,
  type EditableItem,
} from './reportEdits';
import { RepeatSelect, type RepeatOption } from './RepeatSelect';
import type { ContentChoice } from './savedContent';
import { SlidePreview } from './SlidePreview';
import { TemplateForm } from './TemplateForm';
import { TemplateLibrary } from './TemplateLibrary';
import { useRenderedPage } from './useRenderedPage';
import { useReportDraft, type UndoLabel } from './useReportDraft';
import { useReportKeysInHelp } from './useReportKeysInHelp';

interface ReportEditorProps {
  study: StudySummary;
  saved: Report;
  /** Every saved report's name, so a rename cannot replace another report. */
  names: string[];
  choices: ContentChoice[];
  repeatOptions: RepeatOption[];
  /** The report as saved, each time the draft is saved. */
  onSaved: (saved: SavedReport) => void;
  onRenamed: (name: string) => void;
  onDeleted: () => void;
  /** The template was given to every report in the study. */
  onTemplateApplied: () => void;
  onError: (message: string) => void;
}

function isTextField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target instanceof HTMLTextAreaElement ||
      target instanceof HTMLSelectElement ||
      (target instanceof HTMLInputElement &&
        !['checkbox', 'radio', 'button'].includes(target.type)))
  );
}

export function ReportEditor({
  study,
  saved,
  names,
  choices,
  repeatOptions,
  onSaved,
  onRenamed,
  onDeleted,
  onTemplateApplied,
  onError,
}: ReportEditorProps) {
  const { t } = useTranslation(['reports', 'common']);
  const client = useClient();
  const draft = useReportDraft(saved, onSaved);
  useReportKeysInHelp();
  const { report, edit, undo } = draft;
  const undoLabel = draft.undoLabel?.(t) ?? null;
  const [selectedId, setSelectedId] = useState<string | null>(saved.pages[0]?.id ?? null);
  const [copy, setCopy] = useState(0);
  const [language, setLanguage] = useState('');
  // The notice offering to undo a deletion, shown while that deletion is what Undo would undo.
  const [undoNotice, setUndoNotice] = useState<{ text: string; label: UndoLabel } | null>(null);
  const deletionUndoable = undoNotice !== null && draft.undoLabel === undoNotice.label;

  const selectedIndex = Math.max(
    0,
    report.pages.findIndex((page) => page.id === selectedId),
  );
  const page = report.pages[selectedIndex] ?? null;
  const drawing = useRenderedPage(report, selectedIndex, language || undefined);
  const copies = drawing.rendered?.pages ?? [];
  const shown = copies[Math.min(copy, copies.length - 1)] ?? null;

  // Ctrl+Z (⌘Z) undoes the last page change unless a text field has the focus (it undoes typing).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== 'z' || !(event.ctrlKey || event.metaKey)) return;
      if (event.shiftKey || event.altKey || isTextField(event.target)) return;
      event.preventDefault();
      undo();
      setUndoNotice(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undo]);

  const select = (pageId: string) => {
    setSelectedId(pageId);
    setCopy(0);
  };

  const addPage = (choice: AddChoice) => {
    const id = newPageId(report);
    const page: ReportPage =
      choice.kind === 'saved'
        ? { id, title: choice.title, items: [choice.item] }
        : choice.kind === 'textPage' || choice.kind === 'text'
          ? { id, title: t('newPage.textTitle'), items: [{ kind: 'text', text: '' }] }
          : { id, title: report.name, takeaway: t('newPage.subtitle'), items: [] };
    edit(
      (current) => insertPage(current, page, current.pages.length ? selectedIndex : -1),
      (tr) => tr('undo.addPage', { title: page.title }),
    );
    select(id);
  };

  const addItem = (choice: AddChoice) => {
    if (!page) return;
    const item: EditableItem = choice.kind === 'saved' ? choice.item : { kind: 'text', text: '' };
    edit(
      (current) => updatePage(current, page.id, (p) => ({ ...p, items: [...p.items, item] })),
      (tr) => tr('undo.addItem'),
    );
  };

  const deletePage = (index: number) => {
    const gone = report.pages[index];
    if (!gone) return;
    const label: UndoLabel = (tr) => tr('undo.deletePage', { title: gone.title });
    edit((current) => removePage(current, index), label);
    setUndoNotice({ text: t('deleted', { title: gone.title || t('strip.untitled') }), label });
    const neighbour = report.pages[index + 1] ?? report.pages[index - 1];
    setSelectedId(neighbour?.id ?? null);
  };

  const duplicate = () => {
    if (!page) return;
    const id = newPageId(report);
    edit(
      (current) => duplicatePage(current, selectedIndex, t('copySuffix')),
      (tr) => tr('undo.duplicatePage', { title: page.title }),
    );
    select(id);
  };

  const rename = async (name: string) => {
    const old = report.name;
    const sameReport = name.toLowerCase() === old.toLowerCase();
    if (!sameReport && names.some((other) => other.toLowerCase() === name.toLowerCase())) {
      onError(t('list.nameTaken', { name }));
      return;
    }
    try {
      await draft.saveNow();
      await client.invoke('reports.save', { report: { ...draft.report, name } });
      if (!sameReport) await client.invoke('reports.delete', { name: old });
      draft.discard();
      onRenamed(name);
    } catch (failure) {
      onError((failure as Error).message);
    }
  };

  const deleteReport = async () => {
    try {
      draft.discard();
      await client.invoke('reports.delete', { name: report.name });
      onDeleted();
    } catch (failure) {
      onError((failure as Error).message);
    }
  };

  const footnotes = useMemo(() => {
    if (!shown || !page) return [];
    const items = shown.items.map((item, index): RenderedItem => {
      const own = (page.items[index] as EditableItem | undefined)?.footnote;
      return own !== undefined && (item.kind === 'chart' || item.kind === 'table')
        ? { ...item, ownFootnote: own }
        : item;
    });
    return pageFootnotes(items);
  }, [shown, page]);

  return (
    <div className="report-editor">
      <ReportHeader name={report.name} onRename={rename} onDelete={deleteReport} />
      <div className="report-editor__bar">
        <AddContentPicker choices={choices} target="page" onAdd={addPage} />
        <button type="button" disabled={!page} onClick={duplicate}>
          {t('duplicatePage')}
        </button>
        <button type="button" disabled={!page} onClick={() => deletePage(selectedIndex)}>
          {t('deletePage')}
        </button>
        <button
          type="button"
          disabled={undoLabel === null}
          onClick={() => {
            undo();
            setUndoNotice(null);
          }}
          aria-keyshortcuts="Control+Z"
          title={undoLabel ?? undefined}
        >
          {undoLabel ? t('undoWhat', { what: undoLabel }) : t('undo.nothing')}
        </button>
        <span className={`report-editor__save report-editor__save--${draft.saveState}`}>
          {draft.saveState === 'failed'
            ? t('save.failed', { error: draft.saveError ?? '' })
            : t(`save.${draft.saveState}`)}
        </span>
      </div>
      {deletionUndoable && (
        <p className="notice notice--info report-editor__undo" role="status">
          {undoNotice.text}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              undo();
              setUndoNotice(null);
            }}
          >
            {t('undoButton')}
          </button>{' '}
          <button type="button" className="link" onClick={() => setUndoNotice(null)}>
            {t('common:dismiss')}
          </button>
        </p>
      )}
      <div className="report-editor__body">
        <PageStrip
          report={report}
          selectedId={page?.id ?? null}
          onSelect={select}
          onMove={(from, to) =>
            edit(
              (current) => movePage(current, from, to),
              (tr) => tr('undo.movePage', { title: report.pages[from]?.title ?? '' }),
            )
          }
          onDelete={deletePage}
        />
        <div className="report-editor__main">
          {page ? (
            <>
              {copies.length > 1 && (
                <label className="field report-editor__copy">
                  <span>{t('copies', { count: copies.length })}</span>
                  <select
                    value={Math.min(copy, copies.length - 1)}
                    onChange={(e) => setCopy(Number(e.target.value))}
                  >
                    {copies.map((c, index) => (
                      <option key={c.id} value={index}>
                        {c.repeat?.label ?? c.title}
                      </option>
                    ))}
                  </select>
                </label>
              )}
              {drawing.error && (
                <p className="notice notice--error" role="alert">
                  {t('preview.failed', { error: drawing.error })}
                </p>
              )}
              {shown ? (
                <div
                  className={
                    drawing.stale ? 'report-preview report-preview--stale' : 'report-preview'
                  }
                >
                  <SlidePreview
                    page={shown}
                    template={report.template}
                    footnotes={footnotes}
                    label={t('preview.label', { title: shown.title })}
                  />
                </div>
              ) : (
                !drawing.error && <p className="loading">{t('preview.drawing')}</p>
              )}
              <PageEditor
                page={page}
                rendered={shown}
                repeatOptions={repeatOptions}
                choices={choices}
                onChange={(change, undoLabel) =>
                  edit((current) => updatePage(current, page.id, change), undoLabel)
                }
                onAdd={addItem}
              />
            </>
          ) : (
            <p className="muted">{t('noPages')}</p>
          )}
        </div>
        <aside className="report-editor__side" aria-label={t('settings')}>
          <RepeatSelect
            label={t('repeat.report')}
            value={report.repeatEach ?? ''}
            options={repeatOptions}
            onChange={(value) =>
              edit((current) => {
                const next = { ...current };
                if (value === '') delete next.repeatEach;
                else next.repeatEach = value;
                return next;
              })
            }
          />
          <TemplateForm
            template={report.template}
            onChange={(template) => edit((current) => ({ ...current, template }))}
          />
          <TemplateLibrary
            template={report.template}
            onUse={(template) => edit((current) => ({ ...current, template }))}
            saveNow={draft.saveNow}
            onAppliedToAll={onTemplateApplied}
          />
          <ExportPanel
            study={study}
            reportName={report.name}
            language={language}
            onLanguageChange={setLanguage}
            saveNow={draft.saveNow}
            repeatOptions={repeatOptions}
          />
        </aside>
      </div>
    </div>
  );
}
