/** The study's saved segmentations (segment variables), newest definitions as they are stored. */
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation } from '../../../../../shared/domain/segments';
import { SegmentationCard } from './SegmentationCard';

interface SavedSegmentationsProps {
  saved: SavedSegmentation[] | null;
  countryNames: ReadonlyMap<string, string>;
  onEditRules: (saved: SavedSegmentation) => void;
}

export function SavedSegmentations({ saved, countryNames, onEditRules }: SavedSegmentationsProps) {
  const { t } = useTranslation('segments');
  if (!saved) return <p className="muted">{t('loadingSaved')}</p>;
  if (saved.length === 0) return <p className="muted">{t('noneSaved')}</p>;
  return (
    <section className="stack segmentations" aria-label={t('savedLabel')}>
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
