/**
 * The rule builder (issue #9): start from a scheme — Customer Energy, a template, one saved in the
 * study, or a saved segmentation's own rules — then edit who is segmented, the ordered rules
 * (first match wins) and the segment of everyone else, and watch the counts follow. Save the
 * result as a segment variable, and the scheme for reuse.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSegmentation, SchemeInfo } from '../../../../../shared/domain/segments';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { LiveCounts } from './LiveCounts';
import { RuleEditor } from './RuleEditor';
import { RuleOptions } from './RuleOptions';
import { SaveRulesForms } from './SaveRulesForms';
import { SAVED_CHOICE, StartFromSelect } from './StartFromSelect';
import {
  draftFromScheme,
  draftProblems,
  draftVariables,
  dropVariables,
  replaceVariable,
  schemeFromDraft,
  withNewRule,
  withRuleMoved,
  type DraftRule,
  type SchemeDraft,
} from './schemeDraft';
import { ConditionEditor } from './ConditionEditor';
import { useLivePreview, type PreviewRequest } from './useLivePreview';
import { useScaleLabels } from './useScaleLabels';
import type { VariableCatalog } from './variableCatalog';

export type BuilderStart =
  { kind: 'scheme'; name: string } | { kind: 'saved'; saved: SavedSegmentation };

interface RuleBuilderProps {
  start: BuilderStart;
  /** The study's coded and numeric variables. */
  variables: VariableSummary[];
  schemes: SchemeInfo[];
  saved: SavedSegmentation[];
  countryNames: ReadonlyMap<string, string>;
  onSaved: (what: 'segmentation' | 'scheme', name: string) => void;
}

interface Loaded {
  /** The "Start from" choice: a scheme's name, or `saved:<variable>`. */
  choice: string;
  draft: SchemeDraft;
  split: boolean;
  saveName: string;
  schemeName: string;
}

function load(
  start: BuilderStart,
  schemes: SchemeInfo[],
  findVariable: (name: string) => string | null,
): Loaded | null {
  if (start.kind === 'saved') {
    const definition = start.saved.definition;
    if (definition.method !== 'rules') return null;
    return {
      choice: `${SAVED_CHOICE}${start.saved.name}`,
      draft: draftFromScheme(definition.scheme, definition.bindings, findVariable),
      split: definition.split === 'valence',
      saveName: start.saved.name,
      schemeName: schemes.some(
        (info) => info.builtIn && info.scheme.name === definition.scheme.name,
      )
        ? `my-${definition.scheme.name}`
        : definition.scheme.name,
    };
  }
  const info = schemes.find((s) => s.scheme.name === start.name) ?? schemes[0];
  if (!info) return null;
  const { scheme } = info;
  return {
    choice: scheme.name,
    draft: draftFromScheme(scheme, {}, findVariable),
    split: false,
    saveName: scheme.defaultName ?? scheme.name.replace(/-/g, '_'),
    schemeName: info.builtIn ? `my-${scheme.name}` : scheme.name,
  };
}

