/**
 * The template beyond this report: use one saved in the app settings (any study's), save this one
 * there under a name, make it the study's template (what new reports start from), or give it to
 * every report in the study at once.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedTemplate } from '../../../../../shared/api/templates';
import type { ReportTemplate } from '../../../../../shared/domain/report';
import { useClient } from '../../../api/ClientContext';

interface TemplateLibraryProps {
  template: ReportTemplate;
  onUse: (template: ReportTemplate) => void;
  /** Saves the open report first, so applying to every report does not race its pending save. */
  saveNow: () => Promise<void>;
  /** Every report's template changed: the list of reports is read again. */
  onAppliedToAll: () => void;
}

function sameTemplate(a: ReportTemplate, b: ReportTemplate): boolean {
  const key = (t: ReportTemplate) =>
    JSON.stringify([t.colours.primary, t.colours.accent, t.colours.text, t.colours.background])
      .toLowerCase()
      .concat(t.font, t.slideSize, t.logoPath ?? '');
  return key(a) === key(b);
}

export function TemplateLibrary({
  template,
  onUse,
  saveNow,
  onAppliedToAll,
}: TemplateLibraryProps) {
  const { t } = useTranslation('reports');
  const client = useClient();
  const [saved, setSaved] = useState<SavedTemplate[]>([]);
  const [studyTemplate, setStudyTemplate] = useState<ReportTemplate | null>(null);
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);

  const fail = useCallback(
    (failure: unknown) => setMessage({ tone: 'error', text: (failure as Error).message }),
    [],
  );

  useEffect(() => {
    client.invoke('templates.list', {}).then(setSaved, fail);
    client.invoke('templates.study', {}).then((study) => setStudyTemplate(study.template), fail);
  }, [client, fail]);

  const use = (chosen: string) => {
    const entry = saved.find((s) => s.name === chosen);
    if (!entry) return;
    onUse(entry.template);
    setMessage({ tone: 'info', text: t('library.used', { name: entry.name }) });
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return;
    try {
      setSaved(await client.invoke('templates.save', { name: trimmed, template }));
      setName('');
      setMessage({ tone: 'info', text: t('library.saved', { name: trimmed }) });
    } catch (failure) {
      fail(failure);
    }
  };

  const makeStudy = async (applyToReports: boolean) => {
    try {
      if (applyToReports) await saveNow();
      const change = await client.invoke('templates.setStudy', { template, applyToReports });
      setStudyTemplate(change.template);
      setMessage({
        tone: 'info',
        text: applyToReports
          ? t('library.applied', { count: change.updatedReports.length })
          : t('library.madeStudy'),
      });
      if (applyToReports) onAppliedToAll();
    } catch (failure) {
      fail(failure);
    }
  };

  const isStudy = studyTemplate !== null && sameTemplate(studyTemplate, template);

  return (
    <fieldset className="report-template-library">
      <legend>{t('library.heading')}</legend>
      <label className="field">
        <span>{t('library.use')}</span>
        <select value="" onChange={(e) => use(e.target.value)} disabled={saved.length === 0}>
          <option value="" disabled>
            {saved.length === 0 ? t('library.none') : t('library.choose')}
          </option>
          {saved.map((entry) => (
            <option key={entry.name} value={entry.name}>
              {entry.name}
            </option>
          ))}
        </select>
      </label>
      <form className="report-template-library__save" onSubmit={save}>
        <label className="field">
          <span>{t('library.saveName')}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t('library.namePlaceholder')}
          />
        </label>
        <button type="submit" disabled={!name.trim()}>
          {t('library.save')}
        </button>
      </form>
      <p className="muted report-template-library__state">
        {isStudy ? t('library.isStudy') : t('library.notStudy')}
      </p>
      <div className="report-template-library__study">
        <button type="button" disabled={isStudy} onClick={() => void makeStudy(false)}>
          {t('library.makeStudy')}
        </button>
        <button type="button" onClick={() => void makeStudy(true)}>
          {t('library.applyAll')}
        </button>
      </div>
      {message && (
        <p
          className={`notice notice--${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </fieldset>
  );
}
