/**
 * The report being edited: every change lands in the draft at once and is saved shortly after
 * (reports.save, debounced), so nothing needs a Save button. Page-level changes (add, move,
 * duplicate, delete) keep the report as it was before them, so they can be undone.
 */
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SavedReport } from '../../../../../shared/api/reports';
import type { Report } from '../../../../../shared/domain/report';
import { useClient } from '../../../api/ClientContext';

const SAVE_AFTER_MS = 500;
/** How many page-level changes can be undone. */
const UNDO_DEPTH = 50;

export type SaveState = 'saved' | 'saving' | 'failed';

/**
 * What an undo would undo, put in words when shown with the t of that moment, so the words
 * follow the UI language.
 */
export type UndoLabel = (t: TFunction<'reports'>) => string;

export interface ReportDraft {
  report: Report;
  /** Applies a change; with `undoLabel`, the report before it can be brought back by undo(). */
  edit: (change: (report: Report) => Report, undoLabel?: UndoLabel) => void;
  /** What undo() would undo, or null. */
  undoLabel: UndoLabel | null;
  undo: () => void;
  saveState: SaveState;
  saveError: string | null;
  /** Saves now (before an export reads the saved report, or a rename copies it). */
  saveNow: () => Promise<void>;
  /** Forgets unsaved changes, so a deleted report is not saved again on the way out. */
  discard: () => void;
}

export function useReportDraft(
  initial: Report,
  onSaved: (saved: SavedReport) => void,
): ReportDraft {
  const client = useClient();
  const savedListener = useRef(onSaved);
  savedListener.current = onSaved;
  const [report, setReport] = useState(initial);
  const current = useRef(initial);
  const lastSaved = useRef(initial);
  const undoStack = useRef<Array<{ report: Report; label: UndoLabel }>>([]);
  const [undoLabel, setUndoLabel] = useState<{ label: UndoLabel } | null>(null);
  // The report as last saved, as state too: the view says "Saving…" from the first keystroke.
  const [savedNow, setSavedNow] = useState(initial);
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = useCallback(
    async (draft: Report) => {
      if (draft === lastSaved.current) return;
      try {
        const saved = await client.invoke('reports.save', { report: draft });
        lastSaved.current = draft;
        savedListener.current(saved);
        setSavedNow(draft);
        setSaveError(null);
      } catch (failure) {
        setSaveError((failure as Error).message);
        throw failure;
      }
    },
    [client],
  );

  useEffect(() => {
    if (report === lastSaved.current) return;
    const timer = setTimeout(() => void save(report).catch(() => undefined), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [report, save]);

  // Leaving the report (another report, another view) saves what is still waiting.
  useEffect(
    () => () => {
      if (current.current !== lastSaved.current) void save(current.current).catch(() => undefined);
    },
    [save],
  );

  const edit = useCallback((change: (report: Report) => Report, label?: UndoLabel) => {
    const before = current.current;
    const next = change(before);
    if (next === before) return;
    if (label) {
      undoStack.current = [
        ...undoStack.current.slice(-(UNDO_DEPTH - 1)),
        { report: before, label },
      ];
      setUndoLabel({ label });
    }
    current.current = next;
    setReport(next);
  }, []);

  const undo = useCallback(() => {
    const last = undoStack.current.pop();
    if (!last) return;
    const previous = undoStack.current.at(-1);
    setUndoLabel(previous ? { label: previous.label } : null);
    current.current = last.report;
    setReport(last.report);
  }, []);

  const saveNow = useCallback(() => save(current.current), [save]);
  const discard = useCallback(() => {
    lastSaved.current = current.current;
  }, []);
  const saveState: SaveState = saveError ? 'failed' : report === savedNow ? 'saved' : 'saving';

  return {
    report,
    edit,
    undoLabel: undoLabel?.label ?? null,
    undo,
    saveState,
    saveError,
    saveNow,
    discard,
  };
}
