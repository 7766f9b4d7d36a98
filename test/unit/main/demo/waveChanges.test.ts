/**
 * Specification of what wave 2026's files change: two customer variables renamed, the motive
 * code frame renumbered with one new reason, everything else as in 2025.
 */
import { describe, expect, it } from 'vitest';
import {
  MOTIVE,
  questionnaireVariable,
  variablesOf,
} from '../../../../src/main/demo/questionnaire';
import { offeredIn, sourceCodeFrame, sourceName } from '../../../../src/main/demo/waveChanges';

describe('sourceName', () => {
  it('renames rate and deal_seeking in wave 2026 and nothing else', () => {
    const renamed = variablesOf('customer')
      .map((variable) => variable.name)
      .filter((name) => sourceName(name, '2026') !== name)
      .map((name) => [name, sourceName(name, '2026')]);
    expect(renamed).toEqual([
      ['rate', 'rate_brands'],
      ['deal_seeking', 'deal_hunting'],
    ]);
    for (const variable of [...variablesOf('customer'), ...variablesOf('executive')])
      expect(sourceName(variable.name, '2025')).toBe(variable.name);
  });
});

describe('sourceCodeFrame', () => {
  it('keeps the master codes in 2025, without the reason new in 2026', () => {
    expect(
      sourceCodeFrame('motive', '2025').map((value) => [value.code, value.masterCode]),
    ).toEqual([1, 2, 3, 4, 5, 6, 97].map((code) => [code, code]));
    expect(offeredIn('motive', MOTIVE.entertainment, '2025')).toBe(false);
  });

  it('renumbers motive in 2026 as 1..8, offering every reason once with its master label', () => {
    const frame = sourceCodeFrame('motive', '2026');
    expect(frame.map((value) => value.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const master = questionnaireVariable('motive').values;
    expect(frame.map((value) => value.masterCode).sort((a, b) => a - b)).toEqual(
      master.map((value) => value.code),
    );
    for (const value of frame)
      expect(value.labels).toEqual(master.find((m) => m.code === value.masterCode)!.labels);
    const moved = frame.filter((value) => value.code !== value.masterCode);
    expect(moved.length).toBeGreaterThanOrEqual(6);
    expect(offeredIn('motive', MOTIVE.entertainment, '2026')).toBe(true);
  });

  it('leaves every other code frame as it was', () => {
    for (const variable of [...variablesOf('customer'), ...variablesOf('executive')]) {
      if (variable.name === 'motive') continue;
      expect(sourceCodeFrame(variable.name, '2026'), variable.name).toEqual(
        sourceCodeFrame(variable.name, '2025'),
      );
    }
  });
});
