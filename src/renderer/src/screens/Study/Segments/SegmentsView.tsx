/**
 * Segments (issues #9 and #10): the study's saved segmentations with their shares beside the
 * published reference and by country, industry and wave; a rule builder with live counts; and
 * k-means clustering. Each part is one of three panes, chosen with the buttons under the heading.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation, SchemeInfo } from '../../../../../shared/domain/segments';
import type { StudyDescription } from '../../../../../shared/domain/study';
import { useClient, useEvent } from '../../../api/ClientContext';
import { ClusterPanel } from './ClusterPanel';
import { GoldenPanel } from './GoldenPanel';
import { ProfilePanel } from './ProfilePanel';
import { RuleBuilder, type BuilderStart } from './RuleBuilder';
import { SavedSegmentations } from './SavedSegmentations';
import { TypingToolPanel } from './TypingToolPanel';

interface SegmentsViewProps {
  onNotice: (tone: 'info' | 'error', text: string) => void;
}

type Pane = 'saved' | 'rules' | 'clusters' | 'profile' | 'typing' | 'golden';

const PANES: Array<{ id: Pane; label: string }> = [
  { id: 'saved', label: 'Saved segmentations' },
  { id: 'rules', label: 'Rule builder' },
  { id: 'clusters', label: 'Clustering' },
  { id: 'profile', label: 'Profile' },
  { id: 'typing', label: 'Typing tool' },
  { id: 'golden', label: 'Golden questions' },
  // Shown in the UI language as segments:panes.<id>.
];

export function SegmentsView({ onNotice }: SegmentsViewProps) {
  const client = useClient();
  const { t } = useTranslation('segments');
  const [pane, setPane] = useState<Pane>('saved');
  const [description, setDescription] = useState<StudyDescription | null>(null);
  const [schemes, setSchemes] = useState<SchemeInfo[] | null>(null);
  const [saved, setSaved] = useState<SavedSegmentation[] | null>(null);
  // The builder starts afresh (a new key) each time the user opens a saved segmentation's rules.
  const [start, setStart] = useState<{ key: number; start: BuilderStart }>({
    key: 0,
    start: { kind: 'scheme', name: 'customer-energy' },
  });

  const fail = useCallback((failure: Error) => onNotice('error', failure.message), [onNotice]);
  const loadSaved = useCallback(() => {
    client.invoke('segments.list', {}).then(setSaved, fail);
  }, [client, fail]);
  const loadSchemes = useCallback(() => {
    client.invoke('segments.schemes', {}).then(setSchemes, fail);
  }, [client, fail]);
  const loadStudy = useCallback(() => {
    client.invoke('study.describe', {}).then(setDescription, fail);
    loadSaved();
  }, [client, fail, loadSaved]);
  useEffect(loadStudy, [loadStudy]);
  useEffect(loadSchemes, [loadSchemes]);
  // New data or another label language changes counts, labels and variables.
  useEvent(
    'study.changed',
    useCallback((change) => change.study && loadStudy(), [loadStudy]),
  );

  const variables = useMemo(
    () => (description?.variables ?? []).filter((v) => v.type !== 'text'),
    [description],
  );
  const countryNames = useMemo(
    () => new Map((description?.countries ?? []).map((c) => [c.code, c.name])),
    [description],
  );
  const savedNames = (saved ?? []).map((s) => s.name);

  const editRules = (entry: SavedSegmentation) => {
    setStart((current) => ({ key: current.key + 1, start: { kind: 'saved', saved: entry } }));
    setPane('rules');
  };

  return (
    <section className="segments-view" aria-labelledby="segments-heading">
      <h2 id="segments-heading">{t('heading')}</h2>
      <div className="segments-view__panes" role="group" aria-label={t('panesLabel')}>
        {PANES.map((entry) => (
          <button
            key={entry.id}
            type="button"
            className={
              entry.id === pane
                ? 'segments-view__pane segments-view__pane--active'
                : 'segments-view__pane'
            }
            aria-pressed={entry.id === pane}
            onClick={() => setPane(entry.id)}
          >
            {t(`panes.${entry.id}`)}
          </button>
        ))}
      </div>
      {/* Panes stay mounted while hidden, so a draft or a clustering survives a look elsewhere. */}
      <div hidden={pane !== 'saved'}>
        <SavedSegmentations saved={saved} countryNames={countryNames} onEditRules={editRules} />
      </div>
      <div hidden={pane !== 'rules'}>
        {description && schemes && saved ? (
          <RuleBuilder
            key={start.key}
            start={start.start}
            variables={variables}
            schemes={schemes}
            saved={saved}
            countryNames={countryNames}
            onSaved={(what) => (what === 'scheme' ? loadSchemes() : loadSaved())}
          />
        ) : (
          <p className="muted">{t('loadingSchemes')}</p>
        )}
      </div>
      <div hidden={pane !== 'clusters'}>
        {description ? (
          <ClusterPanel variables={variables} savedNames={savedNames} onSaved={loadSaved} />
        ) : (
          <p className="muted">{t('loadingVariables')}</p>
        )}
      </div>
      {/* Profile, typing tool and golden questions work on a saved segmentation (issue #9). */}
      <div hidden={pane !== 'profile'}>
        {description && saved ? (
          <ProfilePanel saved={saved} variables={variables} />
        ) : (
          <p className="muted">{t('loadingSaved')}</p>
        )}
      </div>
      <div hidden={pane !== 'typing'}>
        {description && saved ? (
          <TypingToolPanel saved={saved} studyPath={description.study.path} />
        ) : (
          <p className="muted">{t('loadingSaved')}</p>
        )}
      </div>
      <div hidden={pane !== 'golden'}>
        {saved ? (
          <GoldenPanel saved={saved} onSaved={loadSaved} />
        ) : (
          <p className="muted">{t('loadingSaved')}</p>
        )}
      </div>
    </section>
  );
}
