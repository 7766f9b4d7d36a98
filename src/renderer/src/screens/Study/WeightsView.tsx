/**
 * Weights: RIM (raking) weights entered here — the variables to rake on, a target share per
 * category (per group when weighting within countries or waves), optional caps — computed in the
 * worker, saved as a weight variable with its definition, and reported with diagnostics per group:
 * converged or not, iterations, range, mean, efficiency and effective base.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { WeightDefinition, WeightReport } from '../../../../shared/domain/dataset';
import type { VariableSummary } from '../../../../shared/domain/study';
import { useClient, useEvent } from '../../api/ClientContext';
import { useTranslation } from 'react-i18next';
import { formatLabel } from '../../format';
import { WeightTargets, type VariableTargets } from './WeightTargets';
import { DataQualityPanel } from './DataQualityPanel';

interface WeightsViewProps {
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

/** The form's typed percentages as the definition's targets (groups keyed by code). */
function toDefinitionTargets(
  by: string,
  all: Record<string, VariableTargets>,
): WeightDefinition['targets'] {
  const numbers = (byCode: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(byCode)
        .filter(([, text]) => text.trim() !== '')
        .map(([code, text]) => [code, Number(text)]),
    );
  if (!by)
    return Object.fromEntries(
      Object.entries(all).map(([variable, t]) => [variable, numbers(t.all ?? {})]),
    );
  const groups = new Set(Object.values(all).flatMap((t) => Object.keys(t)));
  return Object.fromEntries(
    [...groups].map((group) => [
      group,
      Object.fromEntries(
        Object.entries(all).map(([variable, t]) => [variable, numbers(t[group] ?? {})]),
      ),
    ]),
  );
}

function fromDefinition(definition: WeightDefinition): Record<string, VariableTargets> {
  const text = (byCode: Record<string, number>) =>
    Object.fromEntries(Object.entries(byCode).map(([c, n]) => [c, String(n)]));
  const result: Record<string, VariableTargets> = {};
  if (!definition.by) {
    for (const [variable, byCode] of Object.entries(
      definition.targets as Record<string, Record<string, number>>,
    )) {
      result[variable] = { all: text(byCode) };
    }
    return result;
  }
  for (const [group, variables] of Object.entries(
    definition.targets as Record<string, Record<string, Record<string, number>>>,
  )) {
    for (const [variable, byCode] of Object.entries(variables))
      result[variable] = { ...(result[variable] ?? {}), [group]: text(byCode) };
  }
  return result;
}

