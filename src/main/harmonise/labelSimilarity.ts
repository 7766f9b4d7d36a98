/**
 * How alike two labels are, for matching a source's questions and answers to the codebook's in the
 * same language. Agencies retype labels: case, accents, punctuation, numbering ("Q5.") and spacing
 * drift while the words stay, so labels are compared on normalised letter pairs (Sørensen–Dice),
 * which tolerates small edits but not different questions. Numbers inside a label tell items
 * apart ("brand 3", "brand 4"), so labels with different numbers count as at most half alike.
 */

/** Lower case, accents folded, question numbers and punctuation dropped, spaces collapsed. */
export function normaliseLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/^\s*(q|f|d|v)?\s*\d+[a-z]?[.):_-]\s*/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function letterPairs(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  // Korean and other unspaced scripts still form pairs across their characters.
  const chars = Array.from(text);
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

function numbersIn(text: string): string {
  return (text.match(/\p{N}+/gu) ?? []).join(' ');
}

/** 1 for labels equal after normalising, down to 0 for labels sharing no letter pair. */
export function labelSimilarity(a: string, b: string): number {
  const left = normaliseLabel(a);
  const right = normaliseLabel(b);
  if (left === right) return left === '' ? 0 : 1;
  const pairs = pairSimilarity(left, right);
  return numbersIn(left) === numbersIn(right) ? pairs : pairs / 2;
}

function pairSimilarity(left: string, right: string): number {
  const leftPairs = letterPairs(left);
  const rightPairs = letterPairs(right);
  let total = 0;
  for (const count of leftPairs.values()) total += count;
  for (const count of rightPairs.values()) total += count;
  if (total === 0) return 0;
  let shared = 0;
  for (const [pair, count] of leftPairs) shared += Math.min(count, rightPairs.get(pair) ?? 0);
  return (2 * shared) / total;
}
