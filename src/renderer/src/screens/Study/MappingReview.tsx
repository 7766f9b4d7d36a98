/**
 * Reviewing a mapping proposal: how each variable of a file lands on the study's codebook, why
 * (evidence and confidence), which answer codes are recoded, what changed since the previous wave
 * and what the proposal could not decide. The user may send any variable elsewhere, make it a new
 * variable or leave it out; the proposal applies unchanged unless they do.
 */
import type {
  MappingChange,
  MappingEvidence,
  MappingProposal,
  SourceMapping,
  VariableMapping,
} from '../../../../shared/domain/mapping';
import { useTranslation } from 'react-i18next';
import type { DatasetInfo } from '../../../../shared/domain/dataset';
import type { VariableSummary } from '../../../../shared/domain/study';
import { i18n } from '../../i18n';

/** Where the user sends one source variable. */
export type MappingChoice = { kind: 'target'; target: string } | { kind: 'new' } | { kind: 'skip' };

/** The user's choices by source variable: only the rows they decided. */
export type MappingChoices = Readonly<Record<string, MappingChoice>>;

type SourceVariables = DatasetInfo['variables'];

/** Words outside React (blockers, changes) in the UI language at the time they are made. */
const tr = i18n.getFixedT(null, 'importer');

function evidenceWord(evidence: MappingEvidence): string {
  return tr(`review.evidence.${evidence}`);
}

interface MappingRow {
  source: string;
  label: string | null;
  /** What the proposal does with the variable; null when it could not decide. */
  proposed: VariableMapping | 'new' | null;
  /** What will happen: the user's choice, else the proposal's; null while undecided. */
  choice: MappingChoice | null;
  /** The user decided this row. */
  chosen: boolean;
  problems: string[];
}

function proposedChoice(proposed: MappingRow['proposed']): MappingChoice | null {
  if (proposed === null) return null;
  return proposed === 'new' ? { kind: 'new' } : { kind: 'target', target: proposed.target };
}

function sameChoice(a: MappingChoice | null, b: MappingChoice | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'target' && b.kind === 'target') return a.target === b.target;
  return a.kind === b.kind;
}

/** The file's variables in file order, each with the proposal and the user's choice. */
export function mappingRows(proposal: MappingProposal, choices: MappingChoices): MappingRow[] {
  const byName = new Map(proposal.variables.map((entry) => [entry.source, entry]));
  const isNew = new Set(proposal.new);
  return Object.entries(proposal.sourceLabels).map(([source, label]) => {
    const proposed = byName.get(source) ?? (isNew.has(source) ? 'new' : null);
    const problems = proposal.problems
      .filter((problem) => problem.source === source)
      .map((problem) => problem.message);
    // A variable with a problem waits for the user even where the proposal names a target.
    const chosen = choices[source];
    const fallback = problems.length > 0 ? null : proposedChoice(proposed);
    return {
      source,
      label,
      proposed,
      choice: chosen ?? fallback,
      chosen: chosen !== undefined,
      problems,
    };
  });
}

/** Whether the user's choice for a row is worth keeping: it decides a problem or differs from the proposal. */
export function keepsChoice(
  proposal: MappingProposal,
  source: string,
  choice: MappingChoice,
): boolean {
  const row = mappingRows(proposal, {}).find((candidate) => candidate.source === source);
  if (!row) return false;
  return row.problems.length > 0 || !sameChoice(choice, proposedChoice(row.proposed));
}

/** What still stops the import: undecided variables, and two variables sent to one target. */
export function mappingBlockers(proposal: MappingProposal, choices: MappingChoices): string[] {
  const rows = mappingRows(proposal, choices);
  const blockers = rows
    .filter((row) => row.choice === null)
    // The proposal's messages name the variable already.
    .map((row) => row.problems.join('; ') || tr('review.chooseWhere', { source: row.source }));
  const byTarget = new Map<string, string[]>();
  for (const row of rows)
    if (row.choice?.kind === 'target')
      byTarget.set(row.choice.target, [...(byTarget.get(row.choice.target) ?? []), row.source]);
  for (const [target, sources] of byTarget)
    if (sources.length > 1)
      blockers.push(
        tr('review.sameTarget', {
          sources: sources.join(tr('review.and')),
          target,
        }),
      );
  return blockers;
}

