/**
 * Saving what the rule builder made: as a segment variable (recomputed whenever sources change,
 * usable in every table) and, separately, as a scheme to start from again, here or in another
 * study.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SegmentBindings, SegmentScheme } from '../../../../../shared/domain/segments';
import { useClient } from '../../../api/ClientContext';
import { formatInteger } from '../../../format';

/** The API's rule for scheme names (src/shared/api/segments.ts). */
const SCHEME_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

interface SaveRulesFormsProps {
  /** The draft as a scheme, or null while it has problems. */
  built: { scheme: SegmentScheme; bindings: SegmentBindings } | null;
  split: boolean;
  defaultName: string;
  defaultSchemeName: string;
  /** Names of the saved segmentations: saving under one replaces it. */
  savedNames: string[];
  onSaved: (what: 'segmentation' | 'scheme', name: string) => void;
}

export function SaveRulesForms({
  built,
  split,
  defaultName,
  defaultSchemeName,
  savedNames,
  onSaved,
}: SaveRulesFormsProps) {
  const client = useClient();
  const { t } = useTranslation('segments');
  const [name, setName] = useState(defaultName);
  const [schemeName, setSchemeName] = useState(defaultSchemeName);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'info' | 'error'; text: string } | null>(null);
  const replaces = savedNames.find((saved) => saved.toLowerCase() === name.trim().toLowerCase());
  const schemeNameOk = SCHEME_NAME.test(schemeName);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setResult(null);
    try {
      setResult({ tone: 'info', text: await action() });
    } catch (error) {
      setResult({ tone: 'error', text: (error as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const saveVariable = (event: FormEvent) => {
    event.preventDefault();
    if (!built) return;
    void run(async () => {
      const saved = await client.invoke('segments.save', {
        scheme: built.scheme,
        bindings: built.bindings,
        ...(split ? { split: 'valence' as const } : {}),
        name: name.trim(),
        label: built.scheme.title,
      });
      onSaved('segmentation', saved.name);
      const given = saved.segments.reduce((sum, segment) => sum + segment.count, 0);
      return t('save.savedVariable', {
        name: saved.name,
        respondents: formatInteger(given),
        count: saved.segments.length,
      });
    });
  };

  const saveScheme = (event: FormEvent) => {
    event.preventDefault();
    if (!built || !schemeNameOk) return;
    void run(async () => {
      const saved = await client.invoke('segments.saveScheme', {
        scheme: { ...built.scheme, name: schemeName },
      });
      onSaved('scheme', saved.scheme.name);
      return t('save.savedScheme', { name: saved.scheme.name });
    });
  };

  return (
    <section className="panel save-rules" aria-label={t('save.label')}>
      <form className="stack" onSubmit={saveVariable} aria-label={t('save.variableForm')}>
        <label className="field">
          <span>{t('save.variableName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={64} />
        </label>
        {replaces && (
          <p className="muted save-rules__hint">{t('save.replaces', { name: replaces })}</p>
        )}
        <button type="submit" className="primary" disabled={busy || !built || !name.trim()}>
          {t('save.saveVariable')}
        </button>
      </form>
      <form className="stack" onSubmit={saveScheme} aria-label={t('save.schemeForm')}>
        <label className="field">
          <span>{t('save.schemeName')}</span>
          <input
            value={schemeName}
            onChange={(e) => setSchemeName(e.target.value)}
            required
            maxLength={64}
            aria-invalid={!schemeNameOk}
          />
        </label>
        <button type="submit" disabled={busy || !built || !schemeNameOk}>
          {t('save.saveScheme')}
        </button>
      </form>
      {result && (
        <p
          className={`notice notice--${result.tone} save-rules__result`}
          role={result.tone === 'error' ? 'alert' : 'status'}
        >
          {result.text}
        </p>
      )}
    </section>
  );
}
