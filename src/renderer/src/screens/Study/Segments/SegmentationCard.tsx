/**
 * One saved segmentation: its name, kind and definition in a line, its segments with counts and
 * shares beside the published reference, and its shares by country, industry and wave.
 */
import { useCallback, useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation, SegmentGroupShares } from '../../../../../shared/domain/segments';
import { useClient, useEvent } from '../../../api/ClientContext';
import { formatInteger } from '../../../format';
import { GroupShares } from './GroupShares';
import { readBackScheme } from './readBackScheme';
import { schemeSummary } from './schemeWords';
import { SegmentCountsTable } from './SegmentCountsTable';

interface SegmentationCardProps {
  saved: SavedSegmentation;
  countryNames: ReadonlyMap<string, string>;
  /** Opens a rule segmentation in the rule builder. */
  onEditRules: (saved: SavedSegmentation) => void;
}

/** What the segmentation is, beyond its label: its rules in a line, or how it was clustered. */
function definitionText(saved: SavedSegmentation, t: TFunction<'segments'>): string {
  const definition = saved.definition;
  if (definition.method === 'rules')
    return t(
      definition.split === 'valence' ? 'card.rulesDefinitionSplit' : 'card.rulesDefinition',
      { summary: schemeSummary(definition.scheme, definition.bindings) },
    );
  return t(definition.standardize ? 'card.clustersStandardised' : 'card.clusters', {
    count: definition.centers.length,
    variables: definition.variables.join(', '),
    seed: definition.seed,
  });
}

export function SegmentationCard({ saved, countryNames, onEditRules }: SegmentationCardProps) {
  const client = useClient();
  const { t } = useTranslation('segments');
  const [byGroup, setByGroup] = useState<SegmentGroupShares[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped when the study changes: the shares are read again.
  const [revision, setRevision] = useState(0);
  useEvent(
    'study.changed',
    useCallback((change) => change.study && setRevision((r) => r + 1), []),
  );

  useEffect(() => {
    const readBack = readBackScheme(saved);
    if (!readBack) return;
    let current = true;
    client.invoke('segments.preview', readBack).then(
      (preview) => current && setByGroup(preview.byGroup),
      (failure: Error) => current && setError(failure.message),
    );
    return () => {
      current = false;
    };
  }, [client, saved, revision]);

  const total = saved.segments.reduce((sum, segment) => sum + segment.count, 0);
  const definition = saved.definition;
  // The reference is for the scheme's own segments: a valence split renumbers them.
  const references =
    definition.method === 'rules' && definition.split === null
      ? (definition.scheme.reference?.shares ?? [])
      : [];
  const kind = saved.method === 'rules' ? t('card.rules') : t('card.kmeans');
  return (
    <article className="panel segmentation-card" aria-labelledby={`segmentation-${saved.name}`}>
      <header className="segmentation-card__header">
        <h4 id={`segmentation-${saved.name}`}>{saved.name}</h4>
        <span className="badge badge--ready">{kind}</span>
        <span className="muted">{saved.label}</span>
        {definition.method === 'rules' && (
          <button
            type="button"
            className="link"
            onClick={() => onEditRules(saved)}
            aria-label={t('card.editLabel', { name: saved.name })}
          >
            {t('card.edit')}
          </button>
        )}
      </header>
      <p className="muted segmentation-card__definition">{definitionText(saved, t)}</p>
      <div className="segmentation-card__body">
        <div>
          <SegmentCountsTable
            name={t('card.tableLabel', { name: saved.name })}
            segments={saved.segments.map((segment) => ({
              ...segment,
              share: total > 0 ? segment.count / total : 0,
              reference: references.find((reference) => reference.code === segment.code),
            }))}
          />
          <p className="muted segmentation-card__base">
            {t('card.base', {
              inSegment: formatInteger(total),
              without: formatInteger(saved.missing),
            })}
          </p>
        </div>
        {error && <p className="notice notice--error">{error}</p>}
        {byGroup && (
          <GroupShares
            of={saved.name}
            segments={saved.segments}
            byGroup={byGroup}
            countryNames={countryNames}
          />
        )}
      </div>
    </article>
  );
}
