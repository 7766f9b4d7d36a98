/**
 * What the agency changed between the demo's two waves, so that importing wave 2026 has
 * something real to harmonise: two customer variables are renamed in every country's files
 * (same labels), and `motive` comes with a reordered, renumbered code frame that adds one new
 * reason. The questionnaire keeps one master name and one master code per answer; these
 * functions give what a given wave's files say instead.
 */
import { MOTIVE, questionnaireVariable, type QuestionnaireValue } from './questionnaire';

export type DemoWave = '2025' | '2026';

/** Master name → the name wave 2026 files use. */
export const RENAMED_IN_2026: Readonly<Record<string, string>> = {
  rate: 'rate_brands',
  deal_seeking: 'deal_hunting',
};

/** The variable whose code frame changes in 2026. */
export const RECODED_IN_2026 = 'motive';

/**
 * Wave 2026's `motive` frame as [code in the file, master code], in the file's order: the old
 * reasons reordered and renumbered, "to be entertained" new, "another reason" moved to 8.
 */
const MOTIVE_2026: ReadonlyArray<readonly [number, number]> = [
  [1, MOTIVE.information],
  [2, MOTIVE.deals],
  [3, MOTIVE.help],
  [4, MOTIVE.entertainment],
  [5, MOTIVE.share],
  [6, MOTIVE.improve],
  [7, MOTIVE.connected],
  [8, MOTIVE.other],
];

/** The reasons wave 2025 could not offer yet. */
const NEW_IN_2026: ReadonlySet<number> = new Set([MOTIVE.entertainment]);

/** The name a variable has in a wave's files. */
export function sourceName(masterName: string, wave: DemoWave): string {
  return wave === '2026' ? (RENAMED_IN_2026[masterName] ?? masterName) : masterName;
}

/**
 * A variable's code frame as a wave's files declare it, in the files' order: each value with
 * the code the file uses and the master code it stands for (labels are the master's).
 */
export function sourceCodeFrame(
  masterName: string,
  wave: DemoWave,
): Array<{ code: number; masterCode: number; labels: QuestionnaireValue['labels'] }> {
  const master = questionnaireVariable(masterName).values;
  if (masterName !== RECODED_IN_2026)
    return master.map((value) => ({
      code: value.code,
      masterCode: value.code,
      labels: value.labels,
    }));
  if (wave === '2025')
    return master
      .filter((value) => !NEW_IN_2026.has(value.code))
      .map((value) => ({ code: value.code, masterCode: value.code, labels: value.labels }));
  return MOTIVE_2026.map(([code, masterCode]) => ({
    code,
    masterCode,
    labels: master.find((value) => value.code === masterCode)!.labels,
  }));
}

/** Whether a master code can be answered in a wave (the new reason only from 2026). */
export function offeredIn(masterName: string, masterCode: number, wave: DemoWave): boolean {
  return sourceCodeFrame(masterName, wave).some((value) => value.masterCode === masterCode);
}
