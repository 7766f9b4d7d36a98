/**
 * Reports: the study's saved reports, one open for editing. A report is pages of saved charts
 * and tables, text and titles, drawn in a template, exported as PowerPoint, Excel and PDF. What
 * the pages can hold (saved charts and tables) and what they can repeat for (country, industry,
 * wave, saved segmentations) is read from the study, again whenever it changes.
 *
 * Own footnotes: a chart's or table's footnote override is kept on its item (`footnote`); the
 * saved report keeps it once the report schema has that field (src/shared/api/reports.ts).
 */
import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedReport } from '../../../../../shared/api/reports';
import type { Report } from '../../../../../shared/domain/report';
import type { StudySummary } from '../../../../../shared/domain/study';
import { useClient, useEvent } from '../../../api/ClientContext';
import { ReportEditor } from './ReportEditor';
import type { RepeatOption } from './RepeatSelect';
import { contentChoices, type SavedContent } from './savedContent';
import './reports.css';

interface ReportsViewProps {
  study: StudySummary;
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

/** The variables a page most often repeats for, offered first. */
const USUAL_REPEATS = ['country', 'industry', 'wave'];

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function ReportsView({ study, onNotice }: ReportsViewProps) {
  const { t } = useTranslation(['reports', 'common']);
  const client = useClient();
  const [reports, setReports] = useState<SavedReport[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [content, setContent] = useState<SavedContent>({ charts: [], tables: [] });
  const [repeatOptions, setRepeatOptions] = useState<RepeatOption[]>([]);
  const [newName, setNewName] = useState('');
  const [revision, setRevision] = useState(0);

  const loadReports = useCallback(
    () =>
      client.invoke('reports.saved', {}).then(
        (list) => {
          setReports(list);
          setSelected((current) =>
            current && list.some((r) => sameName(r.name, current))
              ? current
              : (list[0]?.name ?? null),
          );
        },
        (failure: Error) => onNotice('error', failure.message),
      ),
    [client, onNotice],
  );

  useEffect(() => {
    void loadReports();
  }, [loadReports]);

  useEffect(() => {
    let current = true;
    Promise.all([
      client.invoke('charts.saved', {}),
      client.invoke('tables.saved', {}),
      client.invoke('study.describe', {}),
      client.invoke('segments.list', {}),
    ]).then(
      ([charts, tables, description, segmentations]) => {
        if (!current) return;
        setContent({ charts, tables });
        const variables = new Map(description.variables.map((v) => [v.name, v]));
        const usual = USUAL_REPEATS.filter((name) => variables.has(name)).map((name) => ({
          name,
          label: variables.get(name)?.label || name,
        }));
        const segments = segmentations
          .filter((s) => !USUAL_REPEATS.includes(s.name))
          .map((s) => ({ name: s.name, label: s.label || s.name }));
        setRepeatOptions([...usual, ...segments]);
      },
      (failure: Error) => current && onNotice('error', failure.message),
    );
    return () => {
      current = false;
    };
  }, [client, onNotice, revision]);

  useEvent(
    'study.changed',
    useCallback((change) => {
      if (change.study) setRevision((r) => r + 1);
    }, []),
  );

  const choices = useMemo(() => contentChoices(content), [content]);
  const open = reports?.find((r) => selected !== null && sameName(r.name, selected)) ?? null;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    const name = newName.trim();
    if (!name) return;
    if (reports?.some((r) => sameName(r.name, name))) {
      onNotice('error', t('list.nameTaken', { name }));
      return;
    }
    try {
      // A new report starts from the study's template: one look per study.
      const { template } = await client.invoke('templates.study', {});
      const report: Report = { name, template, pages: [{ id: 'p1', title: name, items: [] }] };
      await client.invoke('reports.save', { report });
      setNewName('');
      setSelected(name);
      await loadReports();
    } catch (failure) {
      onNotice('error', (failure as Error).message);
    }
  };

  return (
    <section className="reports-view">
      <div className="reports-view__top">
        <h2>{t('heading')}</h2>
        <nav className="reports-view__list" aria-label={t('list.label')}>
          {reports?.map((entry) => (
            <button
              key={entry.name}
              type="button"
              className={open?.name === entry.name ? 'report-tab report-tab--open' : 'report-tab'}
              aria-current={open?.name === entry.name ? 'page' : undefined}
              onClick={() => setSelected(entry.name)}
            >
              {entry.name}
              <span className="report-tab__count">
                {t('list.pages', { count: entry.report.pages.length })}
              </span>
            </button>
          ))}
          {reports?.length === 0 && <span className="muted">{t('list.none')}</span>}
        </nav>
        <form className="reports-view__new" onSubmit={create}>
          <input
            value={newName}
            onChange={(e) => setNewName(e.target.value)}
            placeholder={t('list.newPlaceholder')}
            aria-label={t('list.newName')}
          />
          <button type="submit" disabled={!newName.trim()}>
            {t('list.create')}
          </button>
        </form>
      </div>
      {reports === null && <p className="loading">{t('common:loading')}</p>}
      {open && (
        <ReportEditor
          key={open.name}
          study={study}
          saved={open.report}
          names={reports?.map((r) => r.name) ?? []}
          choices={choices}
          repeatOptions={repeatOptions}
          onSaved={(entry) =>
            setReports(
              (list) =>
                list?.map((other) => (sameName(other.name, entry.name) ? entry : other)) ?? list,
            )
          }
          onRenamed={(name) => {
            setSelected(name);
            void loadReports();
          }}
          onDeleted={() => {
            setSelected(null);
            void loadReports();
          }}
          onTemplateApplied={() => void loadReports()}
          onError={(message) => onNotice('error', message)}
        />
      )}
    </section>
  );
}