export function RuleBuilder(props: RuleBuilderProps) {
  const { variables, schemes, saved, countryNames, onSaved } = props;
  const { t } = useTranslation('segments');
  const byName = useMemo(() => new Map(variables.map((v) => [v.name, v])), [variables]);
  const findVariable = useMemo(() => {
    const lower = new Map(variables.map((v) => [v.name.toLowerCase(), v.name]));
    return (name: string) => lower.get(name.toLowerCase()) ?? null;
  }, [variables]);
  const [loaded, setLoaded] = useState(() => load(props.start, schemes, findVariable));
  const [droppedNote, setDroppedNote] = useState<string | null>(null);

  const draft = loaded?.draft ?? null;
  const singles = draft
    ? draftVariables(draft).filter((name) => byName.get(name)?.type === 'single')
    : [];
  const scaleLabels = useScaleLabels(singles);
  const problems = useMemo(
    () => (draft ? draftProblems(draft, variables) : []),
    [draft, variables],
  );
  const built = useMemo(
    () => (draft && problems.length === 0 ? schemeFromDraft(draft, variables) : null),
    [draft, problems, variables],
  );
  const valence = draft?.origin.valence;
  const splitLabels = (draft?.rules ?? [])
    .filter((rule) => valence?.split.includes(rule.code))
    .map((rule) => rule.label);
  // Offered where the study has both valence items and a rule to split is still there.
  const canSplit =
    !!valence &&
    findVariable(valence.positive.name) !== null &&
    findVariable(valence.negative.name) !== null &&
    splitLabels.length > 0;
  const split = !!loaded?.split && canSplit;
  const request = useMemo(
    (): PreviewRequest | null =>
      built
        ? {
            scheme: built.scheme,
            bindings: built.bindings,
            ...(split ? { split: 'valence' as const } : {}),
          }
        : null,
    [built, split],
  );
  const live = useLivePreview(request);

  if (!loaded || !draft) return <p className="muted">{t('builder.noScheme')}</p>;

  const setDraft = (change: (current: SchemeDraft) => SchemeDraft) =>
    setLoaded((current) => (current ? { ...current, draft: change(current.draft) } : current));
  const catalog: VariableCatalog = {
    variables,
    byName,
    scaleLabels,
    bind: (from, to) => setDraft((d) => replaceVariable(d, from, to)),
  };
  const updateRule = (changed: DraftRule) =>
    setDraft((d) => ({ ...d, rules: d.rules.map((r) => (r.id === changed.id ? changed : r)) }));
  const unbound = draftVariables(draft).filter((name) => !byName.has(name));
  const dropUnbound = () => {
    const { draft: next, droppedRules } = dropVariables(draft, (name) => byName.has(name));
    setLoaded({ ...loaded, draft: next });
    setDroppedNote(
      droppedRules.length > 0
        ? t('builder.droppedWithRules', {
            variables: unbound.join(', '),
            rules: droppedRules.join(', '),
          })
        : t('builder.dropped', { variables: unbound.join(', ') }),
    );
  };
  const choose = (choice: string) => {
    const start: BuilderStart = choice.startsWith(SAVED_CHOICE)
      ? { kind: 'saved', saved: saved.find((s) => `${SAVED_CHOICE}${s.name}` === choice)! }
      : { kind: 'scheme', name: choice };
    setLoaded(load(start, schemes, findVariable));
    setDroppedNote(null);
  };

  return (
    <div className="rule-builder">
      <div className="rule-builder__edit stack">
        <div className="inline-form">
          <StartFromSelect
            value={loaded.choice}
            schemes={schemes}
            saved={saved}
            onChange={choose}
          />
          <label className="field rule-builder__title">
            <span>{t('builder.title')}</span>
            <input
              value={draft.title}
              onChange={(e) => setDraft((d) => ({ ...d, title: e.target.value }))}
              maxLength={200}
            />
          </label>
        </div>
        {draft.origin.description && (
          <p className="muted rule-builder__description">{draft.origin.description}</p>
        )}
        {unbound.length > 0 && (
          <p className="notice notice--warn">
            {t('builder.unbound', { variables: unbound.join(', ') })}{' '}
            <button type="button" onClick={dropUnbound}>
              {t('builder.dropThem')}
            </button>
          </p>
        )}
        {droppedNote && <p className="notice notice--info">{droppedNote}</p>}

        <fieldset className="rule-builder__block">
          <legend>{t('builder.who')}</legend>
          <ConditionEditor
            name={t('builder.who')}
            condition={draft.universe}
            catalog={catalog}
            emptyText={t('builder.everyone')}
            onChange={(universe) => setDraft((d) => ({ ...d, universe }))}
          />
        </fieldset>

        <fieldset className="rule-builder__block">
          <legend>{t('builder.rulesInOrder')}</legend>
          <ol className="rules">
            {draft.rules.map((rule, index) => (
              <RuleEditor
                key={rule.id}
                rule={rule}
                position={index + 1}
                count={draft.rules.length}
                catalog={catalog}
                onChange={updateRule}
                onMove={(by) => setDraft((d) => withRuleMoved(d, index, by))}
                onRemove={() =>
                  setDraft((d) => ({ ...d, rules: d.rules.filter((r) => r.id !== rule.id) }))
                }
              />
            ))}
          </ol>
          <button type="button" onClick={() => setDraft(withNewRule)}>
            {t('builder.addRule')}
          </button>
          <div className="rule-builder__else">
            <label className="field">
              <span>{t('builder.everyoneElse')}</span>
              <input
                value={draft.otherwise.label}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, otherwise: { ...d.otherwise, label: e.target.value } }))
                }
                aria-label={t('builder.everyoneElseLabel')}
                maxLength={200}
              />
            </label>
            <span className="muted">{t('builder.code', { code: draft.otherwise.code })}</span>
          </div>
        </fieldset>

        <RuleOptions
          missingAnswers={draft.missingAnswers}
          onMissingAnswers={(missingAnswers) => setDraft((d) => ({ ...d, missingAnswers }))}
          valence={canSplit && valence ? valence : null}
          splitLabels={splitLabels}
          split={split}
          onSplit={(checked) => setLoaded({ ...loaded, split: checked })}
        />

        {problems.length > 0 && (
          <ul className="validation" aria-label={t('builder.stillNeeded')}>
            {problems.map((problem) => (
              <li key={problem} className="validation__item validation__item--warning">
                {problem}
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="rule-builder__side stack">
        <LiveCounts live={live} blocked={!built} countryNames={countryNames} />
        <SaveRulesForms
          key={loaded.choice}
          built={built}
          split={split}
          defaultName={loaded.saveName}
          defaultSchemeName={loaded.schemeName}
          savedNames={saved.map((s) => s.name)}
          onSaved={onSaved}
        />
      </div>
    </div>
  );
}
