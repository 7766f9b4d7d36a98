/**
 * Side by side: how does Italy differ from Germany? Pick a dimension (country, industry, wave, a
 * segment) and a question; ONE table runs with the question in rows and the dimension as the
 * banner, so the column-proportions letters compare the dimension's values with each other.
 * Each value gets a panel, all on one scale, marked with the letters of the values it is
 * significantly higher than and ▲/▼ against the rest of the sample.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VariableSelect } from '../../../components/VariableSelect';
import type { VariableSummary } from '../../../../../shared/domain/study';
import type { TableSpec } from '../../../../../shared/domain/table';
import { formatNumber, tableDecimals } from '../../../../../shared/domain/tableFormat';
import { sideBySidePanels } from '../../../../../shared/charts/sideBySidePanels';
import { SIG_LEVELS } from '../Charts/ChartTablePicker';
import { useStudyVariables } from '../Charts/useStudyVariables';
import { useTableResult } from '../Charts/useTableResult';
import { ComparePanel } from './ComparePanel';

interface SideBySideViewProps {
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

/** Single-choice variables to compare by, the study's own (country, industry, wave…) first. */
export function dimensionChoices(variables: VariableSummary[]): VariableSummary[] {
  const single = variables.filter((v) => v.type === 'single');
  return [...single.filter((v) => v.isSystem), ...single.filter((v) => !v.isSystem)];
}

export function SideBySideView({ onNotice }: SideBySideViewProps) {
  const { t } = useTranslation('compare');
  const onError = useCallback((message: string) => onNotice('error', message), [onNotice]);
  const { variables, revision } = useStudyVariables(onError);
  const [dimension, setDimension] = useState('');
  const [question, setQuestion] = useState('');
  const [weight, setWeight] = useState('');
  const [sig, setSig] = useState(0);
  const [showAs, setShowAs] = useState<'charts' | 'tables'>('charts');

  const dimensions = dimensionChoices(variables);
  const questions = variables.filter((v) => v.type !== 'numeric');
  const weights = variables.filter((v) => v.type === 'numeric');
  const has = (name: string) => variables.some((v) => v.name === name);
  // Until the user picks, compare countries on customer energy where the study has them.
  const shownDimension = dimension || (has('country') ? 'country' : (dimensions[0]?.name ?? ''));
  const shownQuestion = question || (has('energy') ? 'energy' : '');

  const spec = useMemo((): TableSpec | null => {
    if (!shownDimension || !shownQuestion || shownDimension === shownQuestion) return null;
    return {
      rows: [shownQuestion],
      columns: [{ variables: [shownDimension] }],
      ...(weight ? { weight } : {}),
      sigLevels: SIG_LEVELS[sig]?.levels ?? [0.95],
    };
  }, [shownDimension, shownQuestion, weight, sig]);
  const { result, error } = useTableResult(spec, revision);
  const sideBySide = useMemo(
    () => (result ? sideBySidePanels(result, tableDecimals(spec ?? undefined)) : null),
    [result, spec],
  );

  return (
    <section className="side-by-side" aria-labelledby="side-by-side-heading">
      <h2 id="side-by-side-heading">{t('heading')}</h2>
      <div className="inline-form panel side-by-side__options">
        <VariableSelect
          label={t('dimension')}
          variables={dimensions}
          value={shownDimension}
          onChange={setDimension}
        />
        <VariableSelect
          label={t('question')}
          variables={questions}
          value={shownQuestion}
          onChange={setQuestion}
          empty={t('chooseQuestion')}
        />
        <VariableSelect
          label={t('weight')}
          variables={weights}
          value={weight}
          onChange={setWeight}
          empty={t('unweighted')}
        />
        <label className="field">
          <span>{t('significance')}</span>
          <select value={sig} onChange={(e) => setSig(Number(e.target.value))}>
            {SIG_LEVELS.map((choice, index) => (
              <option key={choice.label} value={index}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="side-by-side__show">
          <legend>{t('showAs')}</legend>
          {(['charts', 'tables'] as const).map((choice) => (
            <label key={choice} className="checkbox">
              <input
                type="radio"
                name="side-by-side-show"
                checked={showAs === choice}
                onChange={() => setShowAs(choice)}
              />
              {t(choice)}
            </label>
          ))}
        </fieldset>
      </div>
      {shownDimension && shownDimension === shownQuestion && (
        <p className="notice notice--warn" role="status">
          {t('sameVariable')}
        </p>
      )}
      {!shownQuestion && <p className="muted">{t('chooseQuestion')}</p>}
      {error && (
        <pre role="alert" className="notice notice--error">
          {error}
        </pre>
      )}
      {sideBySide && result && (
        <>
          <p className="side-by-side__scale">
            {t('scaleNote', {
              count: sideBySide.panels.length,
              max: formatNumber(sideBySide.axisMax, 'percent'),
            })}
          </p>
          <div className="side-by-side__panels">
            {sideBySide.panels.map((panel) => (
              <ComparePanel
                key={panel.key}
                panel={panel}
                axisMax={sideBySide.axisMax}
                showAs={showAs}
              />
            ))}
          </div>
          <div className="chart-footnote muted">
            <p>{t('lettersNote')}</p>
            <p>{result.footnote}</p>
          </div>
        </>
      )}
    </section>
  );
}
