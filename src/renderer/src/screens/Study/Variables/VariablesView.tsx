/**
 * Variables: the codebook a consultant lives in. The list (found by name or label in the study's
 * label language), one entry's detail with its labels editable in that language, definitions of
 * filters, derived variables and response sets with live counts, and Undo (the button, or Ctrl+Z
 * while the focus is in the view but not in a text field, where Ctrl+Z undoes typing). The undo
 * steps are kept by the study worker with the open study, so Undo reverts what was really saved,
 * and every change reaches the other views through study.changed.
 */
import { useCallback, useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CodebookEntry,
  DefineInput,
  UndoState,
  VariableDetail,
} from '../../../../../shared/api/variables';
import type { StudySummary } from '../../../../../shared/domain/study';
import { useClient, useEvent } from '../../../api/ClientContext';
import { CodebookList } from './CodebookList';
import { DefinePanel } from './DefinePanel';
import type { LabelChanges } from './LabelEditor';
import { VariableDetailPanel } from './VariableDetailPanel';

interface VariablesViewProps {
  study: StudySummary;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

function isTextField(target: EventTarget): boolean {
  return (
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
  );
}

export function VariablesView({ study, onNotice }: VariablesViewProps) {
  const { t } = useTranslation('variables');
  const client = useClient();
  const language = study.labelLanguage;
  const [entries, setEntries] = useState<CodebookEntry[]>([]);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [detail, setDetail] = useState<VariableDetail | null>(null);
  const [undo, setUndo] = useState<UndoState>({ next: null, depth: 0 });
  // Bumped when the study changes (an edit here or elsewhere, an import): everything reloads.
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );

  useEffect(() => {
    let current = true;
    client.invoke('variables.list', { language }).then(
      (list) => current && setEntries(list),
      (failure: Error) => onNotice('error', failure.message),
    );
    client.invoke('variables.undoState', {}).then(
      (state) => current && setUndo(state),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [client, language, revision, onNotice]);

  useEffect(() => {
    if (!selected) {
      setDetail(null);
      return;
    }
    let current = true;
    client.invoke('variables.detail', { name: selected, language }).then(
      (loaded) => current && setDetail(loaded),
      // The entry is gone (an undone definition): nothing is selected any more.
      () => current && (setSelected(null), setDetail(null)),
    );
    return () => {
      current = false;
    };
  }, [client, selected, language, revision]);

  const saveLabels = async (changes: LabelChanges) => {
    if (!detail) return;
    try {
      const edited = await client.invoke('variables.setLabels', {
        name: detail.name,
        language,
        ...(changes.label !== undefined ? { label: changes.label } : {}),
        ...(changes.valueLabels.length > 0 ? { valueLabels: changes.valueLabels } : {}),
      });
      setDetail(edited.detail);
      setUndo(edited.undo);
      onNotice('info', t('edit.saved', { step: edited.undo.next ?? detail.name }));
    } catch (error) {
      onNotice('error', (error as Error).message);
    }
  };

  const define = async (input: DefineInput): Promise<boolean> => {
    try {
      const defined = await client.invoke('variables.define', input);
      setUndo(defined.undo);
      if (input.kind !== 'filter') setSelected(defined.name);
      onNotice('info', defined.summary);
      return true;
    } catch (error) {
      onNotice('error', (error as Error).message);
      return false;
    }
  };

  const runUndo = async () => {
    try {
      const result = await client.invoke('variables.undo', {});
      setUndo(result.undo);
      onNotice('info', t('undone', { step: result.undone }));
    } catch (error) {
      onNotice('error', (error as Error).message);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (
      (event.ctrlKey || event.metaKey) &&
      !event.shiftKey &&
      !event.altKey &&
      event.key.toLowerCase() === 'z' &&
      !isTextField(event.target)
    ) {
      event.preventDefault();
      if (undo.depth > 0) void runUndo();
    }
  };

  return (
    <section className="variables-view" aria-labelledby="variables-heading" onKeyDown={onKeyDown}>
      <header className="variables-view__header">
        <h2 id="variables-heading">{t('title')}</h2>
        <button
          type="button"
          disabled={study.readOnly || undo.depth === 0}
          title={undo.next ? t('undoTitle', { step: undo.next }) : t('nothingToUndo')}
          onClick={() => void runUndo()}
        >
          {t('undo')}
        </button>
        {undo.next && <span className="muted">{undo.next}</span>}
      </header>
      <div className="variables-view__layout">
        <CodebookList
          entries={entries}
          search={search}
          onSearch={setSearch}
          selected={selected}
          onSelect={setSelected}
        />
        <div className="variables-view__main">
          {detail ? (
            <VariableDetailPanel
              detail={detail}
              revision={revision}
              onSave={(changes) => void saveLabels(changes)}
              onNothingChanged={() => onNotice('info', t('edit.noChanges'))}
            />
          ) : (
            <p className="muted">{t('pickOne')}</p>
          )}
          {!study.readOnly && <DefinePanel selected={selected} onDefine={define} />}
        </div>
      </div>
    </section>
  );
}
