/**
 * One codebook entry in full: its label, kind and type, how a derived or segment variable was
 * made, its value labels (editable in the label language), missing codes, and which sources —
 * country · wave · respondent type — hold it.
 */
import { useTranslation } from 'react-i18next';
import type { MissingCodeDetail, VariableDetail } from '../../../../../shared/api/variables';
import { LabelText } from '../../../components/LabelText';
import { formatInteger } from '../../../format';
import { LabelEditor, type LabelChanges } from './LabelEditor';

interface VariableDetailPanelProps {
  detail: VariableDetail;
  /** Changes with every saved edit or undo, so the editor starts again from the stored labels. */
  revision: number;
  onSave: (changes: LabelChanges) => void;
  onNothingChanged: () => void;
}

function MissingCode({ code }: { code: MissingCodeDetail }) {
  const { t } = useTranslation('variables');
  if (code.kind === 'value') return <>{code.value}</>;
  return (
    <>
      {t('detail.range', {
        low: code.low ?? t('detail.lowest'),
        high: code.high ?? t('detail.highest'),
      })}
    </>
  );
}

export function VariableDetailPanel({
  detail,
  revision,
  onSave,
  onNothingChanged,
}: VariableDetailPanelProps) {
  const { t } = useTranslation('variables');
  return (
    <section className="panel variable-detail" aria-label={t('detail.label')}>
      <h3>
        {detail.name}{' '}
        <span className="variable-detail__label">
          {detail.label === null ? (
            <span className="muted">{t('detail.noLabel')}</span>
          ) : (
            <LabelText
              text={detail.label}
              fallbackLanguage={detail.labelFallback ? detail.labelLanguage : null}
            />
          )}
        </span>
      </h3>
      <dl className="facts variable-detail__facts">
        <dt>{t('detail.kind')}</dt>
        <dd>
          {t(`origins.${detail.origin}`)}
          {detail.isIdentifying && <> · {t('identifying')}</>}
        </dd>
        <dt>{t('detail.type')}</dt>
        <dd>{t(`types.${detail.type}`)}</dd>
        {detail.expression !== null && (
          <>
            <dt>{t('detail.expression')}</dt>
            <dd>
              <code>{detail.expression}</code>
            </dd>
          </>
        )}
        {detail.method !== null && (
          <>
            <dt>{t('detail.method')}</dt>
            <dd>{detail.method}</dd>
          </>
        )}
        {detail.set && (
          <>
            <dt>{t('detail.setType')}</dt>
            <dd>
              {detail.set.type === 'dichotomies'
                ? t('detail.dichotomies', { value: detail.set.countedValue ?? '' })
                : t('detail.categories')}
            </dd>
            <dt>{t('detail.members')}</dt>
            <dd>{detail.set.variables.join(', ')}</dd>
          </>
        )}
        <dt>{t('detail.missing')}</dt>
        <dd>
          {detail.missingCodes.length === 0
            ? t('detail.noMissing')
            : detail.missingCodes.map((code, i) => (
                <span key={i}>
                  {i > 0 && ', '}
                  <MissingCode code={code} />
                </span>
              ))}
        </dd>
      </dl>
      {detail.readOnlyReason && (
        <p className="muted">{t('edit.locked', { reason: detail.readOnlyReason })}</p>
      )}
      <LabelEditor
        key={`${detail.name}:${detail.language}:${revision}`}
        detail={detail}
        editable={detail.readOnlyReason === null}
        onSave={onSave}
        onNothingChanged={onNothingChanged}
      />
      <h4>{t('detail.sources')}</h4>
      {detail.sources.length === 0 ? (
        <p className="muted">{t('detail.noSources')}</p>
      ) : (
        <table className="data-table" aria-label={t('detail.sources')}>
          <thead>
            <tr>
              <th>{t('detail.file')}</th>
              <th>{t('detail.country')}</th>
              <th>{t('detail.wave')}</th>
              <th>{t('detail.respondents')}</th>
              <th className="num">{t('detail.rows')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.sources.map((source, i) => (
              <tr key={`${i}:${source.fileName}`}>
                <td>{source.fileName}</td>
                <td>
                  {source.countryName ?? source.country ?? '–'}
                  {source.country &&
                    source.countryName &&
                    source.countryName !== source.country && (
                      <span className="muted"> {source.country}</span>
                    )}
                </td>
                <td>{source.wave ?? '–'}</td>
                <td>{source.respondentType ?? '–'}</td>
                <td className="num">{formatInteger(source.rows)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
