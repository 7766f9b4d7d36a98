/**
 * A clustering's diagnostics per k, to choose k by: within-cluster sum of squares, the share of the
 * total sum of squares between clusters, the mean silhouette width and the cluster sizes.
 */
import type { KMeansReport } from '../../../../../shared/domain/segments';
import { formatInteger } from '../../../format';
import { formatFixed, formatShare } from './segmentsFormat';

interface ClusterDiagnosticsProps {
  report: KMeansReport;
  chosenK: number;
  onChoose: (k: number) => void;
}

export function ClusterDiagnostics({ report, chosenK, onChoose }: ClusterDiagnosticsProps) {
  const best = Math.max(...report.solutions.map((s) => s.silhouette));
  return (
    <div className="cluster-diagnostics">
      <table className="data-table" aria-label="Diagnostics per k">
        <thead>
          <tr>
            <th scope="col">Show</th>
            <th scope="col">k</th>
            <th scope="col" className="num">
              Within-cluster SS
            </th>
            <th scope="col" className="num">
              Between
            </th>
            <th scope="col" className="num">
              Silhouette
            </th>
            <th scope="col">Cluster sizes</th>
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
                  aria-label={`Show the clusters of k = ${solution.k}`}
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
                  <span className="muted" title="The highest mean silhouette of these k">
                    {' '}
                    (highest)
                  </span>
                )}
              </td>
              <td>{solution.clusters.map((c) => formatInteger(c.size)).join(' / ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted cluster-diagnostics__note">
        Within-cluster SS is in the clustering&apos;s {report.standardize ? 'standardised' : 'own'}{' '}
        units; Between is the share of the total sum of squares (
        {formatFixed(report.solutions[0]?.totalSS ?? 0, 1)}) that lies between the clusters. The
        silhouette (−1 to 1, higher means better separated clusters) is computed on a seeded sample
        of {formatInteger(report.silhouetteSample)} respondents — at most 10,000, the same for every
        k — because it compares every pair of respondents.{' '}
        {report.solutions.length > 1 &&
          'Choose k where the silhouette is highest or the within-cluster SS stops falling steeply.'}
      </p>
    </div>
  );
}
