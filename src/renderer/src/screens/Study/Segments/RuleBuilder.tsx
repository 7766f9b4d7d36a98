/**
 * The rule builder (issue #9): start from a scheme — Customer Energy, a template, one saved in the
 * study, or a saved segmentation's own rules — then edit who is segmented, the ordered rules
 * (first match wins) and the segment of everyone else, and watch the counts follow. Save the
 * result as a segment variable, and the scheme for reuse.
 */
import { useMemo, useState } from 'react';
import type { SavedSegmentation, SchemeInfo } from '../../../../../shared/domain/segments';
import type { VariableSummary } from '../../../../../shared/domain/study';
import { Checkbox } from '../../../components/Checkbox';
import { LiveCounts } from './LiveCounts';
import { RuleEditor } from './RuleEditor';
import { SaveRulesForms } from './SaveRulesForms';
import {
  draftFromScheme,
  draftProblems,
  draftVariables,
  dropVariables,
  newClause,
  newId,
  replaceVariable,
  schemeFromDraft,
  unusedCode,
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

const SAVED = 'saved:';

function load(
  start: BuilderStart,
  schemes: SchemeInfo[],
  findVariable: (name: string) => string | null,
): Loaded | null {
  if (start.kind === 'saved') {
    const definition = start.saved.definition;
    if (definition.method !== 'rules') return null;
    return {
      choice: `${SAVED}${start.saved.name}`,
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
  const canSplit =
    !!valence &&
    findVariable(valence.positive.name) !== null &&
    findVariable(valence.negative.name) !== null &&
    !!built?.scheme.valence;
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

  if (!loaded || !draft) return <p className="muted">No scheme to start from.</p>;

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
  const moveRule = (index: number, by: -1 | 1) =>
    setDraft((d) => {
      const rules = [...d.rules];
      const [rule] = rules.splice(index, 1);
      rules.splice(index + by, 0, rule!);
      return { ...d, rules };
    });
  const addRule = () =>
    setDraft((d) => {
      const code = unusedCode(d);
      if (code === null) return d;
      const rule: DraftRule = {
        id: newId(),
        code,
        label: `Segment ${code}`,
        condition: { kind: 'clauses', clauses: [newClause()] },
      };
      return { ...d, rules: [...d.rules, rule] };
    });
  const unbound = draftVariables(draft).filter((name) => !byName.has(name));
  const dropUnbound = () => {
    const { draft: next, droppedRules } = dropVariables(draft, (name) => byName.has(name));
    setLoaded({ ...loaded, draft: next });
    setDroppedNote(
      `Dropped ${unbound.join(', ')}${
        droppedRules.length > 0
          ? `, and the rules left with no condition: ${droppedRules.join(', ')}`
          : ''
      }.`,
    );
  };
  const choose = (choice: string) => {
    const start: BuilderStart = choice.startsWith(SAVED)
      ? { kind: 'saved', saved: saved.find((s) => `${SAVED}${s.name}` === choice)! }
      : { kind: 'scheme', name: choice };
    setLoaded(load(start, schemes, findVariable));
    setDroppedNote(null);
  };
  const splitLabels = draft.rules
    .filter((rule) => valence?.split.includes(rule.code))
    .map((rule) => rule.label);
  const ruleSaved = saved.filter((s) => s.definition.method === 'rules');

  return (
    <div className="rule-builder">
      <div className="rule-builder__edit stack">
        <div className="inline-form">
          <label className="field">
            <span>Start from</span>
            <select value={loaded.choice} onChange={(e) => choose(e.target.value)}>
              <optgroup label="Built in">
                {schemes
                  .filter((s) => s.builtIn)
                  .map(({ scheme }) => (
                    <option key={scheme.name} value={scheme.name}>
                      {scheme.title}
                    </option>
                  ))}
              </optgroup>
              {schemes.some((s) => !s.builtIn) && (
                <optgroup label="Saved in this study">
                  {schemes
                    .filter((s) => !s.builtIn)
                    .map(({ scheme }) => (
                      <option key={scheme.name} value={scheme.name}>
                        {scheme.title} ({scheme.name})
                      </option>
                    ))}
                </optgroup>
              )}
              {ruleSaved.length > 0 && (
                <optgroup label="Rules of a saved segmentation">
                  {ruleSaved.map((s) => (
                    <option key={s.name} value={`${SAVED}${s.name}`}>
                      {s.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
          </label>
          <label className="field rule-builder__title">
            <span>Title</span>
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
            Not variables of this study: {unbound.join(', ')}. Choose a variable in place of each
            where it is tested, or{' '}
            <button type="button" onClick={dropUnbound}>
              Drop them
            </button>
          </p>
        )}
        {droppedNote && <p className="notice notice--info">{droppedNote}</p>}

        <fieldset className="rule-builder__block">
          <legend>Who is segmented</legend>
          <ConditionEditor
            name="Who is segmented"
            condition={draft.universe}
            catalog={catalog}
            emptyText="Everyone. Respondents outside these conditions get no segment (missing)."
            onChange={(universe) => setDraft((d) => ({ ...d, universe }))}
          />
        </fieldset>

        <fieldset className="rule-builder__block">
          <legend>Rules, in order: the first that holds gives the segment</legend>
          <ol className="rules">
            {draft.rules.map((rule, index) => (
              <RuleEditor
                key={rule.id}
                rule={rule}
                position={index + 1}
                count={draft.rules.length}
                catalog={catalog}
                onChange={updateRule}
                onMove={(by) => moveRule(index, by)}
                onRemove={() =>
                  setDraft((d) => ({ ...d, rules: d.rules.filter((r) => r.id !== rule.id) }))
                }
              />
            ))}
          </ol>
          <button type="button" onClick={addRule}>
            Add a rule
          </button>
          <div className="rule-builder__else">
            <label className="field">
              <span>Everyone else in the universe</span>
              <input
                value={draft.otherwise.label}
                onChange={(e) =>
                  setDraft((d) => ({ ...d, otherwise: { ...d.otherwise, label: e.target.value } }))
                }
                aria-label="Everyone else: segment name"
                maxLength={200}
              />
            </label>
            <span className="muted">code {draft.otherwise.code}</span>
          </div>
        </fieldset>

        <fieldset className="rule-builder__block inline-form">
          <legend>Options</legend>
          <label className="field">
            <span>A missing answer the rules need</span>
            <select
              value={draft.missingAnswers}
              onChange={(e) =>
                setDraft((d) => ({
                  ...d,
                  missingAnswers: e.target.value as SchemeDraft['missingAnswers'],
                }))
              }
            >
              <option value="undecided">leaves the respondent undecided (no segment)</option>
              <option value="not-met">simply fails its test</option>
            </select>
          </label>
          {canSplit && valence && (
            <Checkbox
              checked={split}
              onChange={(checked) => setLoaded({ ...loaded, split: checked })}
            >
              Split {splitLabels.join(' and ')} by valence (negative where {valence.negative.name}{' '}
              &gt; {valence.positive.name})
            </Checkbox>
          )}
        </fieldset>

        {problems.length > 0 && (
          <ul className="validation" aria-label="What the rules still need">
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
