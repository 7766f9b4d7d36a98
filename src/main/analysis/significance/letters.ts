/**
 * Column letters within a banner group: A, B, … Z, then AA, AB, … (spreadsheet style), so any
 * number of columns gets distinct letters. SPSS CTABLES and Dimensions stop at 26/52 columns; we do
 * not, because a nested banner can have more.
 */

/** The letter of the column at 0-based `position`. */
export function columnLetter(position: number): string {
  if (!Number.isInteger(position) || position < 0) {
    throw new RangeError(`column position must be a non-negative integer, got ${position}`);
  }
  let letter = '';
  let n = position;
  do {
    letter = String.fromCharCode(65 + (n % 26)) + letter;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letter;
}

/** Letters for `count` columns: ['A', 'B', …]. */
export function columnLetters(count: number): string[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`column count must be a non-negative integer, got ${count}`);
  }
  return Array.from({ length: count }, (_, i) => columnLetter(i));
}

/**
 * The letters of one cell, in column order. Single-character letters are run together as SPSS and
 * Dimensions print them ("BcD"); once any letter has two characters a space keeps them readable
 * ("AA b").
 */
export function joinLetters(letters: readonly string[]): string {
  return letters.some((letter) => letter.length > 1) ? letters.join(' ') : letters.join('');
}
