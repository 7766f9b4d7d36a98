/**
 * The targets of one raking variable: a row per category and a column per group (or one column
 * without groups), each cell the target share in percent. The sample's own shares are shown
 * beside each input so the user sees how far the weight has to move the data.
 */
import { useCallback, useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TableResult } from '../../../../shared/domain/table';
import { useClient, useEvent } from '../../api/ClientContext';
import { LabelText } from '../../components/LabelText';

/** group key ("all" without groups) → category code → target percent, as typed. */
export type VariableTargets = Record<string, Record<string, string>>;

interface WeightTargetsProps {
  variable: string;
  by: string;
  targets: VariableTargets;
  onChange: (targets: VariableTargets) => void;
  onRemove: () => void;
}

export function WeightTargets({ variable, by, targets, onChange, onRemove }: WeightTargetsProps) {
  const client = useClient();
  const { t } = useTranslation('weights');
  const [sample, setSample] = useState<TableResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when the study changes (another label language, new data): the sample runs again.
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );

  useEffect(() => {
    let current = true;
    client
      .invoke('tables.run', {
        spec: { rows: [variable], columns: by ? [{ variables: [by] }] : [] },
      })
      .then(
        (table) => {
          if (current) setSample(table);
        },
        (failure: Error) => current && setError(failure.message),
      );
    return () => {
      current = false;
    };
  }, [client, variable, by, revision]);

  if (error) return <p className="notice notice--error">{error}</p>;
  if (!sample) return <p className="muted">{t('targets.loading', { variable })}</p>;
  const groups = by
    ? sample.columns
        .map((column, index) => ({
          key: String(column.code),
          label: column.label,
          labelLanguage: column.labelLanguage,
          index,
        }))
        .slice(1)
    : [{ key: 'all', label: t('targets.allRespondents'), labelLanguage: undefined, index: 0 }];
  const sum = (key: string) =>
    Object.values(targets[key] ?? {}).reduce((total, text) => total + (Number(text) || 0), 0);

  return (
    <div className="panel weight-targets">
      <header className="inline-form">
        <h4>{variable}</h4>
        <button type="button" className="link" onClick={onRemove}>
          {t('targets.remove')}
        </button>
      </header>
      <table className="data-table" aria-label={t('targets.tableLabel', { variable })}>
        <thead>
          <tr>
            <th>{t('targets.category')}</th>
            {groups.map((group) => (
              <th key={group.key} className="num">
                <Trans
                  t={t}
                  i18nKey="targets.targetPercent"
                  components={{
                    label: <LabelText text={group.label} fallbackLanguage={group.labelLanguage} />,
                  }}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sample.rows.map((row) => (
            <tr key={String(row.code)}>
              <th scope="row">
                <LabelText text={row.label} fallbackLanguage={row.labelLanguage} />
              </th>
              {groups.map((group) => {
                const observed = row.cells[group.index]?.colPct;
                return (
                  <td key={group.key} className="num">
                    <input
                      className="target-input"
                      inputMode="decimal"
                      value={targets[group.key]?.[String(row.code)] ?? ''}
                      placeholder={
                        observed === null || observed === undefined ? '' : observed.toFixed(1)
                      }
                      onChange={(e) =>
                        onChange({
                          ...targets,
                          [group.key]: {
                            ...(targets[group.key] ?? {}),
                            [String(row.code)]: e.target.value,
                          },
                        })
                      }
                      aria-label={t('targets.inputLabel', {
                        variable,
                        category: row.label,
                        group: group.label,
                      })}
                    />
                    <span className="muted">
                      {' '}
                      {t('targets.now', {
                        value:
                          observed === null || observed === undefined
                            ? '–'
                            : `${observed.toFixed(1)}%`,
                      })}
                    </span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('targets.sum')}</th>
            {groups.map((group) => (
              <td
                key={group.key}
                className={Math.abs(sum(group.key) - 100) > 0.5 ? 'num low-base' : 'num'}
              >
                {sum(group.key).toFixed(1)}%
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
