/**
 * The number and missing-value grammar shared by CSV fields and Excel text cells: every accepted
 * number must equal what JavaScript's Number() makes of it, and every rejected form stays text.
 */
import { describe, expect, it } from 'vitest';
import {
  isMissingBytes,
  isMissingText,
  parseNumberBytes,
  parseNumberText,
} from '../../../../../src/main/import/tabular/cellText';
import { seededRandom } from '../csv/surveyCsv';

function bytesOf(text: string): [Buffer, number, number] {
  // Padding around the field checks that only [start, end) is read.
  const buffer = Buffer.from(`9,${text},9`, 'latin1');
  return [buffer, 2, 2 + Buffer.byteLength(text, 'latin1')];
}

describe('missing markers', () => {
  it.each(['', ' ', 'NA', ' NA ', '.', '\t.\t'])('%j is missing', (text) => {
    expect(isMissingBytes(...bytesOf(text))).toBe(true);
    expect(isMissingText(text)).toBe(true);
  });

  it.each(['na', 'N/A', '..', '0', '-', 'NaN', 'NULL'])('%j is not missing', (text) => {
    expect(isMissingBytes(...bytesOf(text))).toBe(false);
    expect(isMissingText(text)).toBe(false);
  });
});

describe('numbers', () => {
  it.each([
    '0',
    '7',
    '-7',
    '+7',
    '12',
    '252',
    '255',
    '-0.5',
    '.5',
    '-.5',
    '1.25',
    '1e3',
    '1E-3',
    '2.5e+2',
    ' 42 ',
    '123456789012345',
    '0.30000000000000004',
    '4.35',
    '9007199254740993.5',
    '1e400',
    '1e-400',
  ])('%j is Number(%j)', (text) => {
    expect(parseNumberBytes(...bytesOf(text))).toBe(Number(text));
    expect(parseNumberText(text)).toBe(Number(text));
  });

  it.each([
    '007',
    '00',
    '-01',
    '1234567890123456',
    '1.',
    '1,5',
    '1 000',
    '1e',
    '1e+',
    'e5',
    '.',
    '-',
    '+',
    '0x1F',
    'Inf',
    'NaN',
    '12a',
    '1.2.3',
    '١٢',
    '１２',
  ])('%j is not a number', (text) => {
    expect(parseNumberText(text)).toBeNaN();
    if (/^[\x20-\x7e]*$/.test(text)) expect(parseNumberBytes(...bytesOf(text))).toBeNaN();
  });

  it('parses random decimals exactly as Number() does', () => {
    const random = seededRandom(3);
    for (let i = 0; i < 20_000; i++) {
      const digits = 1 + Math.floor(random() * 17);
      let text = String(Math.floor(random() * 10 ** Math.min(digits, 15)));
      if (random() < 0.7)
        text = `${text}.${String(Math.floor(random() * 1e9))
          .padStart(9, '0')
          .slice(0, 1 + Math.floor(random() * 9))}`;
      if (random() < 0.2) text = `${text}e${Math.floor(random() * 40) - 20}`;
      if (random() < 0.3) text = `-${text}`;
      const expected = /^-?(0\d|\d{16,}$)/.test(text) ? Number.NaN : Number(text);
      expect(parseNumberText(text)).toBe(expected);
    }
  });
});
