/**
 * The chosen k's clusters: a name for each (what the segment variable's labels will be), its size
 * and share, and its centre in each variable's own units, beside the mean of everyone clustered.
 */
import { useTranslation } from 'react-i18next';
import type { KMeansReport, KMeansSolution } from '../../../../../shared/domain/segments';
import { formatInteger } from '../../../format';
import { formatFixed, formatShare } from './segmentsFormat';

interface ClusterCentresProps {
  report: KMeansReport;
  solution: KMeansSolution;
  names: string[];
  onRename: (index: number, name: string) => void;
}

export function ClusterCentres({ report, solution, names, onRename }: ClusterCentresProps) {
  const { t } = useTranslation('segments');
  return (
    <table
      className="data-table cluster-centres"
      aria-label={t('result.centres', { k: solution.k })}
    >
      <thead>
        <tr>
          <th scope="col">{t('result.cluster')}</th>
          <th scope="col">{t('result.name')}</th>
          <th scope="col" className="num">
            {t('result.respondents')}
          </th>
          <th scope="col" className="num">
            {t('result.share')}
          </th>
          {report.variables.map((variable) => (
            <th key={variable} scope="col" className="num">
              {variable}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {solution.clusters.map((cluster, index) => (
          <tr key={cluster.id}>
            <th scope="row">{cluster.id}</th>
            <td>
              <input
                className="cluster-centres__name"
                value={names[index] ?? ''}
                onChange={(e) => onRename(index, e.target.value)}
                aria-label={t('result.nameOf', { id: cluster.id })}
                maxLength={200}
              />
            </td>
            <td className="num">{formatInteger(cluster.size)}</td>
            <td className="num">{formatShare(cluster.size / report.included)}</td>
            {report.variables.map((variable) => (
              <td key={variable} className="num">
                {formatFixed(cluster.center[variable] ?? Number.NaN, 2)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={2}>
            Everyone clustered (mean)
          </th>
          <td className="num">{formatInteger(report.included)}</td>
          <td className="num">{formatShare(1)}</td>
          {report.scaling.map((scaling) => (
            <td key={scaling.variable} className="num">
              {formatFixed(scaling.mean, 2)}
            </td>
          ))}
        </tr>
      </tfoot>
    </table>
  );
}
