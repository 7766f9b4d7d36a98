/**
 * A clustering's diagnostics per k, to choose k by: within-cluster sum of squares, the share of the
 * total sum of squares between clusters, the mean silhouette width and the cluster sizes.
 */
import { useTranslation } from 'react-i18next';
import type { KMeansReport } from '../../../../../shared/domain/segments';
import { formatInteger } from '../../../format';
import { formatFixed, formatShare } from './segmentsFormat';

interface ClusterDiagnosticsProps {
  report: KMeansReport;
  chosenK: number;
  onChoose: (k: number) => void;
}

export function ClusterDiagnostics({ report, chosenK, onChoose }: ClusterDiagnosticsProps) {
  const { t } = useTranslation('segments');
  const best = Math.max(...report.solutions.map((s) => s.silhouette));
  return (
    <div className="cluster-diagnostics">
      <table className="data-table" aria-label={t('result.diagnostics')}>
        <thead>
          <tr>
            <th scope="col">{t('result.show')}</th>
            <th scope="col">k</th>
            <th scope="col" className="num">
              {t('result.within')}
            </th>
            <th scope="col" className="num">
              {t('result.between')}
            </th>
            <th scope="col" className="num">
              {t('result.silhouette')}
            </th>
            <th scope="col">{t('result.sizes')}</th>
          </tr>
        </thead>
        <tbody>
          {report.solutions.map((solution) => (
            <tr
              key={solution.k}
              className={solution.k === chosenK ? 'cluster-diagnostics__chosen' : undefined}
            >
              <td>
                <input
                  type="radio"
                  name="chosen-k"
                  checked={solution.k === chosenK}
                  onChange={() => onChoose(solution.k)}
                  aria-label={t('result.showK', { k: solution.k })}
                />
              </td>
              <th scope="row">{solution.k}</th>
              <td className="num">{formatFixed(solution.withinSS, 1)}</td>
              <td className="num">
                {formatShare(
                  solution.totalSS > 0
                    ? (solution.totalSS - solution.withinSS) / solution.totalSS
                    : 0,
                )}
              </td>
              <td className="num">
                {formatFixed(solution.silhouette, 3)}
                {solution.silhouette === best && report.solutions.length > 1 && (
                  <span className="muted" title={t('result.highestTitle')}>
                    {' '}
                    {t('result.highest')}
                  </span>
                )}
              </td>
              <td>{solution.clusters.map((c) => formatInteger(c.size)).join(' / ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted cluster-diagnostics__note">
        {t(report.standardize ? 'result.noteStandardised' : 'result.noteOwn', {
          total: formatFixed(report.solutions[0]?.totalSS ?? 0, 1),
          sample: formatInteger(report.silhouetteSample),
        })}{' '}
        {report.solutions.length > 1 && t('result.chooseK')}
      </p>
    </div>
  );
}
