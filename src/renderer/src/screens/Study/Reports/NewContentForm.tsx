/**
 * A chart or table made in place, without saving it first: a question, a banner and (for a chart)
 * a chart kind. The item carries its spec inline, so the preview and every export draw it as they
 * draw a saved one; it is not offered elsewhere in the study.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { chartKinds, type ChartKind, type ChartSpec } from '../../../../../shared/domain/chart';
import type { ReportItem } from '../../../../../shared/domain/report';
import type { TableSpec } from '../../../../../shared/domain/table';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { VariableSelect } from '../../../components/VariableSelect';
import { useStudyVariables } from '../Charts/useStudyVariables';

interface NewContentFormProps {
  kind: 'chart' | 'table';
  onAdd: (item: ReportItem, title: string) => void;
  onCancel: () => void;
}

function labelOf(variables: readonly VariableSummary[], name: string): string {
  return variables.find((v) => v.name === name)?.label || name;
}

export function NewContentForm({ kind, onAdd, onCancel }: NewContentFormProps) {
  const { t } = useTranslation(['reports', 'charts']);
  const [error, setError] = useState<string | null>(null);
  const { variables } = useStudyVariables(setError);
  const [question, setQuestion] = useState('');
  const [banner, setBanner] = useState('');
  const [chartKind, setChartKind] = useState<ChartKind>('bar');
  const [title, setTitle] = useState('');
  const questions = variables.filter((v) => v.type !== 'numeric' && !v.isSystem);
  const banners = variables.filter((v) => v.type === 'single');
  const heading = kind === 'chart' ? t('inPlace.newChart') : t('inPlace.newTable');

  const shownTitle =
    title.trim() ||
    (question === ''
      ? ''
      : banner === ''
        ? labelOf(variables, question)
        : t('inPlace.titleBy', {
            question: labelOf(variables, question),
            banner: labelOf(variables, banner),
          }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (question === '') return;
    const table: TableSpec = {
      rows: [question],
      columns: banner === '' ? [] : [{ variables: [banner] }],
    };
    const item: ReportItem =
      kind === 'chart'
        ? {
            kind: 'chart',
            chart: { kind: chartKind, table, value: 'colPct' } satisfies ChartSpec,
            title: shownTitle,
          }
        : { kind: 'table', table, title: shownTitle };
    onAdd(item, shownTitle);
  };

  return (
    <form className="report-new-content" onSubmit={submit} aria-label={heading}>
      <h4>{heading}</h4>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <VariableSelect
        label={t('inPlace.question')}
        variables={questions}
        value={question}
        onChange={setQuestion}
        empty={t('inPlace.chooseQuestion')}
      />
      <VariableSelect
        label={t('inPlace.banner')}
        variables={banners}
        value={banner}
        onChange={setBanner}
        empty={t('inPlace.totalOnly')}
      />
      {kind === 'chart' && (
        <label className="field">
          <span>{t('inPlace.chartKind')}</span>
          <select value={chartKind} onChange={(e) => setChartKind(e.target.value as ChartKind)}>
            {chartKinds.map((k) => (
              <option key={k} value={k}>
                {t(`charts:kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('inPlace.title')}</span>
        <input
          value={title}
          placeholder={shownTitle || t('inPlace.titleHint')}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <div className="report-new-content__actions">
        <button type="submit" disabled={question === ''}>
          {kind === 'chart' ? t('inPlace.addChart') : t('inPlace.addTable')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('inPlace.cancel')}
        </button>
      </div>
    </form>
  );
}
