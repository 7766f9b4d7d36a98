/** The study's saved segmentations (segment variables), newest definitions as they are stored. */
import type { SavedSegmentation } from '../../../../../shared/domain/segments';
import { SegmentationCard } from './SegmentationCard';

interface SavedSegmentationsProps {
  saved: SavedSegmentation[] | null;
  countryNames: ReadonlyMap<string, string>;
  onEditRules: (saved: SavedSegmentation) => void;
}

export function SavedSegmentations({ saved, countryNames, onEditRules }: SavedSegmentationsProps) {
  if (!saved) return <p className="muted">Loading the saved segmentations…</p>;
  if (saved.length === 0)
    return (
      <p className="muted">
        No segmentation is saved yet. Build one with rules or by clustering, then save it as a
        segment variable: it is then usable in every table, filter and export.
      </p>
    );
  return (
    <section className="stack segmentations" aria-label="Saved segmentations">
      {saved.map((entry) => (
        <SegmentationCard
          key={entry.name}
          saved={entry}
          countryNames={countryNames}
          onEditRules={onEditRules}
        />
      ))}
    </section>
  );
}
