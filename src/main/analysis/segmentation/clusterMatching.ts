/**
 * Which cluster of a refitted k-means stands for which saved cluster: cluster numbers are only
 * names (k-means numbers them by size, and sizes shift on another sample), so the two are matched
 * one to one so as to maximise the respondents they share — the assignment problem, solved
 * exactly by the Hungarian method (Kuhn 1955; Munkres 1957) in its O(k³) form with row and column
 * potentials and shortest augmenting paths.
 */

/** For each row, the column it is matched to, maximising the total of `weights[row][column]`. */
export function maximumAssignment(weights: readonly (readonly number[])[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const m = weights[0]!.length;
  if (m < n) throw new Error('maximumAssignment: fewer columns than rows');
  // Minimise the cost −weight; arrays are 1-based here, index 0 standing for "no row yet".
  const cost = (row: number, column: number) => -weights[row - 1]![column - 1]!;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOf = new Int32Array(m + 1);
  const previous = new Int32Array(m + 1);
  for (let row = 1; row <= n; row++) {
    rowOf[0] = row;
    let column = 0;
    const slack = new Float64Array(m + 1).fill(Number.POSITIVE_INFINITY);
    const used = new Uint8Array(m + 1);
    do {
      used[column] = 1;
      const current = rowOf[column]!;
      let delta = Number.POSITIVE_INFINITY;
      let next = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const reduced = cost(current, j) - u[current]! - v[j]!;
        if (reduced < slack[j]!) {
          slack[j] = reduced;
          previous[j] = column;
        }
        if (slack[j]! < delta) {
          delta = slack[j]!;
          next = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOf[j]!]! += delta;
          v[j]! -= delta;
        } else slack[j]! -= delta;
      }
      column = next;
    } while (rowOf[column] !== 0);
    // Flip the augmenting path back to the root.
    do {
      const before = previous[column]!;
      rowOf[column] = rowOf[before]!;
      column = before;
    } while (column !== 0);
  }
  const match = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOf[j]! > 0) match[rowOf[j]! - 1] = j - 1;
  return match;
}
