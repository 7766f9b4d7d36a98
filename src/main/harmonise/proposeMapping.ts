/**
 * The mapping proposal: for each source variable, the study variable it most likely is, from the
 * strongest evidence down — the same name; the mapping used for the previous wave of the same
 * country; the label in the same language (the study's own, or a translation it holds); the same
 * code frame. Each source variable lands on at most one study variable and the other way round;
 * what the evidence cannot settle is a problem for the user, never a guess.
 */
import type {
  MappingCandidate,
  MappingChange,
  MappingProblem,
  SourceMapping,
  VariableMapping,
} from '../../shared/domain/mapping';
import type { VariableType } from '../../shared/domain/study';
import type { ImportedVariable } from '../import/importedDataset';
import { matchCodes, type CodeMatch } from './codeMapping';
import { labelSimilarity } from './labelSimilarity';
import type { CodebookVariable } from './studyCodebook';

/** Below this a candidate is not proposed at all: the variable becomes a new one. */
const ACCEPT = 0.6;
/** Two candidates closer than this, neither by name or earlier mapping, are ambiguous. */
const TIE = 0.05;

export interface ProposalInput {
  codebook: readonly CodebookVariable[];
  variables: readonly ImportedVariable[];
  /** The language of the source's labels. */
  language: string;
  /** The mapping the previous wave of the same country used. */
  previous: SourceMapping | null;
  /** Study codes the previous source labelled, by study variable (to spot dropped answers). */
  previousCodes?: Record<string, number[]>;
}

export interface ProposalResult {
  mapping: SourceMapping;
  problems: MappingProblem[];
  changes: MappingChange[];
}

/**
 * Whether a source variable can land on a study variable: same type, codes on numbers, or
 * anything on text — a CSV's short verbatim column is typed `single`, and its answers become
 * their texts again.
 */
export function compatibleTypes(study: VariableType, source: VariableType): boolean {
  if (study === source) return true;
  if (study === 'text' && (source === 'single' || source === 'numeric')) return true;
  const coded: VariableType[] = ['single', 'numeric'];
  return coded.includes(study) && coded.includes(source);
}

function sameFrame(source: ImportedVariable, target: CodebookVariable): boolean {
  const codes = source.valueLabels.map((vl) => vl.code);
  if (codes.length === 0 || codes.length !== target.values.length) return false;
  return codes.every((code, index) => code === target.values[index]!.code);
}

function labelCandidate(
  source: ImportedVariable,
  target: CodebookVariable,
  language: string,
): MappingCandidate | null {
  if (!source.label) return null;
  const own = target.labels[language];
  if (own !== undefined) {
    const similarity = labelSimilarity(source.label, own);
    if (similarity >= 0.7) {
      return {
        target: target.name,
        evidence: target.sourceLanguage === language ? 'label' : 'translation',
        confidence: similarity === 1 ? 0.9 : similarity * 0.85,
      };
    }
  }
  // The file may carry the study's words in another language (English labels in a German file).
  let best = 0;
  for (const [other, text] of Object.entries(target.labels))
    if (other !== language) best = Math.max(best, labelSimilarity(source.label, text));
  return best >= 0.9
    ? { target: target.name, evidence: 'translation', confidence: best * 0.75 }
    : null;
}

/** Every study variable the source variable could be, best first, one entry per target. */
export function candidatesFor(
  source: ImportedVariable,
  input: Pick<ProposalInput, 'codebook' | 'language' | 'previous'>,
): MappingCandidate[] {
  const byTarget = new Map<string, MappingCandidate>();
  const offer = (candidate: MappingCandidate | null) => {
    if (!candidate) return;
    const held = byTarget.get(candidate.target);
    if (!held || candidate.confidence > held.confidence) byTarget.set(candidate.target, candidate);
  };
  const compatible = input.codebook.filter((target) => compatibleTypes(target.type, source.type));
  const lowerName = source.name.toLowerCase();
  const previousTarget = previousTargets(input.previous).get(source.name);
  for (const target of compatible) {
    if (target.name === previousTarget)
      offer({ target: target.name, evidence: 'previous-wave', confidence: 0.97 });
    if (target.name.toLowerCase() === lowerName)
      offer({ target: target.name, evidence: 'same-name', confidence: 0.95 });
  }
  // A name or an earlier mapping outranks any label, so labels are compared only without one:
  // a new wave of a 10,000-variable file stays linear.
  if (byTarget.size > 0) return [...byTarget.values()].sort((a, b) => b.confidence - a.confidence);
  for (const target of compatible) {
    const byLabel = labelCandidate(source, target, input.language);
    if (byLabel && sameFrame(source, target))
      byLabel.confidence = Math.min(0.92, byLabel.confidence + 0.05);
    offer(byLabel);
  }
  return [...byTarget.values()].sort((a, b) => b.confidence - a.confidence);
}

