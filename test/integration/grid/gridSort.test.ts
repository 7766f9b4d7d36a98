/**
 * The grid's row order over every kind of column, held to a plain comparator sort on random
 * data: numbers of every sign and size (with -0, infinities and missing), small and large codes
 * with the missing sentinel, and text with empty (missing) values.
 */
import { describe, expect, it } from 'vitest';
import { MISSING_U16, MISSING_U8, textColumn } from '../../../src/main/study/columnStore';
import { sortRows } from '../../../src/main/worker/dataGridPage';
import { seededRandom } from '../../../src/cli/bench/surveyGenerator';

/** The reference: present values by value (then row), missing rows after, in row order. */
function reference<T>(
  rows: number[],
  value: (row: number) => T | null,
  compare: (a: T, b: T) => number,
  descending: boolean,
): number[] {
  const present = rows.filter((row) => value(row) !== null);
  const absent = rows.filter((row) => value(row) === null);
  present.sort((a, b) => (descending ? -1 : 1) * compare(value(a)!, value(b)!) || a - b);
  return [...present, ...absent];
}

const random = seededRandom(7);
const N = 5000;
/** Every other row, shuffled: the order a filter and an earlier sort may hand over. */
const rows = Array.from({ length: N }, (_, i) => i)
  .filter((row) => row % 2 === 0)
  .sort(() => random() - 0.5)
  .sort((a, b) => a - b);

describe('sortRows', () => {
  const numbers = Float64Array.from({ length: N }, () => {
    const pick = random();
    if (pick < 0.1) return Number.NaN;
    if (pick < 0.12) return [0, -0, Infinity, -Infinity, 1e-300, -1e300][Math.floor(random() * 6)]!;
    return Math.round((random() - 0.5) * 2000) / (random() < 0.5 ? 1 : 7);
  });

  for (const descending of [false, true]) {
    const direction = descending ? 'descending' : 'ascending';

    it(`orders numbers ${direction} as a comparator does, missing last`, () => {
      const sorted = sortRows(
        Uint32Array.from(rows),
        { encoding: 'f64', values: numbers },
        descending,
        'en',
      );
      const expected = reference(
        rows,
        (row) => (Number.isNaN(numbers[row]!) ? null : numbers[row]!),
        (a, b) => a - b,
        descending,
      );
      expect(Array.from(sorted).map((row) => numbers[row])).toEqual(
        expected.map((row) => numbers[row]),
      );
      // Ties in the given order: the rows themselves match, not only their values.
      expect(Array.from(sorted).filter((row) => !Object.is(numbers[row], -0))).toEqual(
        expected.filter((row) => !Object.is(numbers[row], -0)),
      );
    });

    it(`orders small and large codes ${direction}, the missing sentinel last`, () => {
      const small = Uint8Array.from({ length: N }, () =>
        random() < 0.1 ? MISSING_U8 : Math.floor(random() * 12),
      );
      const large = Uint16Array.from({ length: N }, () =>
        random() < 0.1 ? MISSING_U16 : Math.floor(random() * 3000),
      );
      expect(
        Array.from(
          sortRows(Uint32Array.from(rows), { encoding: 'u8', values: small }, descending, 'en'),
        ),
      ).toEqual(
        reference(
          rows,
          (row) => (small[row] === MISSING_U8 ? null : small[row]!),
          (a, b) => a - b,
          descending,
        ),
      );
      expect(
        Array.from(
          sortRows(Uint32Array.from(rows), { encoding: 'u16', values: large }, descending, 'en'),
        ),
      ).toEqual(
        reference(
          rows,
          (row) => (large[row] === MISSING_U16 ? null : large[row]!),
          (a, b) => a - b,
          descending,
        ),
      );
    });

    it(`orders text ${direction} by the language's collation, empty last`, () => {
      const words = ['Zoë', 'anna', 'Émile', 'item 10', 'item 9', 'Ben', 'ben', ''];
      const texts = Array.from({ length: N }, () => words[Math.floor(random() * words.length)]!);
      const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
      const sorted = sortRows(Uint32Array.from(rows), textColumn(texts), descending, 'en');
      expect(Array.from(sorted).map((row) => texts[row])).toEqual(
        reference(
          rows,
          (row) => (texts[row] === '' ? null : texts[row]!),
          collator.compare,
          descending,
        ).map((row) => texts[row]),
      );
    });
  }
});
