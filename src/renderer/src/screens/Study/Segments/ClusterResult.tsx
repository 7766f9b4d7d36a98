/**
 * What a k-means run found: who was clustered and who left out, the diagnostics per k, and the
 * chosen k's clusters to name and save as a segment variable.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { KMeansReport } from '../../../../../shared/domain/segments';
import { formatInteger } from '../../../format';
import { ClusterCentres } from './ClusterCentres';
import { ClusterDiagnostics } from './ClusterDiagnostics';

interface ClusterResultProps {
  report: KMeansReport;
  savedNames: string[];
  saving: boolean;
  onSave: (k: number, name: string, labels: string[]) => void;
}

/** The k with the highest mean silhouette: where to look first. */
function bestK(report: KMeansReport): number {
  let best = report.solutions[0]!;
  for (const solution of report.solutions)
    if (solution.silhouette > best.silhouette) best = solution;
  return best.k;
}

export function ClusterResult({ report, savedNames, saving, onSave }: ClusterResultProps) {
  const { t } = useTranslation('segments');
  const [chosenK, setChosenK] = useState(() => bestK(report));
  const [names, setNames] = useState<Record<number, string[]>>({});
  const [name, setName] = useState('clusters');
  const solution = report.solutions.find((s) => s.k === chosenK) ?? report.solutions[0]!;
  const labels = names[solution.k] ?? solution.clusters.map((cluster) => cluster.label);
  const replaces = savedNames.find((saved) => saved.toLowerCase() === name.trim().toLowerCase());
  const unnamed = labels.some((label) => label.trim() === '');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim() || unnamed) return;
    onSave(
      solution.k,
      name.trim(),
      labels.map((label) => label.trim()),
    );
  };

  return (
    <section className="panel stack cluster-result" aria-label={t('result.label')}>
      <p className="cluster-result__base">
        {t('result.clustered', {
          included: formatInteger(report.included),
          variables: report.variables.join(', '),
        })}{' '}
        <strong>{t('result.leftOut', { excluded: formatInteger(report.excluded) })}</strong>
      </p>
      <ClusterDiagnostics report={report} chosenK={solution.k} onChoose={setChosenK} />
      <h4>{t('result.heading', { k: solution.k })}</h4>
      <p className="muted">{t('result.numbered')}</p>
      <ClusterCentres
        report={report}
        solution={solution}
        names={labels}
        onRename={(index, text) =>
          setNames((current) => ({
            ...current,
            [solution.k]: labels.map((label, i) => (i === index ? text : label)),
          }))
        }
      />
      <form className="inline-form" onSubmit={submit} aria-label={t('result.saveForm')}>
        <label className="field">
          <span>{t('result.variableName')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={64} required />
        </label>
        <button type="submit" className="primary" disabled={saving || !name.trim() || unnamed}>
          {t('result.save', { k: solution.k })}
        </button>
        {replaces && <span className="muted">{t('result.replaces', { name: replaces })}</span>}
        {unnamed && <span className="muted">{t('result.unnamed')}</span>}
      </form>
    </section>
  );
}
