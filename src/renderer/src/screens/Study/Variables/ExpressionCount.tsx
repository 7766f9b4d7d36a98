/**
 * The live count under an expression: how many respondents a filter keeps, or the new
 * variable's distribution (counts per code, or range and mean for a measure). An error shows the
 * expression with a caret under the column the parser names.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../../shared/domain/tableFormat';
import { formatInteger } from '../../../format';
import type { ExpressionCount as Count } from './useExpressionPreview';

export function ExpressionCount({ count }: { count: Count }) {
  const { t } = useTranslation('variables');
  const { preview, error, pending } = count;
  const problem = error ?? (preview?.as === 'invalid' ? preview.message : null);
  return (
    <section className="expression-count" aria-label={t('define.liveCount')}>
      <p className="muted expression-count__state" role="status">
        {pending ? t('define.counting') : !preview && !problem ? t('define.typeToCount') : ''}
      </p>
      {problem && (
        <pre role="alert" className="notice notice--error expression-count__error">
          {problem}
        </pre>
      )}
      {preview?.as === 'filter' && (
        <p className="expression-count__result">
          {t('define.keeps', {
            kept: formatInteger(preview.kept),
            rows: formatInteger(preview.rows),
            share: formatNumber(
              preview.rows ? (100 * preview.kept) / preview.rows : null,
              'percent',
              {
                percent: 1,
                mean: 2,
                count: 0,
              },
            ),
          })}
        </p>
      )}
      {preview?.as === 'derived' && (
        <div className="expression-count__result">
          <p>
            {t('define.valid', {
              valid: formatInteger(preview.valid),
              rows: formatInteger(preview.rows),
            })}
          </p>
          {preview.summary && (
            <p>
              {t('define.measure', {
                min: formatNumber(preview.summary.min, 'mean'),
                mean: formatNumber(preview.summary.mean, 'mean'),
                max: formatNumber(preview.summary.max, 'mean'),
              })}
            </p>
          )}
          {preview.categories && (
            <table className="data-table" aria-label={t('define.distribution')}>
              <thead>
                <tr>
                  <th className="num">{t('detail.code')}</th>
                  <th>{t('columns.label')}</th>
                  <th className="num">{t('define.count')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.categories.map((category) => (
                  <tr key={category.code}>
                    <td className="num">{category.code}</td>
                    <td>
                      {category.label ?? <span className="muted">{t('define.unlabelled')}</span>}
                    </td>
                    <td className="num">{formatInteger(category.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
