/**
 * The seeded hold-out sample a typing tool is judged on: of every segment's respondents, a share
 * (30%) is drawn at random and set aside; the model is trained on the rest and scored on them.
 * Drawing within each segment (stratified) keeps a small segment — creators are about 4% — in both
 * parts in its own proportion, which a plain draw of 30% would only do on average. The draw is a
 * Fisher–Yates shuffle from the seeded generator, so a seed gives the same sample on every machine.
 */
import { seededRandom } from './seededRandom';

/** The generator stream of hold-out draws, apart from the k-means streams (one per k). */
const HOLD_OUT_STREAM = 0x401d;

export const HOLD_OUT_SHARE = 0.3;

export interface HoldOutSplit {
  /** Row indices, ascending. */
  train: Int32Array;
  test: Int32Array;
}

/**
 * `classOf[row]` is the respondent's segment index, or −1 for a respondent in neither part.
 * Each segment with n respondents puts round(share · n) of them in the test part.
 */
export function holdOutSplit(
  classOf: Int32Array,
  classes: number,
  seed: number,
  share = HOLD_OUT_SHARE,
): HoldOutSplit {
  const members: number[][] = Array.from({ length: classes }, () => []);
  for (let row = 0; row < classOf.length; row++) {
    const c = classOf[row]!;
    if (c >= 0) members[c]!.push(row);
  }
  const random = seededRandom(seed, HOLD_OUT_STREAM);
  const train: number[] = [];
  const test: number[] = [];
  for (const rows of members) {
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.min(i, Math.floor(random() * (i + 1)));
      [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    }
    const held = Math.round(share * rows.length);
    // A loop, not push(...rows): spreading a segment of 100,000s of rows overflows the stack.
    for (let i = 0; i < rows.length; i++) (i < held ? test : train).push(rows[i]!);
  }
  const sorted = (list: number[]) => Int32Array.from(list).sort();
  return { train: sorted(train), test: sorted(test) };
}