const previousTargetCache = new WeakMap<SourceMapping, Map<string, string>>();

/** Source name → study name in the previous wave's mapping (new variables kept their names). */
function previousTargets(previous: SourceMapping | null): Map<string, string> {
  if (!previous) return new Map();
  let targets = previousTargetCache.get(previous);
  if (!targets) {
    targets = new Map(previous.new.map((name) => [name, name]));
    for (const entry of previous.variables) targets.set(entry.source, entry.target);
    previousTargetCache.set(previous, targets);
  }
  return targets;
}

/** The study codes a source variable labels, once its answers are recoded. */
export function studyCodesOf(source: ImportedVariable, codes: Record<string, number>): number[] {
  return source.valueLabels.flatMap((vl) =>
    typeof vl.code === 'number' ? [codes[String(vl.code)] ?? vl.code] : [],
  );
}

function isDecisive(candidate: MappingCandidate): boolean {
  return candidate.evidence === 'same-name' || candidate.evidence === 'previous-wave';
}

function describeCodes(codes: Record<string, number>): string {
  const pairs = Object.entries(codes).map(([from, to]) => `${from}→${to}`);
  return pairs.length === 0 ? 'codes unchanged' : pairs.join(', ');
}

function sameCodes(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

export function proposeMapping(input: ProposalInput): ProposalResult {
  const byName = new Map(input.codebook.map((target) => [target.name, target]));
  const problems: MappingProblem[] = [];
  const candidates = new Map(
    input.variables.map((source) => [source.name, candidatesFor(source, input)]),
  );
  const undecidable = new Set<string>();
  for (const source of input.variables) {
    const [first, second] = (candidates.get(source.name) ?? []).filter(
      (candidate) => candidate.confidence >= ACCEPT,
    );
    if (first && second && !isDecisive(first) && first.confidence - second.confidence < TIE) {
      undecidable.add(source.name);
      problems.push({
        kind: 'ambiguous',
        source: source.name,
        candidates: candidates.get(source.name)!.slice(0, 5),
        message: `${source.name} could be ${first.target} or ${second.target} (${first.evidence} ${first.confidence.toFixed(2)}, ${second.evidence} ${second.confidence.toFixed(2)})`,
      });
    }
    const sameName = input.codebook.find(
      (target) => target.name.toLowerCase() === source.name.toLowerCase(),
    );
    if (sameName && !compatibleTypes(sameName.type, source.type)) {
      undecidable.add(source.name);
      problems.push({
        kind: 'ambiguous',
        source: source.name,
        candidates: candidates.get(source.name)!.slice(0, 5),
        message: `${source.name} is ${source.type} in the file but ${sameName.type} in the study: map it to another variable or import it as a new one`,
      });
    }
  }

  // Strongest pairs first, so a weaker match never takes a variable a stronger one needs.
  const pairs = input.variables
    .filter((source) => !undecidable.has(source.name))
    .flatMap((source) =>
      (candidates.get(source.name) ?? [])
        .filter((candidate) => candidate.confidence >= ACCEPT)
        .map((candidate) => ({ source, candidate })),
    )
    .sort((a, b) => b.candidate.confidence - a.candidate.confidence);
  const assigned = new Map<string, VariableMapping>();
  const taken = new Set<string>();
  const labelledCodes: Record<string, number[]> = {};
  const codeMatches = new Map<string, CodeMatch>();
  const place = (
    source: ImportedVariable,
    target: CodebookVariable,
    answers: CodeMatch,
    evidence: MappingCandidate['evidence'],
    confidence: number,
  ) => {
    codeMatches.set(source.name, answers);
    assigned.set(source.name, {
      source: source.name,
      target: target.name,
      codes: answers.codes,
      evidence,
      confidence: Math.round(confidence * 100) / 100,
    });
    taken.add(target.name);
    labelledCodes[target.name] = studyCodesOf(source, answers.codes);
  };
  for (const { source, candidate } of pairs) {
    if (assigned.has(source.name) || taken.has(candidate.target)) continue;
    const target = byName.get(candidate.target)!;
    const answers = matchCodes(source, target, input.language);
    for (const conflict of answers.conflicts)
      problems.push({
        kind: 'code-conflict',
        source: source.name,
        target: target.name,
        code: conflict.code,
        message: conflict.message,
      });
    place(source, target, answers, candidate.evidence, candidate.confidence);
  }
  // A code frame alone says little (every 1–5 scale looks alike), but once the other variables
  // are placed, a file variable whose every answer is one of exactly one free study variable's
  // answers is that variable — how a renamed column of a CSV, which has no labels, is found.
  const unplaced = input.variables.filter(
    (source) => !assigned.has(source.name) && !undecidable.has(source.name),
  );
  // Comparing every answer of every unplaced variable with every free study variable is
  // quadratic: a wholly new 10,000-variable file skips it (its variables are simply new).
  const affordable = unplaced.length * (input.codebook.length - taken.size) <= 1_000_000;
  for (const source of affordable ? unplaced : []) {
    if (assigned.has(source.name)) continue;
    const labelled = source.valueLabels.filter((vl) => typeof vl.code === 'number').length;
    if (labelled < 2) continue;
    const fits: Array<{ target: CodebookVariable; answers: CodeMatch }> = [];
    for (const target of input.codebook) {
      if (taken.has(target.name) || !compatibleTypes(target.type, source.type)) continue;
      const answers = matchCodes(source, target, input.language);
      if (answers.matchedByLabel === labelled && answers.conflicts.length === 0)
        fits.push({ target, answers });
    }
    if (fits.length === 1) place(source, fits[0]!.target, fits[0]!.answers, 'code-frame', 0.7);
  }
  const mapping: SourceMapping = {
    variables: input.variables.flatMap((source) => assigned.get(source.name) ?? []),
    new: input.variables
      .filter((source) => !assigned.has(source.name) && !undecidable.has(source.name))
      .map((source) => source.name),
  };
  const isNew = new Set(mapping.new);
  for (const source of input.variables)
    if (isNew.has(source.name)) labelledCodes[source.name] = studyCodesOf(source, {});
  return {
    mapping,
    problems,
    changes: changesSincePrevious(input, mapping, codeMatches, labelledCodes),
  };
}

function changesSincePrevious(
  input: ProposalInput,
  mapping: SourceMapping,
  codeMatches: Map<string, CodeMatch>,
  labelledCodes: Record<string, number[]>,
): MappingChange[] {
  const previous = input.previous;
  if (!previous) return [];
  const changes: MappingChange[] = [];
  const previousByTarget = new Map<string, { source: string; codes: Record<string, number> }>();
  for (const entry of previous.variables)
    previousByTarget.set(entry.target, { source: entry.source, codes: entry.codes });
  for (const name of previous.new) previousByTarget.set(name, { source: name, codes: {} });
  const currentTargets = new Set<string>();
  for (const entry of mapping.variables) {
    currentTargets.add(entry.target);
    const before = previousByTarget.get(entry.target);
    if (!before) continue;
    if (before.source !== entry.source)
      changes.push({
        kind: 'renamed',
        target: entry.target,
        from: before.source,
        to: entry.source,
      });
    if (!sameCodes(before.codes, entry.codes))
      changes.push({
        kind: 'code-frame-changed',
        target: entry.target,
        source: entry.source,
        detail: `now ${describeCodes(entry.codes)}; before ${describeCodes(before.codes)}`,
      });
    for (const category of codeMatches.get(entry.source)?.newCategories ?? [])
      changes.push({
        kind: 'new-category',
        target: entry.target,
        source: entry.source,
        code: category.code,
        label: category.label,
      });
    const earlierCodes = input.previousCodes?.[entry.target];
    const nowCodes = new Set(labelledCodes[entry.target] ?? []);
    for (const code of earlierCodes ?? [])
      if (!nowCodes.has(code))
        changes.push({
          kind: 'dropped-category',
          target: entry.target,
          source: entry.source,
          code: String(code),
        });
  }
  for (const name of mapping.new) {
    if (previousByTarget.has(name)) currentTargets.add(name);
    else changes.push({ kind: 'new-variable', source: name });
  }
  for (const target of previousByTarget.keys())
    if (!currentTargets.has(target)) changes.push({ kind: 'dropped-variable', target });
  return changes;
}
