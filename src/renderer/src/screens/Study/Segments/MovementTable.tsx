/**
 * Segment shares wave by wave in one group of respondents, then each wave's change from the
 * previous one in percentage points, a star where the change is significant.
 */
import { useTranslation } from 'react-i18next';
import type { SegmentMovement } from '../../../../../shared/domain/segments';
import { formatNumber, tableDecimals } from '../../../../../shared/domain/tableFormat';

interface MovementTableProps {
  name: string;
  movement: SegmentMovement;
  /** The confidence level a change must reach (0.95). */
  level: number;
}

const DECIMALS = { ...tableDecimals(), percent: 1, mean: 1 };

function signedPoints(points: number): string {
  const text = formatNumber(points, 'mean', DECIMALS);
  return points > 0 && text !== '0.0' ? `+${text}` : text;
}

export function MovementTable({ name, movement, level }: MovementTableProps) {
  const { t } = useTranslation('segments');
  const changes = movement.segments[0]?.changes ?? [];
  const levelText = formatNumber(level * 100, 'mean', { ...DECIMALS, mean: 0 });
  return (
    <div className="segment-profile__table">
      <table
        className="data-table"
        aria-label={t('profile.movementLabel', { name, group: movement.group })}
      >
        <caption>{movement.group}</caption>
        <thead>
          <tr>
            <th scope="col">{t('profile.segment')}</th>
            {movement.waves.map((wave) => (
              <th key={wave.code} scope="col" className="num">
                {wave.label}
              </th>
            ))}
            {changes.map((change) => (
              <th key={`${change.from}-${change.to}`} scope="col" className="num">
                {t('profile.change', { from: change.from, to: change.to })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {movement.segments.map((segment) => (
            <tr key={segment.code}>
              <th scope="row">{segment.label}</th>
              {segment.shares.map((share, index) => (
                <td key={movement.waves[index]?.code ?? index} className="num">
                  {formatNumber(share, 'percent', DECIMALS)}
                </td>
              ))}
              {segment.changes.map((change) => {
                const points = signedPoints(change.points);
                return (
                  <td
                    key={`${change.from}-${change.to}`}
                    className="num"
                    title={
                      change.significant === null
                        ? t('profile.notTested')
                        : change.significant
                          ? t('profile.significant', { level: levelText })
                          : t('profile.notSignificant')
                    }
                  >
                    {change.significant
                      ? t('profile.significantMark', { points })
                      : t('profile.points', { points })}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('profile.base')}</th>
            {movement.waves.map((wave) => (
              <td key={wave.code} className="num">
                {formatNumber(wave.base, 'count', DECIMALS)}
              </td>
            ))}
            {changes.map((change) => (
              <td key={`${change.from}-${change.to}`} />
            ))}
          </tr>
        </tfoot>
      </table>
      <p className="muted">{t('profile.movementNote', { level: levelText })}</p>
    </div>
  );
}
