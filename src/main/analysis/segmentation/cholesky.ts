/**
 * Cholesky factorisation of a symmetric positive definite matrix (A = L·Lᵀ) and solving A·x = b
 * with it: how linear discriminant analysis applies the inverse of the pooled within-segment
 * covariance without forming it. Matrices are row-major Float64Arrays of size n × n.
 */

export class SingularMatrixError extends Error {
  override readonly name = 'SingularMatrixError';
  constructor(
    /** The 0-based row whose pivot vanished: that variable adds nothing the earlier ones lack. */
    readonly row: number,
  ) {
    super(`the matrix is not positive definite (row ${row + 1})`);
  }
}

/**
 * The lower triangle L of A = L·Lᵀ. A pivot at or below `tolerance` times its diagonal entry
 * means the variable is (almost) a linear combination of the earlier ones: an error, since its
 * direction would be amplified without bound.
 */
export function cholesky(a: Float64Array, n: number, tolerance = 1e-10): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > tolerance * a[i * n + i]!)) throw new SingularMatrixError(i);
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}

/** x with L·Lᵀ·x = b: forward substitution, then back substitution. */
export function choleskySolve(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * y[k]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}
