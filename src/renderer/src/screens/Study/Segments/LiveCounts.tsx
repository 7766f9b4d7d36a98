/**
 * The draft's counts as the rules change: respondents and share per segment beside the published
 * reference, who is in the universe, who is undecided (an answer the rules needed was missing),
 * and the shares by country, industry and wave.
 */
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../../format';
import { GroupShares } from './GroupShares';
import { SegmentCountsTable } from './SegmentCountsTable';
import type { LivePreview } from './useLivePreview';

interface LiveCountsProps {
  live: LivePreview;
  /** Why there are no counts: the draft's problems. */
  blocked: boolean;
  countryNames: ReadonlyMap<string, string>;
}

export function LiveCounts({ live, blocked, countryNames }: LiveCountsProps) {
  const { t } = useTranslation('segments');
  const { preview, error, pending } = live;
  return (
    <section className="panel live-counts" aria-labelledby="live-counts-heading">
      <h4 id="live-counts-heading">
        {t('live.heading')}{' '}
        <span className="muted live-counts__state" role="status">
          {blocked ? t('live.waiting') : pending ? t('live.updating') : ''}
        </span>
      </h4>
      {error && !blocked && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {blocked && <p className="muted live-counts__note">{t('live.blocked')}</p>}
      {/* A blocked draft's last counts belong to other rules: they are not shown. */}
      {preview && !blocked && (
        <div className={pending ? 'live-counts__body live-counts__body--stale' : undefined}>
          <SegmentCountsTable name={t('live.tableLabel')} segments={preview.segments} />
          <dl className="facts live-counts__facts">
            <dt>{t('live.inUniverse')}</dt>
            <dd className="num">{formatInteger(preview.universe)}</dd>
            <dt>{t('live.undecided')}</dt>
            <dd className="num">{formatInteger(preview.undecided)}</dd>
            <dt>{t('live.outside')}</dt>
            <dd className="num">{formatInteger(preview.rows - preview.universe)}</dd>
          </dl>
          <p className="muted live-counts__note">{t('live.note')}</p>
          <details className="live-counts__groups">
            <summary>{t('live.byGroups')}</summary>
            <GroupShares
              of={t('live.heading')}
              segments={preview.segments}
              byGroup={preview.byGroup}
              countryNames={countryNames}
            />
          </details>
        </div>
      )}
    </section>
  );
}