/** The mapping to send with the import: none when the user changed nothing (the proposal applies). */
export function reviewedMapping(
  proposal: MappingProposal,
  choices: MappingChoices,
): SourceMapping | undefined {
  if (Object.keys(choices).length === 0) return undefined;
  const mapping: SourceMapping = { variables: [], new: [] };
  for (const row of mappingRows(proposal, choices)) {
    const choice = row.choice;
    if (choice?.kind === 'new') mapping.new.push(row.source);
    if (choice?.kind !== 'target') continue; // 'skip': in neither list, so not imported
    const proposed = typeof row.proposed === 'object' ? row.proposed : null;
    if (proposed !== null && proposed.target === choice.target) {
      // A target the user confirmed (a code conflict they accept) is theirs, codes included.
      mapping.variables.push(
        row.chosen ? { ...proposed, evidence: 'user', confidence: 1 } : proposed,
      );
    } else {
      // The proposal's codes belong to its own target: another target keeps the file's codes.
      mapping.variables.push({
        source: row.source,
        target: choice.target,
        codes: {},
        evidence: 'user',
        confidence: 1,
      });
    }
  }
  return mapping;
}

function choiceValue(choice: MappingChoice | null): string {
  if (choice === null) return '';
  return choice.kind === 'target' ? `target:${choice.target}` : choice.kind;
}

function choiceFrom(value: string): MappingChoice {
  if (value === 'new' || value === 'skip') return { kind: value };
  return { kind: 'target', target: value.slice('target:'.length) };
}

function shortLabel(label: string | null): string {
  if (!label) return '';
  return label.length > 48 ? ` — ${label.slice(0, 47)}…` : ` — ${label}`;
}

/** "motive", or "rate_brands → rate" where the file calls the variable otherwise. */
function landing(source: string, target: string): string {
  return source === target ? source : `${source} → ${target}`;
}

function describeChange(change: MappingChange): string {
  switch (change.kind) {
    case 'renamed':
      return change.from === change.target
        ? landing(change.to, change.target)
        : tr('review.wasNamed', {
            landing: landing(change.to, change.target),
            from: change.from,
          });
    case 'code-frame-changed':
      return tr('review.codeFrame', {
        landing: landing(change.source, change.target),
        detail: change.detail,
      });
    case 'new-category':
      return tr(change.label ? 'review.newCodeLabelled' : 'review.newCode', {
        landing: landing(change.source, change.target),
        code: change.code,
        label: change.label ?? '',
      });
    case 'dropped-category':
      return tr('review.droppedCode', {
        landing: landing(change.source, change.target),
        code: change.code,
      });
    case 'new-variable':
      return tr('review.newInFile', { source: change.source });
    case 'dropped-variable':
      return tr('review.notInFile', { target: change.target });
  }
}

/** Sources a change is about, to highlight their rows. */
function changedSource(change: MappingChange): string | null {
  if (change.kind === 'renamed') return change.to;
  if (change.kind === 'dropped-variable') return null;
  return change.source;
}

function RecodedCodes({
  codes,
  valueLabels,
}: {
  codes: Record<string, number>;
  valueLabels: Record<string, string>;
}) {
  const recoded = Object.entries(codes).filter(([from, to]) => Number(from) !== to);
  if (recoded.length === 0) return <span className="muted">{tr('review.asInFile')}</span>;
  return (
    <details className="mapping-codes">
      <summary>{tr('review.recoded', { count: recoded.length })}</summary>
      <ul>
        {recoded.map(([from, to]) => (
          <li key={from}>
            {from}
            {valueLabels[from] ? <span className="muted"> {valueLabels[from]}</span> : null} → {to}
          </li>
        ))}
      </ul>
    </details>
  );
}

interface MappingReviewProps {
  fileName: string;
  proposal: MappingProposal;
  choices: MappingChoices;
  /** The study's own variables (not the system ones), as targets. */
  targets: readonly VariableSummary[];
  /** The file's variables as the preview read them, for the labels of recoded answers. */
  sourceVariables: SourceVariables;
  locked: boolean;
  /** null: back to what the proposal says. */
  onChoose: (source: string, choice: MappingChoice | null) => void;
}

