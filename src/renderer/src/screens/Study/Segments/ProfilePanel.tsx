/**
 * A saved segmentation's profile (issue #9): the chosen variables by segment in the Tables view's
 * cross-table (column % or index vs total, with significance letters), the segment shares by
 * country, industry and wave side by side, and the movement between waves.
 */
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation, SegmentProfile } from '../../../../../shared/domain/segments';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { useClient } from '../../../api/ClientContext';
import { CrossTable, type CellContent, type Comparison } from '../CrossTable';
import { MovementTable } from './MovementTable';
import { SegmentationSelect, chosenSegmentation } from './SegmentationSelect';
import type { VariableCatalog } from './variableCatalog';
import { AddVariable, VariableChips } from './VariablePicker';

interface ProfilePanelProps {
  saved: SavedSegmentation[];
  variables: VariableSummary[];
}

const CONTENTS: ReadonlyArray<Extract<CellContent, 'colPct' | 'index'>> = ['colPct', 'index'];
const PICKER = 'Profile';

export function ProfilePanel({ saved, variables }: ProfilePanelProps) {
  const client = useClient();
  const { t } = useTranslation('segments');
  const [chosen, setChosen] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [content, setContent] = useState<'colPct' | 'index'>('colPct');
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [profile, setProfile] = useState<SegmentProfile | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const segmentation = chosenSegmentation(saved, chosen);

  const catalog = useMemo((): VariableCatalog => {
    // The segment variables themselves are not questions to profile by.
    const savedNames = new Set(saved.map((entry) => entry.name));
    const questions = variables.filter((v) => !savedNames.has(v.name));
    return {
      variables: questions,
      byName: new Map(questions.map((v) => [v.name, v])),
      scaleLabels: new Map(),
      bind: () => undefined,
    };
  }, [saved, variables]);

  const run = async (event: FormEvent) => {
    event.preventDefault();
    if (!segmentation || selected.length === 0) return;
    setRunning(true);
    setError(null);
    setComparison(null);
    try {
      setProfile(
        await client.invoke('segments.profile', { segment: segmentation, variables: selected }),
      );
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setRunning(false);
    }
  };

  const movements = profile
    ? [
        ...(profile.movement.overall ? [profile.movement.overall] : []),
        ...profile.movement.byCountry,
      ]
    : [];

  return (
    <div className="segment-profile stack">
      <form className="panel stack" onSubmit={run} aria-label={t('profile.heading')}>
        <h3>{t('profile.heading')}</h3>
        <div className="inline-form">
          <SegmentationSelect
            label={t('profile.segmentation')}
            saved={saved}
            value={segmentation}
            onChange={setChosen}
          />
          <label className="field">
            <span>{t('profile.content')}</span>
            <select
              value={content}
              onChange={(e) => setContent(e.target.value as 'colPct' | 'index')}
            >
              {CONTENTS.map((option) => (
                <option key={option} value={option}>
                  {t(`profile.${option}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="field">
          <span>{t('profile.variables')}</span>
          <div className="cluster-panel__variables">
            <VariableChips
              name={PICKER}
              selected={selected}
              catalog={catalog}
              onChange={setSelected}
            />
            <AddVariable
              name={PICKER}
              selected={selected}
              catalog={catalog}
              onChange={setSelected}
            />
          </div>
        </div>
        <div className="inline-form">
          <button
            type="submit"
            className="primary"
            disabled={running || !segmentation || selected.length === 0}
          >
            {t('profile.run')}
          </button>
          {running && (
            <span className="muted" role="status">
              {t('profile.running')}
            </span>
          )}
          {selected.length === 0 && <span className="muted">{t('profile.needVariables')}</span>}
        </div>
      </form>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {profile && (
        <>
          <section
            className="panel stack"
            aria-label={t('profile.variablesLabel', { name: profile.segmentation })}
          >
            <h3>{t('profile.variablesLabel', { name: profile.segmentation })}</h3>
            <p className="muted">{t('profile.variablesNote')}</p>
            <div className="segment-profile__table">
              <CrossTable result={profile.variables} content={content} onCompare={setComparison} />
            </div>
            {comparison && (
              <p className="notice notice--info" role="status">
                <strong>{comparison.title}</strong> {comparison.detail}
              </p>
            )}
            <p className="muted table-footnote">{profile.variables.footnote}</p>
          </section>
          <section
            className="panel stack"
            aria-label={t('profile.sharesLabel', { name: profile.segmentation })}
          >
            <h3>{t('profile.sharesHeading')}</h3>
            {profile.shares ? (
              <div className="segment-profile__table">
                <CrossTable result={profile.shares} content="colPct" onCompare={setComparison} />
              </div>
            ) : (
              <p className="muted">{t('profile.noShares')}</p>
            )}
          </section>
          <section className="panel stack">
            <h3>{t('profile.movementHeading')}</h3>
            <p className="muted">{t('profile.movementTest', { test: profile.movement.test })}</p>
            {movements.length === 0 ? (
              <p className="muted">{t('profile.noMovement')}</p>
            ) : (
              movements.map((movement) => (
                <MovementTable
                  key={movement.group}
                  name={profile.segmentation}
                  movement={movement}
                  level={profile.movement.level}
                />
              ))
            )}
          </section>
        </>
      )}
    </div>
  );
}
