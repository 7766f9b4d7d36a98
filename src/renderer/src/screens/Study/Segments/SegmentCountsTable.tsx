/**
 * Segments with their respondents and shares, and the published reference beside each share
 * where the scheme has one (creators under 5%, contributors about 20%, viewers about 75%).
 */
import { useTranslation } from 'react-i18next';
import type { ReferenceShare } from '../../../../../shared/domain/segments';
import { formatInteger } from '../../../format';
import { formatShare } from './segmentsFormat';

export interface SegmentCountRow {
  code: number;
  label: string;
  count: number;
  share: number;
  reference?: ReferenceShare | undefined;
}

interface SegmentCountsTableProps {
  /** The table's accessible name, e.g. "Segments of energy". */
  name: string;
  segments: SegmentCountRow[];
}

export function SegmentCountsTable({ name, segments }: SegmentCountsTableProps) {
  const { t } = useTranslation('segments');
  const hasReference = segments.some((segment) => segment.reference);
  return (
    <table className="data-table segment-counts" aria-label={name}>
      <thead>
        <tr>
          <th scope="col">{t('counts.segment')}</th>
          <th scope="col" className="num">
            {t('counts.respondents')}
          </th>
          <th scope="col" className="num">
            {t('counts.share')}
          </th>
          {hasReference && <th scope="col">{t('counts.reference')}</th>}
        </tr>
      </thead>
      <tbody>
        {segments.map((segment) => (
          <tr key={segment.code}>
            <th scope="row">{segment.label}</th>
            <td className="num">{formatInteger(segment.count)}</td>
            <td className="num">{formatShare(segment.share)}</td>
            {hasReference && <td className="muted">{segment.reference?.text ?? ''}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