export function MappingReview({
  fileName,
  proposal,
  choices,
  targets,
  sourceVariables,
  locked,
  onChoose,
}: MappingReviewProps) {
  const { t } = useTranslation('importer');
  const rows = mappingRows(proposal, choices);
  const blockers = mappingBlockers(proposal, choices);
  const changed = new Set(proposal.changes.map(changedSource));
  const valueLabels = new Map(sourceVariables.map((v) => [v.name, v.valueLabels]));
  const count = (kind: MappingChoice['kind']) =>
    rows.filter((row) => row.choice?.kind === kind).length;

  return (
    <div className="mapping-review stack">
      <p className="muted" aria-label={t('review.summaryLabel', { file: fileName })}>
        {t('review.summary', {
          count: rows.length,
          targets: count('target'),
          added: count('new'),
          skipped: count('skip'),
        })}
        {proposal.previousSource &&
          t('review.comparedWith', {
            file: proposal.previousSource.fileName,
            wave: proposal.previousSource.wave,
          })}
      </p>
      {blockers.length > 0 && (
        <ul
          className="validation mapping-review__list"
          aria-label={t('review.decisionsLabel', { file: fileName })}
        >
          {blockers.map((message) => (
            <li key={message} className="validation__item validation__item--error">
              <strong>{t('review.decide')}</strong> {message}
            </li>
          ))}
        </ul>
      )}
      {proposal.changes.length > 0 && (
        <ul
          className="validation mapping-review__list"
          aria-label={t('review.changesLabel', {
            wave: proposal.previousSource?.wave ?? t('review.before'),
            file: fileName,
          })}
        >
          {proposal.changes.map((change, index) => (
            <li key={index} className="validation__item validation__item--warning">
              <strong>{t(`review.changeKind.${change.kind}`)}:</strong> {describeChange(change)}
            </li>
          ))}
        </ul>
      )}
      <div className="mapping-review__scroll">
        <table
          className="data-table mapping-table"
          aria-label={t('review.tableLabel', { file: fileName })}
        >
          <thead>
            <tr>
              <th>{t('review.inFile')}</th>
              <th>{t('review.inStudy')}</th>
              <th>{t('review.evidenceColumn')}</th>
              <th>{t('review.codesColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const proposed = typeof row.proposed === 'object' ? row.proposed : null;
              const tone =
                row.choice === null
                  ? 'problem'
                  : row.chosen
                    ? 'chosen'
                    : changed.has(row.source)
                      ? 'changed'
                      : null;
              const asProposed =
                proposed !== null &&
                row.choice?.kind === 'target' &&
                row.choice.target === proposed.target;
              return (
                <tr key={row.source} className={tone ? `mapping-row--${tone}` : undefined}>
                  <th scope="row">
                    <div>{row.source}</div>
                    {row.label && <div className="muted mapping-table__label">{row.label}</div>}
                  </th>
                  <td>
                    <select
                      value={choiceValue(row.choice)}
                      aria-label={t('review.targetFor', { source: row.source })}
                      disabled={locked}
                      onChange={(event) =>
                        onChoose(
                          row.source,
                          event.target.value === '' ? null : choiceFrom(event.target.value),
                        )
                      }
                    >
                      {row.choice === null && <option value="">{t('review.choose')}</option>}
                      {targets.map((target) => (
                        <option key={target.name} value={`target:${target.name}`}>
                          {target.name}
                          {shortLabel(target.label)}
                        </option>
                      ))}
                      <option value="new">{t('review.newVariable')}</option>
                      <option value="skip">{t('review.skip')}</option>
                    </select>
                  </td>
                  <td>
                    {row.chosen ? (
                      <>
                        {evidenceWord('user')}{' '}
                        <button
                          type="button"
                          className="link"
                          disabled={locked}
                          onClick={() => onChoose(row.source, null)}
                        >
                          {t('review.undo')}
                        </button>
                      </>
                    ) : proposed ? (
                      <>
                        {evidenceWord(proposed.evidence)}{' '}
                        <span className="muted">{Math.round(proposed.confidence * 100)}%</span>
                      </>
                    ) : row.proposed === 'new' ? (
                      <span className="muted">{t('review.noMatch')}</span>
                    ) : (
                      <span className="mapping-table__problem">{row.problems.join('; ')}</span>
                    )}
                  </td>
                  <td>
                    {asProposed ? (
                      <RecodedCodes
                        codes={proposed.codes}
                        valueLabels={valueLabels.get(row.source) ?? {}}
                      />
                    ) : row.choice?.kind === 'target' ? (
                      <span className="muted">{t('review.asInFile')}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
