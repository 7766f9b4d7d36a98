/**
 * The segment shares by country, industry and wave side by side: one small table per grouping
 * variable, a row per group and a column per segment, so a glance across rows compares countries.
 */
import { useTranslation } from 'react-i18next';
import type { SegmentGroupShares } from '../../../../../shared/domain/segments';
import { formatInteger } from '../../../format';
import { formatShare } from './segmentsFormat';

interface GroupSharesProps {
  /** Whose shares these are, for the tables' names: "energy". */
  of: string;
  segments: Array<{ code: number; label: string }>;
  byGroup: SegmentGroupShares[];
  /** Country codes → display names, where a study's country labels are codes. */
  countryNames: ReadonlyMap<string, string>;
}

export function GroupShares({ of, segments, byGroup, countryNames }: GroupSharesProps) {
  const { t } = useTranslation('segments');
  const shown = byGroup.filter((group) => group.groups.length > 0);
  if (shown.length === 0) return null;
  return (
    <div className="group-shares">
      {shown.map(({ variable, groups }) => (
        <table
          key={variable}
          className="data-table group-shares__table"
          aria-label={t('groups.tableLabel', { of, variable })}
        >
          <thead>
            <tr>
              <th scope="col">{t('groups.by', { variable })}</th>
              {segments.map((segment) => (
                <th key={segment.code} scope="col" className="num">
                  {segment.label}
                </th>
              ))}
              <th scope="col" className="num" title={t('groups.baseTitle')}>
                {t('groups.base')}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.code}>
                <th scope="row">
                  {variable.toLowerCase() === 'country'
                    ? (countryNames.get(group.label) ?? group.label)
                    : group.label}
                </th>
                {segments.map((segment) => {
                  const share = group.segments.find((s) => s.code === segment.code)?.share;
                  return (
                    <td key={segment.code} className="num">
                      {share === undefined || group.base === 0 ? '–' : formatShare(share)}
                    </td>
                  );
                })}
                <td className="num muted">{formatInteger(group.base)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </div>
  );
}
