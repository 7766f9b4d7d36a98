/** The jstat-backed p-value functions against R's pnorm, pt and pchisq. */
import { describe, expect, it } from 'vitest';
import {
  chiSquareUpperP,
  normalTwoSidedP,
  studentTTwoSidedP,
} from '../../../../../src/main/analysis/significance/distributions';
import { expectClose, rReference } from './references';

const { distributions } = rReference();

describe('distribution functions against R', () => {
  it.each(distributions.normalTwoSided)('normal, z = $z', ({ z, p }) => {
    expectClose(normalTwoSidedP(z), p, 1e-6);
    expectClose(normalTwoSidedP(-z), p, 1e-6);
  });

  it.each(distributions.tTwoSided)('t, t = $t, df = $df', ({ t, df, p }) => {
    expectClose(studentTTwoSidedP(t, df), p, 1e-6);
  });

  it.each(distributions.chiSquareUpper)('chi-square, x = $x, df = $df', ({ x, df, p }) => {
    expectClose(chiSquareUpperP(x, df), p, 1e-6);
  });

  it('handles the edges: infinite statistics, zero, undefined df', () => {
    expect(normalTwoSidedP(Number.POSITIVE_INFINITY)).toBe(0);
    expect(studentTTwoSidedP(Number.NEGATIVE_INFINITY, 5)).toBe(0);
    expect(studentTTwoSidedP(1, 0)).toBeNaN();
    expect(chiSquareUpperP(0, 3)).toBe(1);
    expect(normalTwoSidedP(Number.NaN)).toBeNaN();
  });
});
