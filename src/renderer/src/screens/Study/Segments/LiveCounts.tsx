/**
 * The draft's counts as the rules change: respondents and share per segment beside the published
 * reference, who is in the universe, who is undecided (an answer the rules needed was missing),
 * and the shares by country, industry and wave.
 */
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
  const { preview, error, pending } = live;
  return (
    <section className="panel live-counts" aria-labelledby="live-counts-heading">
      <h4 id="live-counts-heading">
        Live counts{' '}
        <span className="muted live-counts__state" role="status">
          {blocked ? 'waiting for a complete rule' : pending ? 'updating…' : ''}
        </span>
      </h4>
      {error && !blocked && (
        <p role="alert" className="notice notice--error">
          {error}
        </p>
      )}
      {blocked && (
        <p className="muted live-counts__note">
          The counts follow once every rule has a name and a complete condition (what the rules
          still need is listed under them).
        </p>
      )}
      {/* A blocked draft's last counts belong to other rules: they are not shown. */}
      {preview && !blocked && (
        <div className={pending ? 'live-counts__body live-counts__body--stale' : undefined}>
          <SegmentCountsTable name="Live counts per segment" segments={preview.segments} />
          <dl className="facts live-counts__facts">
            <dt>In the universe</dt>
            <dd className="num">{formatInteger(preview.universe)}</dd>
            <dt>Undecided</dt>
            <dd className="num">{formatInteger(preview.undecided)}</dd>
            <dt>Outside the universe</dt>
            <dd className="num">{formatInteger(preview.rows - preview.universe)}</dd>
          </dl>
          <p className="muted live-counts__note">
            Undecided: in the universe, but an answer the rules needed was missing, so they get no
            segment. Shares are of the respondents given a segment.
          </p>
          <details className="live-counts__groups">
            <summary>Shares by country, industry and wave</summary>
            <GroupShares
              of="Live counts"
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