export function WeightsView({ onNotice }: WeightsViewProps) {
  const client = useClient();
  const { t } = useTranslation('weights');
  const [variables, setVariables] = useState<VariableSummary[]>([]);
  const [saved, setSaved] = useState<Array<{ name: string; definition: WeightDefinition }>>([]);
  const [name, setName] = useState('w_rim');
  const [by, setBy] = useState('');
  const [adding, setAdding] = useState('');
  const [targets, setTargets] = useState<Record<string, VariableTargets>>({});
  const [capMin, setCapMin] = useState('');
  const [capMax, setCapMax] = useState('');
  const [combine, setCombine] = useState<'weighted' | 'equal'>('weighted');
  const [report, setReport] = useState<WeightReport | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    client.invoke('study.describe', {}).then(
      (d) => setVariables(d.variables.filter((v) => v.type === 'single')),
      (e: Error) => onNotice('error', e.message),
    );
    client.invoke('weights.list', {}).then(setSaved, (e: Error) => onNotice('error', e.message));
  }, [client, onNotice]);
  useEffect(load, [load]);
  // Another label language (or new data) changes what the lists show.
  useEvent(
    'study.changed',
    useCallback((change) => change.study && load(), [load]),
  );

  const edit = (entry: { name: string; definition: WeightDefinition }) => {
    setName(entry.name);
    setBy(entry.definition.by ?? '');
    setTargets(fromDefinition(entry.definition));
    setCapMin(entry.definition.cap ? String(entry.definition.cap.min) : '');
    setCapMax(entry.definition.cap ? String(entry.definition.cap.max) : '');
    setCombine(entry.definition.combine === 'equal' ? 'equal' : 'weighted');
    setReport(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await client.invoke('weights.rim', {
        name,
        targets: toDefinitionTargets(by, targets),
        ...(by ? { by, combine } : {}),
        ...(capMin && capMax ? { cap: { min: Number(capMin), max: Number(capMax) } } : {}),
      });
      setReport(result);
      onNotice(
        result.overall.converged ? 'info' : 'error',
        t(result.overall.converged ? 'savedNotice' : 'notConverged', { name: result.name }),
      );
      load();
    } catch (error) {
      onNotice('error', (error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="weights-view" aria-labelledby="weights-heading">
      <h2 id="weights-heading">{t('heading')}</h2>
      <DataQualityPanel />
      {saved.length > 0 && (
        <ul className="saved-weights" aria-label={t('saved')}>
          {saved.map((entry) => (
            <li key={entry.name}>
              <button type="button" className="link" onClick={() => edit(entry)}>
                {entry.name}
              </button>{' '}
              <span className="muted">
                {entry.definition.by
                  ? t('rimOnWithin', {
                      variables: Object.keys(fromDefinition(entry.definition)).join(', '),
                      by: entry.definition.by,
                    })
                  : t('rimOn', {
                      variables: Object.keys(fromDefinition(entry.definition)).join(', '),
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <form className="stack" onSubmit={submit} aria-label={t('formLabel')}>
        <div className="inline-form panel">
          <label className="field">
            <span>{t('name')}</span>
            <input value={name} onChange={(e) => setName(e.target.value)} required />
          </label>
          <label className="field">
            <span>{t('within')}</span>
            <select value={by} onChange={(e) => setBy(e.target.value)}>
              <option value="">{t('allTogether')}</option>
              {variables.map((v) => (
                <option key={v.name} value={v.name}>
                  {t('each', { name: v.name })}
                </option>
              ))}
            </select>
          </label>
          {by && (
            <label className="field">
              <span>{t('combine')}</span>
              <select
                value={combine}
                onChange={(e) => setCombine(e.target.value as 'weighted' | 'equal')}
              >
                <option value="weighted">{t('asWeighted')}</option>
                <option value="equal">{t('equal')}</option>
              </select>
            </label>
          )}
          <label className="field">
            <span>{t('capMin')}</span>
            <input
              value={capMin}
              onChange={(e) => setCapMin(e.target.value)}
              placeholder={t('capMinPlaceholder')}
              inputMode="decimal"
            />
          </label>
          <label className="field">
            <span>{t('capMax')}</span>
            <input
              value={capMax}
              onChange={(e) => setCapMax(e.target.value)}
              placeholder={t('capMaxPlaceholder')}
              inputMode="decimal"
            />
          </label>
        </div>
        <div className="inline-form">
          <label className="field">
            <span>{t('rakeOn')}</span>
            <select
              value={adding}
              onChange={(e) => setAdding(e.target.value)}
              aria-label={t('rakeOnLabel')}
            >
              <option value="">{t('chooseVariable')}</option>
              {variables
                .filter((v) => !(v.name in targets) && v.name !== by)
                .map((v) => (
                  <option key={v.name} value={v.name}>
                    {v.name}{' '}
                    {v.label
                      ? `— ${formatLabel(v.label, v.labelFallback ? v.labelLanguage : null)}`
                      : ''}
                  </option>
                ))}
            </select>
          </label>
          <button
            type="button"
            disabled={!adding}
            onClick={() => {
              setTargets((current) => ({ ...current, [adding]: {} }));
              setAdding('');
            }}
          >
            {t('add')}
          </button>
        </div>
        {Object.keys(targets).map((variable) => (
          <WeightTargets
            key={variable}
            variable={variable}
            by={by}
            targets={targets[variable]!}
            onChange={(next) => setTargets((current) => ({ ...current, [variable]: next }))}
            onRemove={() =>
              setTargets((current) =>
                Object.fromEntries(Object.entries(current).filter(([key]) => key !== variable)),
              )
            }
          />
        ))}
        <button
          type="submit"
          className="primary"
          disabled={busy || Object.keys(targets).length === 0 || !name}
        >
          {busy ? t('computing') : t('compute')}
        </button>
      </form>
      {report && (
        <div className="panel">
          <h3>{t('diagnostics', { name: report.name })}</h3>
          <table className="data-table" aria-label={t('diagnosticsLabel')}>
            <thead>
              <tr>
                <th>{t('columns.group')}</th>
                <th>{t('columns.converged')}</th>
                <th className="num">{t('columns.iterations')}</th>
                <th className="num">{t('columns.min')}</th>
                <th className="num">{t('columns.max')}</th>
                <th className="num">{t('columns.mean')}</th>
                <th className="num">{t('columns.efficiency')}</th>
                <th className="num">{t('columns.effectiveBase')}</th>
              </tr>
            </thead>
            <tbody>
              {[...report.groups, { group: t('overall'), ...report.overall }].map((g) => (
                <tr key={g.group}>
                  <th scope="row">{g.group}</th>
                  <td>{g.converged ? t('yes') : t('no')}</td>
                  <td className="num">{g.iterations}</td>
                  <td className="num">{g.min.toFixed(3)}</td>
                  <td className="num">{g.max.toFixed(3)}</td>
                  <td className="num">{g.mean.toFixed(3)}</td>
                  <td className="num">{percent(g.efficiency)}</td>
                  <td className="num">{g.effectiveBase.toFixed(1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.warnings.length > 0 && (
            <ul className="validation">
              {report.warnings.map((warning, index) => (
                <li key={index} className="validation__item validation__item--warning">
                  {warning}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
