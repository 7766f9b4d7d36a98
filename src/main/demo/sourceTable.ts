/**
 * One source file's content before it has a format: the drawn respondents under the names,
 * codes and labels of one wave's files in one language. Every writer (SPSS, Excel, CSV,
 * Triple-S) starts from this table, so the formats differ only in how they spell it, never in
 * what the respondents answered.
 */
import type { DemoLanguage } from './demoProfiles';
import type { DemoRespondent } from './demoRespondent';
import { verbatim } from './openAnswers';
import { INDUSTRY_COLUMN, industryValues, variablesOf } from './questionnaire';
import { sourceCodeFrame, sourceName, type DemoWave } from './waveChanges';

export type SourceColumn =
  { kind: 'numbers'; values: Float64Array } | { kind: 'texts'; values: Array<string | null> };

export interface SourceVariable {
  /** The name in the file (wave 2026 renames some). */
  name: string;
  label: string;
  type: 'single' | 'numeric' | 'text';
  /** The file's codes and their labels in the file's language, in the file's order. */
  values: Array<{ code: number; label: string }>;
  missing: number[];
  /** Numbers (NaN: not asked) for single and numeric variables; text (null: none) for text. */
  column: SourceColumn;
}

export interface SourceTable {
  respondentType: 'customer' | 'executive';
  wave: DemoWave;
  language: DemoLanguage;
  cases: number;
  variables: SourceVariable[];
}

function industryVariable(respondents: DemoRespondent[], language: DemoLanguage): SourceVariable {
  return {
    name: INDUSTRY_COLUMN.name,
    label: INDUSTRY_COLUMN.labels[language]!,
    type: 'single',
    values: industryValues(language),
    missing: [],
    column: {
      kind: 'numbers',
      values: Float64Array.from(respondents, (respondent) => respondent.industry),
    },
  };
}

export function sourceTable(
  respondents: DemoRespondent[],
  respondentType: 'customer' | 'executive',
  wave: DemoWave,
  language: DemoLanguage,
): SourceTable {
  const variables: SourceVariable[] = variablesOf(respondentType).map((master) => {
    const frame = sourceCodeFrame(master.name, wave);
    const fileCode = new Map(frame.map((value) => [value.masterCode, value.code]));
    const column: SourceColumn =
      master.type === 'text'
        ? {
            kind: 'texts',
            values: respondents.map((respondent) => {
              const index = respondent.verbatims[master.name] ?? null;
              return index === null ? null : verbatim(language, index);
            }),
          }
        : {
            kind: 'numbers',
            values: Float64Array.from(respondents, (respondent) => {
              const answer = respondent.answers[master.name] ?? null;
              if (answer === null) return Number.NaN;
              if (master.type !== 'single') return answer;
              const code = fileCode.get(answer);
              if (code === undefined)
                throw new RangeError(`${master.name}: code ${answer} is not offered in ${wave}`);
              return code;
            }),
          };
    return {
      name: sourceName(master.name, wave),
      label: master.labels[language]!,
      type: master.type,
      values: frame.map((value) => ({ code: value.code, label: value.labels[language]! })),
      missing: master.missing ?? [],
      column,
    };
  });
  // The agency puts the industry right after the respondent ID.
  variables.splice(1, 0, industryVariable(respondents, language));
  return { respondentType, wave, language, cases: respondents.length, variables };
}

/** The label of a file code, for formats that write answer texts instead of codes. */
export function valueLabelOf(variable: SourceVariable, code: number): string {
  const value = variable.values.find((candidate) => candidate.code === code);
  if (value === undefined) throw new RangeError(`${variable.name}: code ${code} has no label`);
  return value.label;
}
