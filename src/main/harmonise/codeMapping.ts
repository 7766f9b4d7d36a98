/**
 * Which study code each of a source variable's labelled codes becomes. Answers are matched by
 * their labels — in the source's language first, then in any language the study holds — because
 * agencies renumber code frames between waves and a CSV of answer texts numbers them
 * alphabetically; the label is what the respondent saw. Where every other answer kept its code, a
 * label that matches nothing on a code whose study answer the file has nowhere else is the same
 * answer relabelled and keeps its code (the import warns about the label). Otherwise it is a new
 * category: it keeps its code where the study has no such code, else takes the next free one.
 */
import type { ImportedVariable } from '../import/importedDataset';
import type { CodebookVariable } from './studyCodebook';
import { labelSimilarity } from './labelSimilarity';

/** Labels this alike are the same answer (a retyped accent or a trailing full stop). */
const SAME_ANSWER = 0.85;

export interface CodeMatch {
  /** Source code → study code, only where they differ. */
  codes: Record<string, number>;
  /** Source codes whose answer the study does not have yet. */
  newCategories: Array<{ code: string; label: string }>;
  /** Source codes kept on their study code although their labels differ. */
  relabelled: Array<{ code: string; label: string }>;
  /** Two source answers that land on one study answer: the user must decide. */
  conflicts: Array<{ code: string; message: string }>;
  /** How many labelled source answers matched a study answer by label. */
  matchedByLabel: number;
}

function bestLabelMatch(
  label: string,
  target: CodebookVariable,
  language: string,
): { code: number; score: number } | null {
  let best: { code: number; score: number } | null = null;
  const consider = (code: number, text: string | undefined, discount: number) => {
    if (text === undefined) return;
    const score = labelSimilarity(label, text) * discount;
    if (score >= SAME_ANSWER * discount && (!best || score > best.score)) best = { code, score };
  };
  for (const value of target.values) consider(value.code, value.labels[language], 1);
  if (best) return best;
  // The study may not hold this language yet: the same words in another language still count.
  for (const value of target.values)
    for (const text of Object.values(value.labels)) consider(value.code, text, 0.99);
  return best;
}

export function matchCodes(
  source: ImportedVariable,
  target: CodebookVariable,
  language: string,
): CodeMatch {
  const result: CodeMatch = {
    codes: {},
    newCategories: [],
    relabelled: [],
    conflicts: [],
    matchedByLabel: 0,
  };
  const labelled = source.valueLabels.filter(
    (valueLabel): valueLabel is { code: number; label: string } =>
      typeof valueLabel.code === 'number',
  );
  if (labelled.length === 0 || target.values.length === 0) return result;
  const studyCodes = new Set(target.values.map((value) => value.code));
  const landedFrom = new Map<number, string>();
  const unmatched: Array<{ code: number; label: string }> = [];
  for (const { code, label } of labelled) {
    const match = bestLabelMatch(label, target, language);
    if (!match) {
      unmatched.push({ code, label });
      continue;
    }
    result.matchedByLabel++;
    const earlier = landedFrom.get(match.code);
    if (earlier !== undefined) {
      result.conflicts.push({
        code: String(code),
        message: `${source.name}: codes ${earlier} and ${code} both match ${target.name} code ${match.code}`,
      });
      continue;
    }
    landedFrom.set(match.code, String(code));
    if (match.code !== code) result.codes[String(code)] = match.code;
  }
  // New answers keep their code when it is free in the study and not taken by a recoded answer.
  let nextFree = Math.max(0, ...studyCodes, ...labelled.map((vl) => vl.code)) + 1;
  for (const { code, label } of unmatched) {
    const frameUnchanged = Object.keys(result.codes).length === 0;
    if (frameUnchanged && studyCodes.has(code) && !landedFrom.has(code)) {
      landedFrom.set(code, String(code));
      result.relabelled.push({ code: String(code), label });
      continue;
    }
    const free = !studyCodes.has(code) && !landedFrom.has(code);
    const studyCode = free ? code : nextFree++;
    landedFrom.set(studyCode, String(code));
    if (studyCode !== code) result.codes[String(code)] = studyCode;
    result.newCategories.push({ code: String(code), label });
  }
  return result;
}
